"""The command line a KAM or an administrator types."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kamdesk import __version__
from kamdesk.cli import main


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
    assert "40 accounts" in capsys.readouterr().out
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
