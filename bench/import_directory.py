"""Time the directory import: 1,000 organisations with three bad rows, then the fixed file;
then a file of only bad rows (default 100,000), whose report must stay small.

    .venv/bin/python bench/import_directory.py [--rows 1000] [--bad-rows 100000]

Uses a fresh SQLite database in a temporary folder (or DATABASE_URL if set) and prints the
seconds each step takes.
"""
import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("MOSTY_VAR_DIR", tempfile.mkdtemp(prefix="mosty-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "mosty.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from mosty.directory.importer import import_directory  # noqa: E402
from mosty.directory.models import Organisation, Territory  # noqa: E402
from mosty.directory.spreadsheet import COLUMN_KEYS  # noqa: E402

SECTORS = [("organizacja pozarządowa", "stowarzyszenie"), ("biznes", "firma"),
           ("instytucja publiczna", "biblioteka"), ("administracja publiczna (JST)",
                                                    "urząd gminy/miasta")]


def workbook(rows: list[dict[str, str]]) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMN_KEYS)
    for row in rows:
        sheet.append([row.get(key, "") for key in COLUMN_KEYS])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--bad-rows", type=int, default=100_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    Organisation.objects.all().delete()
    gminas = list(Territory.objects.filter(level="gmina").values_list("code", flat=True))
    rows = []
    for index in range(args.rows):
        sector, kind = SECTORS[index % len(SECTORS)]
        rows.append({"nazwa": f"Organizacja {index}", "sektor": sector, "rodzaj": kind,
                     "kod_teryt": gminas[index * 7 % len(gminas)],
                     "email": f"biuro{index}@example.org", "opis": "Działamy lokalnie.",
                     "kontakt_osoba": f"Osoba {index}",
                     "zasoby": "przestrzeń i sale: sala na 40 osób | po 16:00 | bezpłatnie\n"
                               "sprzęt: nagłośnienie",
                     "potrzeby": "ludzie i wolontariusze: wolontariusze na festyn"})
    broken = [dict(row) for row in rows]
    for index, (column, value) in zip((7, args.rows // 2, args.rows - 1),
                                      (("sektor", "nieznany"), ("kod_teryt", "123"),
                                       ("nazwa", "")), strict=True):
        broken[index][column] = value
    for label, data in (("with 3 bad rows", broken), ("fixed", rows)):
        upload = workbook(data)
        started = time.perf_counter()
        result = import_directory(None, upload)
        seconds = time.perf_counter() - started
        where = [(p.row, p.column) for p in result.problems][:10]
        print(f"{args.rows} rows {label:<16} {seconds:6.2f} s  created={result.created} "
              f"problems={len(result.problems)} {where}")
    print(f"organisations in the database: {Organisation.objects.count()}")
    from mosty.directory.importer import MAX_IMPORT_ROWS

    for count in sorted({min(args.bad_rows, MAX_IMPORT_ROWS), args.bad_rows}):
        bad_file(count)


def bad_file(count: int) -> None:
    """Only bad rows, as CSV: the time to check them and the size of the report page."""
    from django.template.loader import render_to_string

    lines = [";".join(COLUMN_KEYS)] + [
        ";".join({"nazwa": f"Organizacja {i}", "sektor": "nieznany", "rodzaj": "fundacja",
                  "kod_teryt": "123"}.get(key, "") for key in COLUMN_KEYS)
        for i in range(count)]
    upload = io.BytesIO("\n".join(lines).encode())
    started = time.perf_counter()
    result = import_directory(None, upload)
    seconds = time.perf_counter() - started
    page = render_to_string("directory/includes/import_report.html", {"result": result})
    print(f"{count} bad rows           {seconds:6.2f} s  problems={result.problem_total} "
          f"listed={len(result.problems)} report={len(page.encode()) / 1024:.0f} KB "
          f"{result.problems[0].message[:70] if result.problems else ''}")


if __name__ == "__main__":
    main()
