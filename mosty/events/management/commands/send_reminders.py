from django.core.management.base import BaseCommand

from mosty.events.tasks import enqueue_due_reminders


class Command(BaseCommand):
    help = ("Queue e-mail reminders for events starting within 24 hours (once per registration; "
            "safe to run often, e.g. every 15 minutes from cron). `mosty db_worker` sends them.")

    def handle(self, *args: object, **options: object) -> None:
        queued = enqueue_due_reminders()
        self.stdout.write(f"Reminders queued: {queued}")
