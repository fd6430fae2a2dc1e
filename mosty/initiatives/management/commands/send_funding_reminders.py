from django.core.management.base import BaseCommand

from mosty.initiatives.tasks import enqueue_funding_reminders


class Command(BaseCommand):
    help = ("Queue e-mails to the teams of open project ideas about deadlines of matching "
            "funding sources in the next 14 days (once per idea, source and deadline; run "
            "daily from cron). `mosty db_worker` sends them.")

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"Reminders queued: {enqueue_funding_reminders()}")
