from django.core.management import call_command
from django.core.management.base import BaseCommand
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

    def handle(self, *args: object, **options: object) -> None:
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
