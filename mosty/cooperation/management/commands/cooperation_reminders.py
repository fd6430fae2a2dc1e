from django.core.management.base import BaseCommand

from mosty.cooperation.reminders import send_due


class Command(BaseCommand):
    help = ("E-mail the offices 30 days before their cooperation programme is due to be "
            "adopted (30 November) and before its implementation report is due (31 May); "
            "each reminder once. Safe to run daily from cron.")

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"Reminders sent: {send_due()}")
