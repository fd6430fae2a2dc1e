"""The `mosty` console script: Django's manage.py under a friendlier name.

`mosty networking ...` (the speed-networking scheduler's CLI) needs neither a
database nor settings, so it is dispatched before Django is configured: it
works without SECRET_KEY or any other environment.
"""
import os
import sys


def main() -> None:
    if sys.argv[1:2] == ["networking"]:
        from mosty.networking.cli import main as networking_main

        sys.exit(networking_main(sys.argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mosty.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
