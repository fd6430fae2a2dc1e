"""``python -m mosty.networking schedule INPUT.json`` (see :mod:`.cli`)."""

from .cli import main

raise SystemExit(main())
