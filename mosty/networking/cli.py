"""Command line interface of the networking scheduler (no Django needed).

    python -m mosty.networking schedule INPUT.json [--time-limit S] [--seed N]

prints the JSON schedule on stdout and exits 0, or prints ``error: ...`` on
stderr and exits 2 for invalid input.  ``-`` reads the input from stdin.  The
Django management command wraps :func:`main`.
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from typing import Any, TextIO

from .scheduler import DEFAULT_TIME_LIMIT, ProblemError, schedule

EXIT_OK = 0
EXIT_INVALID = 2


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text!r}")
    return value


def format_result(result: dict[str, Any]) -> str:
    """JSON text with one line per round: readable, diff-friendly and still valid JSON."""
    rounds = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in result["rounds"])
    stats = json.dumps(result["stats"], ensure_ascii=False)
    return f'{{\n  "rounds": [\n{rounds}\n  ],\n  "stats": {stats}\n}}\n'


def build_parser() -> argparse.ArgumentParser:
    """Argument parser with the ``schedule`` sub-command."""
    parser = argparse.ArgumentParser(
        prog="mosty networking", description="Speed-networking rotations."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    cmd = commands.add_parser("schedule", help="plan all rounds of a session from a JSON file")
    cmd.add_argument("input", metavar="INPUT.json", help="problem description; '-' reads stdin")
    cmd.add_argument(
        "--time-limit",
        type=_positive,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=f"stop searching after this many seconds (default {DEFAULT_TIME_LIMIT:g}); "
        "the search ends earlier when the schedule is provably optimal",
    )
    cmd.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    return parser


def _read(path: str, stdin: TextIO) -> str:
    if path == "-":
        return stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def main(
    argv: list[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the CLI and return the exit status (0 ok, 2 invalid input or usage)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        # argparse prints usage/help to the process streams and exits; send the
        # text to the caller's streams and turn the exit into a status instead.
        with redirect_stdout(stdout), redirect_stderr(stderr):
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_INVALID
    try:
        text = _read(args.input, stdin)
    except OSError as exc:
        print(f"error: cannot read {args.input}: {exc.strerror or exc}", file=stderr)
        return EXIT_INVALID
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        print(
            f"error: {args.input}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
            file=stderr,
        )
        return EXIT_INVALID
    try:
        result = schedule(data, time_limit=args.time_limit, seed=args.seed)
    except ProblemError as exc:
        print(f"error: {exc}", file=stderr)
        return EXIT_INVALID
    stdout.write(format_result(result))
    return EXIT_OK
