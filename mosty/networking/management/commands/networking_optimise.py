from typing import Any

from django.core.management.base import BaseCommand

from mosty.networking import optimiser


class Command(BaseCommand):
    help = ("Run a claimed optimiser run of a networking session (started by the web app for "
            "big sessions; writes progress and the result to the database).")

    def add_arguments(self, parser):
        parser.add_argument("session", type=int)
        parser.add_argument("run")

    def handle(self, *args: Any, **options: Any) -> None:
        optimiser.execute(int(options["session"]), str(options["run"]))
