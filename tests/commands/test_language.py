"""The command line speaks one language a run: the system's, or the one --lang names."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kamdesk.commands.language import requested_language, system_language
from kamdesk.services.demo.demo_file import build_demo_file
from tests.commands.helpers import english_words, parsers, run, typed_words
from tests.services.visit_factories import CENTRE, add_account, add_visit, msk

CYRILLIC = re.compile("[А-Яа-яЁё]")
RUSSIAN, ENGLISH = "ru_RU.UTF-8", "C.UTF-8"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8", "LC_ALL": "ru_RU.UTF-8"}, "ru"),  # LC_ALL wins
        ({"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"LANG": "ru_RU.UTF-8", "LC_ALL": ""}, "ru"),  # an empty variable does not count
    ],
)
def test_the_system_language_comes_from_the_locale(environment: dict, expected: str) -> None:
    assert system_language(environment) == expected


def test_lang_is_found_anywhere_on_the_line() -> None:
    assert requested_language(["--lang", "en", "offer", "list"]) == "en"
    assert requested_language(["offer", "list", "--lang=ru"]) == "ru"
    assert requested_language(["offer", "list"]) is None
    assert requested_language(["offer", "list", "--", "--lang", "en"]) is None


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_file(path, accounts=20, seed=1, years=1)
    return path


@pytest.fixture
def late_visits(tmp_path: Path) -> Path:
    """Two visits an hour's drive apart with 15 minutes between them."""
    from kamdesk.store import open_store

    path = tmp_path / "late.sqlite"
    store = open_store(path)
    first = add_account(store, "ГКБ № 1", point=CENTRE)
    second = add_account(store, "Аптека «Здоровье»", point=(55.9825, 36.8))
    add_visit(store, first, msk(2026, 5, 12, 10))
    add_visit(store, second, msk(2026, 5, 12, 11, 15))
    store.close()
    return path


def test_offer_list_in_russian_has_no_english_words(
    demo_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, RUSSIAN, ["offer", "list", "--db", str(demo_store)])
    assert code == 0, err
    header, *rows = out.splitlines()
    assert header.split()[:2] == ["номер", "ред."] and "клиент" in header
    assert rows and any("Черновик" in row or "Отправлено" in row for row in rows)
    assert english_words(out) == []


def test_offer_list_in_english_has_no_russian_words_but_the_data(
    demo_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, ENGLISH, ["offer", "list", "--db", str(demo_store)])
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:2] == ["number", "ed."] and not CYRILLIC.search(header)
    statuses = {"Draft", "Sent", "Accepted", "Rejected", "Expired"}
    assert all(statuses & set(row.split()) for row in rows)
    assert not any(word in out for word in ("Черновик", "Отправлено", "согласование"))


