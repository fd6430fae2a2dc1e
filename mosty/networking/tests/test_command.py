"""The optimiser through the project's own command, as a coordinator's script would call it."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env["DEBUG"] = "1"
    return subprocess.run([sys.executable, "-m", "mosty", "networking", *args], input=stdin,
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_mosty_networking_schedule_prints_a_json_schedule(tmp_path):
    problem = {"rounds": 7, "table_size": 3,
               "participants": [{"id": f"p{i}"} for i in range(15)]}
    path = tmp_path / "kirkman.json"
    path.write_text(json.dumps(problem))
    result = run(["schedule", str(path), "--time-limit", "5", "--seed", "1"])
    assert result.returncode == 0, result.stderr
    schedule = json.loads(result.stdout)
    assert len(schedule["rounds"]) == 7
    assert schedule["stats"]["repeated_pairs"] == 0
    assert schedule["stats"]["pairs_met"] == schedule["stats"]["upper_bound_pairs"] == 105


def test_invalid_input_exits_2_with_a_message_on_stderr():
    result = run(["schedule", "-"], stdin='{"rounds": 3, "table_size": 1, "participants": []}')
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip()


def test_schedule_needs_no_django_settings(tmp_path):
    """Outside DEBUG and without SECRET_KEY the scheduler still runs (no Django set-up)."""
    problem = {"rounds": 4, "table_size": 3, "participants": [{"id": f"p{i}"} for i in range(9)]}
    path = tmp_path / "nine.json"
    path.write_text(json.dumps(problem))
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    script = Path(sys.executable).parent / "mosty"
    commands = [[sys.executable, "-m", "mosty", "networking"],
                [sys.executable, "-m", "mosty.networking"]]
    if script.exists():
        commands.append([str(script), "networking"])
    for command in commands:
        result = subprocess.run([*command, "schedule", str(path), "--time-limit", "2"],
                                cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (command, result.stderr)
        assert json.loads(result.stdout)["stats"]["repeated_pairs"] == 0
