from django.core.management.base import BaseCommand

from mosty.surveys.services import send_event_evaluations


class Command(BaseCommand):
    help = ("Send the evaluation surveys of events that have ended to their participants, and "
            "one reminder three days later (safe to run often, e.g. hourly from cron). "
            "`mosty db_worker` sends the e-mails.")

    def handle(self, *args: object, **options: object) -> None:
        queued = send_event_evaluations()
        self.stdout.write(f"Survey e-mails queued: {queued}")
