from django.core.management import call_command
from django.core.management.base import BaseCommand

from mosty.core.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo content (the five seed programmes) and demo accounts; safe to repeat."

    def handle(self, *args: object, **options: object) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        accounts = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo accounts (password for all: "
                                             f"{DEMO_PASSWORD}):"))
        for account in accounts:
            role = "staff" if account.is_staff else account.role
            self.stdout.write(f"  {role:<12} {account.email:<28} {DEMO_PASSWORD}")
