"""`mosty networking schedule INPUT.json [--time-limit S] [--seed N]`: the optimiser's CLI.

The scheduler needs no database; this command only hands its arguments to
mosty.networking.cli, which is also runnable as `python -m mosty.networking`.
"""
import sys

from django.core.management.base import BaseCommand

from mosty.networking.cli import main


class Command(BaseCommand):
    help = "Plan speed-networking rotations: `mosty networking schedule INPUT.json`."

    def run_from_argv(self, argv: list[str]) -> None:
        # argv is ["mosty", "networking", ...]: the CLI parses the rest itself.
        sys.exit(main(argv[2:]))

    def handle(self, *args: object, **options: object) -> None:  # pragma: no cover
        sys.exit(main([str(arg) for arg in args]))
