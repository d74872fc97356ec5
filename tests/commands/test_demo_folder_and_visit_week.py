"""`kamdesk demo` into a folder that is not there; `kamdesk visit list` by default shows
the week of the window's week view, Monday to Sunday, and says which days it shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kamdesk.commands.visit import listed_days
from kamdesk.paths import data_dir
from tests.commands.helpers import run
from tests.services.visit_factories import add_account, add_visit

RUSSIAN, ENGLISH = "ru_RU.UTF-8", "C.UTF-8"
MSK = ZoneInfo("Europe/Moscow")


def test_demo_refuses_a_folder_that_is_not_there_and_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    code, out, err = run(
        monkeypatch, capsys, ENGLISH, ["--db", str(missing / "x.sqlite"), "demo", "--accounts", "5"]
    )
    assert code == 1 and out == ""
    assert f"there is no folder {missing};" in err
    assert not (tmp_path / "no").exists()  # nothing made on the way

    a_file = tmp_path / "notes.txt"
    a_file.write_text("")
    code, _, err = run(
        monkeypatch, capsys, ENGLISH, ["--db", str(a_file / "x.sqlite"), "demo", "--accounts", "5"]
    )
    assert code == 1 and f"{a_file} is not a folder" in err


def test_demo_makes_kamdesks_own_data_folder(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = data_dir() / "kamdesk.sqlite"  # the default store, as at the first start
    assert not store.parent.exists()
    argv = ["--db", str(store), "demo", "--accounts", "5", "--years", "1"]
    code, _, err = run(monkeypatch, capsys, ENGLISH, argv)
    assert code == 0, err
    assert store.is_file()


def test_the_default_period_is_this_week_monday_to_sunday() -> None:
    thursday = date(2026, 12, 3)
    assert listed_days(None, None, thursday) == (date(2026, 11, 30), date(2026, 12, 6))
    monday, sunday = date(2026, 11, 30), date(2026, 12, 6)
    assert listed_days(None, None, monday) == (monday, sunday)
    assert listed_days(None, None, sunday) == (monday, sunday)
    # --from alone: its seven days; --to alone: from the Monday of its week.
    assert listed_days(thursday, None, thursday) == (thursday, date(2026, 12, 9))
    assert listed_days(None, date(2026, 12, 2), thursday) == (monday, date(2026, 12, 2))


def test_visit_list_shows_the_whole_week_and_says_which_days(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kamdesk.store import open_store

    today = datetime.now(MSK).date()
    monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    path = tmp_path / "store.sqlite"
    store = open_store(path)
    account = add_account(store, "ГКБ № 1")
    at = {
        name: add_visit(store, account, datetime.combine(day, datetime.min.time(), MSK) + hour)
        for name, day, hour in (
            ("monday", monday, timedelta(hours=9)),
            ("sunday", sunday, timedelta(hours=18)),
            ("week before", monday - timedelta(days=1), timedelta(hours=12)),
            ("week after", sunday + timedelta(days=1), timedelta(hours=12)),
        )
    }
    store.close()

    argv = ["--db", str(path), "visit", "list", "--tz", "Europe/Moscow"]
    code, out, err = run(monkeypatch, capsys, ENGLISH, argv)

    assert code == 0, err
    listed = {line[:8] for line in out.splitlines()[1:]}
    assert listed == {str(at["monday"])[:8], str(at["sunday"])[:8]}
    assert err.startswith(f"visits from {monday:%d.%m.%Y} to {sunday:%d.%m.%Y} (Europe/Moscow): 2")


def test_visit_help_says_how_dates_are_typed_and_what_the_default_is(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["visit", "list", "--help"], ["visit", "ics", "--help"]):
        _, out, _ = run(monkeypatch, capsys, ENGLISH, argv)
        text = " ".join(out.split())
        assert text.count("DD.MM.YYYY or YYYY-MM-DD") == 2, text
    _, out, _ = run(monkeypatch, capsys, ENGLISH, ["visit", "list", "--help"])
    assert "the Monday of this week" in " ".join(out.split())
    _, out, _ = run(monkeypatch, capsys, RUSSIAN, ["visit", "list", "--help"])
    assert "ДД.ММ.ГГГГ" in out
