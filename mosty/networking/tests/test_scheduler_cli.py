"""CLI contract and input validation of the networking scheduler (no Django needed)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mosty.networking.cli import main
from mosty.networking.scheduler import ProblemError, parse_problem
from mosty.networking.tests.test_scheduler import check_schedule, make

REPO = Path(__file__).resolve().parents[3]


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    """Call ``main`` with captured streams."""
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_schedule_from_file(tmp_path: Path) -> None:
    problem = make(9, 3, 4)
    path = tmp_path / "input.json"
    path.write_text(json.dumps(problem), encoding="utf-8")
    code, out, err = run(["schedule", str(path), "--time-limit", "0.5", "--seed", "3"])
    assert (code, err) == (0, "")
    result = json.loads(out)
    check_schedule(problem, result)
    assert result["stats"]["repeated_pairs"] == 0


def test_schedule_from_stdin() -> None:
    problem = make(7, 2, 7)
    code, out, _ = run(["schedule", "-", "--time-limit", "0.5"], stdin=json.dumps(problem))
    assert code == 0
    check_schedule(problem, json.loads(out))


def test_python_dash_m_entry_point() -> None:
    problem = json.dumps(make(4, 2, 3))
    proc = subprocess.run(
        [sys.executable, "-m", "mosty.networking", "schedule", "-", "--time-limit", "1"],
        input=problem,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["stats"]["pairs_met"] == 6


def test_invalid_json_exit_2() -> None:
    code, out, err = run(["schedule", "-"], stdin='{"rounds": 3,')
    assert code == 2
    assert out == ""
    assert "invalid JSON" in err
    assert "line 1" in err


def test_missing_file_exit_2(tmp_path: Path) -> None:
    code, _, err = run(["schedule", str(tmp_path / "nope.json")])
    assert code == 2
    assert "cannot read" in err


def test_bad_time_limit_is_a_usage_error() -> None:
    code, _, err = run(["schedule", "-", "--time-limit", "0"])
    assert code == 2
    assert "--time-limit" in err


def _with(**changes: Any) -> dict[str, Any]:
    problem = make(6, 3, 2)
    problem.update(changes)
    return problem


def _participant(index: int, **changes: Any) -> dict[str, Any]:
    problem = make(6, 3, 2)
    problem["participants"][index].update(changes)
    return problem


@pytest.mark.parametrize(
    ("problem", "message"),
    [
        ([], "JSON object"),
        ({"table_size": 3, "participants": []}, "'rounds'"),
        (_with(rounds=0), "'rounds' must be at least 1"),
        (_with(rounds=True), "'rounds' must be an integer"),
        (_with(table_size=1), "'table_size' must be at least 2"),
        (_with(tables=0), "'tables'"),
        (_with(mode="speed"), "'mode'"),
        (_with(cross_sector="yes"), "'cross_sector'"),
        (_with(tabels=3), "unknown field 'tabels'"),
        (_with(participants=[]), "at least one participant"),
        (_with(participants=[{"sector": "ngo"}]), "participant #1: 'id' is required"),
        (_with(participants=[{"id": "a"}, {"id": "a"}]), "duplicate participant id 'a'"),
        (_participant(2, wishes=["zz"]), "participant 'p2': unknown id 'zz' in 'wishes'"),
        (_participant(3, avoid=["p9"]), "participant 'p3': unknown id 'p9' in 'avoid'"),
        (_participant(1, wishes=["p1"]), "participant 'p1': lists itself in 'wishes'"),
        (_participant(1, wishes=["p2"], avoid=["p2"]), "both 'wishes' and 'avoid'"),
        (_participant(0, absent_rounds=[3]), "participant 'p0': absent round 3 is outside 1..2"),
        (_participant(0, absent_rounds="1"), "'absent_rounds' must be a list"),
        (_participant(0, host="yes"), "participant 'p0': 'host' must be true or false"),
        (_participant(0, sector=5), "participant 'p0': 'sector' must be a string"),
        (_participant(0, colour="red"), "participant 'p0': unknown field 'colour'"),
        (_with(mode="hosts"), 'at least one participant with "host": true'),
        (make(6, 3, 2, hosts=4), "4 hosts but only 2 guests"),
        (make(8, 3, 2, hosts=2, tables=3), "'tables' is 3 but there are 2 hosts"),
    ],
)
def test_invalid_input_names_the_problem(problem: Any, message: str) -> None:
    with pytest.raises(ProblemError, match=None) as caught:
        parse_problem(problem)
    assert message in str(caught.value)
    code, out, err = run(["schedule", "-"], stdin=json.dumps(problem))
    assert code == 2
    assert out == ""
    assert err.startswith("error: ")
    assert message in err


def test_extra_name_field_and_host_flag_in_mixed_mode_are_accepted() -> None:
    problem = make(4, 2, 3)
    problem["participants"][0].update(name="Anna", host=True)
    code, out, _ = run(["schedule", "-"], stdin=json.dumps(problem))
    assert code == 0
    check_schedule(problem, json.loads(out))
