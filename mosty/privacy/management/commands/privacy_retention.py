from django.core.management.base import BaseCommand

from mosty.core import undo
from mosty.privacy.services import apply_retention


class Command(BaseCommand):
    help = ("Warn, then remove, accounts whose e-mail address was never confirmed; warn, then "
            "anonymise, accounts unused for PRIVACY_INACTIVE_WARN_DAYS; delete expired files "
            "(data archives, survey answer files) and deletions no longer undoable. Safe to "
            "run often (e.g. daily from cron); `mosty db_worker` sends the e-mails.")

    def handle(self, *args: object, **options: object) -> None:
        report = apply_retention()
        purged = undo.purge()
        self.stdout.write(
            f"Unconfirmed accounts warned: {report.warned_unconfirmed}, removed: "
            f"{report.removed_unconfirmed}; inactive accounts warned: {report.warned_inactive}, "
            f"anonymised: {report.erased_inactive}; expired files deleted: "
            f"{report.expired_files}; expired undo entries: {purged}")