def test_lang_overrides_the_system_language(
    demo_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["offer", "list", "--db", str(demo_store)]
    _, out, _ = run(monkeypatch, capsys, RUSSIAN, [*argv, "--lang", "en"])
    assert out.startswith("number")
    _, out, _ = run(monkeypatch, capsys, ENGLISH, ["--lang", "ru", *argv])
    assert out.startswith("номер")


def test_visit_list_in_russian_has_no_english_words(
    demo_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["visit", "list", "--db", str(demo_store), "--from", "01.01.2020", "--to", "31.12.2020"]
    argv[-4:] = ["--from", "2026-11-01", "--to", "31.12.2026"]  # both date forms
    code, out, err = run(monkeypatch, capsys, RUSSIAN, argv)
    assert code == 0, err
    header, *rows = out.splitlines()
    assert header.split()[:5] == ["код", "дата", "время", "вид", "статус"]
    assert rows
    # The first column is the start of the visit's id (hex digits), typed as it is.
    assert english_words("\n".join(row[9:] for row in rows)) == []
    assert english_words(header) == [] and english_words(err) == []
    assert "визитов с 01.11.2026 по 31.12.2026" in err
    words = set(out.split())
    assert not {"planned", "green", "amber", "red", "Planned", "ready"} & words
    # The kind and the status are two cells, not «Звонок Запланирован» run together.
    assert any("Звонок" in row for row in rows)
    assert all(re.search(r"(Визит|Звонок) {2,}[А-Я]", row) for row in rows)


def test_a_late_visit_is_told_in_the_words_of_the_windows_checklist(
    late_visits: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kamdesk.commands.language import say, use
    from kamdesk.services.visits import visit_checklist, visits_on_days
    from kamdesk.store import open_store

    for locale, language in ((RUSSIAN, "ru"), (ENGLISH, "en")):
        argv = ["visit", "list", "--db", str(late_visits), "--from", "12.05.2026"]
        code, out, err = run(monkeypatch, capsys, locale, [*argv, "--tz", "Europe/Moscow"])
        assert code == 0, err
        late_line = out.splitlines()[2]
        store = open_store(late_visits)
        try:
            late = visits_on_days(store, msk(2026, 5, 12).date(), msk(2026, 5, 12).date())[1]
            assert late.leg is not None and late.leg.unreachable
            reason = visit_checklist(store, late.id).items_by_key["late.buffer"].reason
        finally:
            store.close()
        assert reason is not None
        use(language)
        assert late_line.endswith(f"  ! {say(reason)}")
        if language == "ru":
            assert english_words(late_line[9:]) == []


def _commands() -> list[list[str]]:
    """Every command and sub-command of the command line, found in its parser: a new
    command is covered without being listed here."""
    return [parser.prog.split()[1:] for parser in parsers()]


@pytest.mark.parametrize("command", _commands(), ids=lambda command: " ".join(command) or "kamdesk")
def test_help_in_russian_has_no_english_words(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, RUSSIAN, [*command, "--help"])
    assert code == 0
    assert out.startswith(" ".join(["использование: kamdesk", *command]))
    assert "параметры:" in out and "show this help" not in out
    assert english_words(out, typed_words()) == []


def test_every_command_is_walked() -> None:
    walked = {" ".join(command) for command in _commands()}
    assert {"", "demo", "visit list", "server user add", "backup restore", "sync"} <= walked


def test_help_keeps_an_option_whole_on_its_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")  # the width at which it was cut after «--ssl-»
    _, out, _ = run(monkeypatch, capsys, RUSSIAN, ["server", "--help"])
    assert "--ssl-keyfile/--ssl-certfile" in out


def test_argument_mistakes_are_told_in_russian(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, RUSSIAN, ["visit", "list", "--from", "31.02.2026"])
    assert code == 2
    assert "kamdesk visit list: ошибка: аргумент --from" in err
    assert "это не дата: 31.02.2026" in err and "ДД.ММ.ГГГГ или ГГГГ-ММ-ДД" in err
    assert english_words(err, typed_words()) == []
    code, _, err = run(monkeypatch, capsys, RUSSIAN, ["report", "visits", "-o", "r.pdf"])
    assert code == 2 and "не хватает обязательных аргументов: --from, --to" in err
    code, _, err = run(monkeypatch, capsys, ENGLISH, ["report", "visits", "-o", "r.pdf"])
    assert code == 2 and "the following arguments are required: --from, --to" in err


def test_errors_of_a_run_are_told_in_russian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite"
    code, _, err = run(monkeypatch, capsys, RUSSIAN, ["visit", "list", "--db", str(missing)])
    assert code == 1
    assert err.startswith("kamdesk: ошибка: нет базы ")
    assert english_words(err, typed_words()) == []  # «kamdesk demo» is typed as it is


def test_backups_are_told_in_russian(
    demo_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "store.sqlite"
    shutil.copyfile(demo_store, db)
    code, out, err = run(monkeypatch, capsys, RUSSIAN, ["backup", "create", "--db", str(db)])
    assert code == 0, err
    assert out.startswith(f"резервная копия {db}: ") and "клиентов: 20" in out
    assert re.search(r"\d КБ|\d МБ", out)
    code, out, err = run(monkeypatch, capsys, RUSSIAN, ["backup", "list", "--db", str(db)])
    assert code == 0 and len(out.splitlines()) == 1
    assert err.startswith(f"резервных копий {db} в ") and err.rstrip().endswith(": 1")
    assert english_words(out + err) == []
    argv = ["backup", "restore", "nothing.sqlite", "--db", str(db)]
    code, _, err = run(monkeypatch, capsys, RUSSIAN, argv)
    assert code == 1 and "нет копии nothing.sqlite" in err
    assert english_words(err, typed_words()) == []


def test_a_price_list_preview_is_told_in_russian(
    demo_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "store.sqlite"
    shutil.copyfile(demo_store, db)
    prices = tmp_path / "prices.csv"
    prices.write_text(
        "Артикул;Наименование;МНН;Цена;Ставка НДС\nX-001;Тестомицин;тестомицин;1 234,50;10%\n",
        encoding="utf-8",
    )
    argv = ["import", "products", str(prices), "--db", str(db), "--dry-run"]
    code, out, err = run(monkeypatch, capsys, RUSSIAN, argv)
    assert code == 0, err
    assert "столбцы: Артикул, торговое наименование, МНН, цена, НДС" in out
    assert re.search(r"1\s234,50", out)  # as a Russian writes it (a no-break space), not 1234.50
    assert english_words(out) == []


@pytest.mark.parametrize(
    "command",
    [["demo", "--accounts"], ["backup", "create", "--keep"], ["server", "run", "--port"]],
    ids=lambda command: " ".join(command),
)
def test_a_number_typed_wrong_is_told_without_pythons_words(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, ENGLISH, [*command, "abc"])
    assert code == 2 and f"argument {command[-1]}: not a whole number: abc" in err
    code, _, err = run(monkeypatch, capsys, RUSSIAN, [*command, "abc"])
    assert code == 2 and f"аргумент {command[-1]}: " in err
    assert "(int)" not in err  # argparse's own words name the Python type
