"""The common options anywhere on the line, help for every option, the time zone of the window."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from kamdesk.cli import build_parser, main
from kamdesk.commands.options import fill_defaults, parse_day
from kamdesk.services.visits.settings import DEFAULT_TIME_ZONE, system_time_zone
from kamdesk.store.files import has_database
from tests.commands.helpers import parsers, run
from tests.services.visit_factories import add_account, add_visit, msk

ENGLISH = "C.UTF-8"
DEMO = ["--accounts", "3", "--years", "1"]


@pytest.mark.parametrize(
    "where", ["before", "after", "between"], ids=["kamdesk --db X demo", "demo --db X", "both"]
)
def test_db_is_taken_before_and_after_the_command(
    where: str, tmp_path: Path, kamdesk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.sqlite"
    argv = {
        "before": ["--db", str(target), "demo", *DEMO],
        "after": ["demo", *DEMO, "--db", str(target)],
        # The one after the command wins, as the last of an option does.
        "between": ["--db", str(tmp_path / "other.sqlite"), "demo", "--db", str(target), *DEMO],
    }[where]
    assert main(argv) == 0
    assert has_database(target)
    assert not (tmp_path / "other.sqlite").exists()
    assert not any(kamdesk_home.rglob("*.sqlite"))  # not the default store
    assert str(target) in capsys.readouterr().out


def test_common_options_after_a_nested_action(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    for argv in (
        ["offer", "list", "--db", str(db), "--tz", "Asia/Omsk", "--lang", "en"],
        ["--db", str(db), "offer", "--tz", "Asia/Omsk", "list", "--lang", "en"],
        ["--lang", "en", "--tz", "Asia/Omsk", "offer", "list", "--db", str(db)],
    ):
        args = fill_defaults(build_parser().parse_args(argv))
        assert (args.db, args.tz, args.lang) == (db, "Asia/Omsk", "en"), argv


def test_the_office_keeps_its_own_db(tmp_path: Path) -> None:
    args = build_parser().parse_args(
        ["--db", str(tmp_path / "laptop.sqlite"), "server", "init", "--db", "sqlite:///o.sqlite"]
    )
    assert args.office_db == "sqlite:///o.sqlite"
    assert args.db == tmp_path / "laptop.sqlite"


def test_the_time_zone_is_this_computers_as_in_the_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = fill_defaults(build_parser().parse_args(["visit", "list"]))
    assert args.tz == DEFAULT_TIME_ZONE  # what the window's Visits page uses
    monkeypatch.setenv("TZ", "Asia/Yekaterinburg")
    args = fill_defaults(build_parser().parse_args(["visit", "list"]))
    assert args.tz == system_time_zone() == "Asia/Yekaterinburg"


def test_visit_list_shows_the_window_time_unless_tz_says_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kamdesk.store import open_store

    path = tmp_path / "store.sqlite"
    store = open_store(path)
    add_visit(store, add_account(store, "ГКБ № 1"), msk(2026, 5, 12, 9, 30))
    store.close()
    monkeypatch.setenv("TZ", "Asia/Yekaterinburg")  # this computer: two hours ahead of Moscow
    argv = ["visit", "list", "--db", str(path), "--from", "12.05.2026"]

    _, out, err = run(monkeypatch, capsys, ENGLISH, argv)
    assert "12.05.2026 11:30–12:30" in out and "(Asia/Yekaterinburg)" in err
    _, out, _ = run(monkeypatch, capsys, ENGLISH, [*argv, "--tz", "Europe/Moscow"])
    assert "12.05.2026 09:30–10:30" in out
    _, out, _ = run(monkeypatch, capsys, ENGLISH, ["--tz", "Europe/Moscow", *argv])
    assert "12.05.2026 09:30–10:30" in out


def test_an_unknown_zone_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, ENGLISH, ["visit", "list", "--tz", "Mars/Olympus"])
    assert code == 2 and "unknown time zone: Mars/Olympus" in err


def test_every_option_has_help_and_dates_say_their_format(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", ENGLISH)
    dated = 0
    for parser in parsers():
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                assert all(choice.help for choice in action._choices_actions), parser.prog
                continue
            assert action.help and action.help != argparse.SUPPRESS, (parser.prog, action.dest)
            if action.type is parse_day:
                dated += 1
                assert "DD.MM.YYYY or YYYY-MM-DD" in action.help, (parser.prog, action.dest)
        assert parser.description or parser.prog == "kamdesk", parser.prog
    assert dated >= 7  # visit list/ics, report visits: --from and --to; import --valid-from


def test_both_date_forms_are_accepted() -> None:
    assert parse_day("12.05.2026") == parse_day("2026-05-12") == date(2026, 5, 12)
    with pytest.raises(argparse.ArgumentTypeError):
        parse_day("12/05/2026")


def test_the_top_level_help_names_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, ENGLISH, ["--help"])
    assert code == 0
    for variable in ("KAMDESK_DB", "KAMDESK_HOME", "KAMDESK_PASSPHRASE", "KAMDESK_ENCRYPTION"):
        assert f"  {variable}  " in out
    assert "--tz ZONE" in out and "this computer's" in out and DEFAULT_TIME_ZONE in out
    assert "DD.MM.YYYY or YYYY-MM-DD" in out
    for command in ("gui", "demo", "import", "offer", "visit", "report", "backup", "sync"):
        assert f"    {command} " in out
