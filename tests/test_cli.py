"""The command line a KAM or an administrator types."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kamdesk import __version__
from kamdesk.cli import main
from kamdesk.commands import INTERNAL_ERROR
from kamdesk.errors import CorruptStoreError

# The visits report for January 2025, written to the path that follows.
REPORT_JANUARY = ("report", "visits", "--from", "2025-01-01", "--to", "2025-01-31", "-o")


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in ("gui", "demo", "--db", "--version"):
        assert command in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kamdesk", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in result.stdout


def test_demo_creates_a_store_and_refuses_to_overwrite_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite"
    assert main(["--db", str(db), "demo", "--accounts", "40", "--seed", "3", "--years", "1"]) == 0
    assert "clients: 40" in capsys.readouterr().out
    before = db.stat().st_size
    assert main(["--db", str(db), "demo", "--accounts", "40"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert db.stat().st_size == before


def test_demo_replace_keeps_the_old_store_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite"
    assert main(["--db", str(db), "demo", "--accounts", "40", "--years", "1"]) == 0
    assert main(["--db", str(db), "demo", "--accounts", "40", "--years", "1", "--replace"]) == 0
    kept = [p for p in tmp_path.iterdir() if ".replaced-" in p.name and p.suffix != ".sqlite-wal"]
    assert kept, "the replaced store must be kept"


def test_db_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("KAMDESK_DB", str(db))
    assert main(["demo", "--accounts", "40", "--years", "1"]) == 0
    assert db.exists()


def test_bad_numbers_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "x.sqlite"), "demo", "--accounts", "0"]) == 1
    assert "at least 1" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()


def damage(path: Path) -> None:
    """Overwrite everything after the first pages, as a failing disk would."""
    data = bytearray(path.read_bytes())
    data[8192:] = b"\x5a" * (len(data) - 8192)
    path.write_bytes(bytes(data))


def test_a_damaged_store_is_one_line_on_stderr_and_a_failure(
    tmp_path: Path, migrated_template: Path, kamdesk_home: Path
) -> None:
    db = tmp_path / "damaged.sqlite"
    shutil.copyfile(migrated_template, db)
    damage(db)
    result = subprocess.run(
        [sys.executable, "-m", "kamdesk", "--db", str(db), *REPORT_JANUARY,
         str(tmp_path / "out.xlsx")],
        capture_output=True, text=True, env={**os.environ, "KAMDESK_HOME": str(kamdesk_home)},
    )  # fmt: skip
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("kamdesk: error: ")
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.xlsx").exists()


def test_a_store_problem_in_the_middle_of_a_command_is_one_line_and_logged(
    tmp_path: Path,
    migrated_template: Path,
    kamdesk_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "store.sqlite"
    shutil.copyfile(migrated_template, db)

    def damaged_while_reading(*_args: object) -> None:
        # The damage is found by a query after the store opened fine.
        raise CorruptStoreError(db, "database disk image is malformed")

    monkeypatch.setattr("kamdesk.services.visits.manager_export", damaged_while_reading)
    code = main(["--db", str(db), *REPORT_JANUARY, str(tmp_path / "out.xlsx")])
    assert code == 1
    err = capsys.readouterr().err
    assert err == f"kamdesk: error: {CorruptStoreError(db, 'database disk image is malformed')}\n"
    log = (kamdesk_home / "data" / "logs" / "kamdesk.log").read_text(encoding="utf-8")
    assert "WARNING kamdesk.commands: kamdesk report: " in log
    assert "in damaged_while_reading" in log  # the traceback is kept for support


def test_a_bug_in_a_command_is_one_line_naming_the_log_which_has_the_traceback(
    tmp_path: Path,
    migrated_template: Path,
    kamdesk_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "store.sqlite"
    shutil.copyfile(migrated_template, db)

    def broken_export(*_args: object) -> None:
        raise KeyError("visits_held")

    monkeypatch.setattr("kamdesk.services.visits.manager_export", broken_export)
    code = main(["--db", str(db), *REPORT_JANUARY, str(tmp_path / "out.xlsx")])
    assert code == INTERNAL_ERROR
    log_file = kamdesk_home / "data" / "logs" / "kamdesk.log"
    err = capsys.readouterr().err
    assert (
        err == f"kamdesk: internal error: KeyError: 'visits_held'; the details are in {log_file}\n"
    )
    log = log_file.read_text(encoding="utf-8")
    assert "ERROR kamdesk.commands: kamdesk report failed" in log
    assert "in broken_export\n    raise KeyError" in log
