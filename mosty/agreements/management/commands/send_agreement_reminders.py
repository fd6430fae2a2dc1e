from django.core.management.base import BaseCommand

from mosty.agreements.tasks import enqueue_due_reviews


class Command(BaseCommand):
    help = ("Queue e-mail reminders of signed agreements whose review date is within 14 days "
            "(once per agreement; safe to run often, e.g. daily from cron).")

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"Review reminders queued: {enqueue_due_reviews()}")
