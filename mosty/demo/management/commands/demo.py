from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from mosty.demo.builders.seeds import DEMO_PASSWORD
from mosty.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo content (the five seed programmes) and demo accounts; safe to repeat."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="Load the demo although DEBUG is off (never on a real site).")

    def handle(self, *args: object, **options: object) -> None:
        # The demo accounts, a superuser among them, have a published password.
        if not settings.DEBUG and not options["force"]:
            raise CommandError("The demo creates accounts with a public password: run it with "
                               "DEBUG=1 (as scripts/demo.sh does), or --force on a test copy.")
        call_command("migrate", interactive=False, verbosity=0)
        accounts = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo accounts (password for all: "
                                             f"{DEMO_PASSWORD}):"))
        for account in accounts:
            role = "staff" if account.is_staff else account.role
            self.stdout.write(f"  {role:<12} {account.email:<28} {DEMO_PASSWORD}")
