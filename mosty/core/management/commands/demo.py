from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from mosty.core.demo import DEMO_PASSWORD, load_demo

# Each module adds its part of the demo on top of the directory, programmes and accounts.
MODULE_DEMOS = [
    "mosty.recruitment.demo.load_recruitment_demo",
    "mosty.events.demo.load_events_demo",
    "mosty.networking.demo.load_networking_demo",
    "mosty.matching.demo.load_matching_demo",
]


class Command(BaseCommand):
    help = "Load the demo content (the five seed programmes) and demo accounts; safe to repeat."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--force", action="store_true",
                            help="Load the demo although DEBUG is off (never on a real site).")

    def handle(self, *args: object, **options: object) -> None:
        # The demo accounts, a superuser among them, have a published password.
        if not settings.DEBUG and not options["force"]:
            raise CommandError("The demo creates accounts with a public password: run it with "
                               "DEBUG=1 (as scripts/demo.sh does), or --force on a test copy.")
        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            accounts = load_demo()
            for path in MODULE_DEMOS:
                import_string(path)()
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo accounts (password for all: "
                                             f"{DEMO_PASSWORD}):"))
        for account in accounts:
            role = "staff" if account.is_staff else account.role
            self.stdout.write(f"  {role:<12} {account.email:<28} {DEMO_PASSWORD}")
