"""`kamdesk visit list|ics|brief` and `kamdesk report visits` end to end, with the PDFs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

import kamdesk.cli
from kamdesk.cli import main
from kamdesk.services.visits import (
    NextStep,
    Sentiment,
    brief_content,
    report_draft,
    save_report,
)
from kamdesk.store import open_store
from tests.services.visit_factories import add_account, add_contact, add_product, add_visit, msk


@pytest.fixture(autouse=True)
def visit_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    # Until the lead registers them in kamdesk.cli.COMMAND_MODULES.
    modules = tuple(dict.fromkeys((*kamdesk.cli.COMMAND_MODULES, "visit", "report")))
    monkeypatch.setattr(kamdesk.cli, "COMMAND_MODULES", modules)


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, dict]:
    path = tmp_path / "store.sqlite"
    store = open_store(path)
    account = add_account(store, "ГКБ № 1")
    contact = add_contact(store, account, hobbies="рыбалка", smoking="не курит")
    product = add_product(store)
    visit = add_visit(
        store,
        account,
        msk(2026, 5, 12, 10),
        objective="Включить в формуляр",
        agenda="Данные исследования",
        questions=["Как вы выбираете антибиотики?"],
        attendee_ids=[contact],
        product_ids=[product],
        is_commercial=True,
        target_result="Заявка на 2000 уп.",
        concessions=["Отсрочка 30 дней"],
    )
    done = add_visit(store, account, msk(2026, 5, 5, 10), attendee_ids=[contact])
    report = report_draft(store, done).input
    report.objective_reached = True
    report.outcome = "Интерес к препарату"
    report.sentiment = Sentiment.POSITIVE
    report.next_steps = [NextStep("Прислать исследование", date(2026, 5, 8))]
    save_report(store, done, report, final=True, now=msk(2026, 5, 5, 18))
    store.close()
    return path, {"visit": visit, "done": done}


def test_visit_list(db: tuple[Path, dict], capsys: pytest.CaptureFixture[str]) -> None:
    path, ids = db
    assert (
        main(
            [
                "--db",
                str(path),
                "visit",
                "list",
                "--from",
                "01.05.2026",
                "--to",
                "2026-05-31",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3
    assert str(ids["done"])[:8] in out[1] and "Reported" in out[1] and "05.05.2026 10:00" in out[1]
    assert str(ids["visit"])[:8] in out[2] and "Planned" in out[2] and "%" in out[2]


def test_visit_list_gives_a_held_visit_its_actual_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Planned 10:00–10:30, held from 10:20 for 45 minutes: the window shows 10:20–11:05,
    and so does the command line (it printed the plan)."""
    path = tmp_path / "store.sqlite"
    store = open_store(path)
    held = add_visit(store, add_account(store, "ГКБ № 2"), msk(2026, 5, 6, 10))
    report = report_draft(store, held).input
    report.actual_start, report.actual_duration_min = msk(2026, 5, 6, 10, 20), 45
    report.outcome, report.objective_reached = "Договорились о пилоте", True
    report.sentiment = Sentiment.POSITIVE
    report.next_steps = [NextStep("Прислать договор", date(2026, 5, 8))]
    saved = save_report(store, held, report, final=True, now=msk(2026, 5, 6, 18))
    store.close()
    assert saved.saved, saved.problems
    arguments = ["--db", str(path), "visit", "list", "--from", "04.05.2026", "--lang", "en"]
    assert main([*arguments, "--tz", "Europe/Moscow"]) == 0
    [row] = [line for line in capsys.readouterr().out.splitlines() if str(held)[:8] in line]
    assert "06.05.2026 10:20–11:05" in row


def test_visit_list_refuses_a_missing_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "none.sqlite"), "visit", "list"]) == 1
    assert "no store" in capsys.readouterr().err


def test_visit_ics(db: tuple[Path, dict], tmp_path: Path) -> None:
    path, ids = db
    target = tmp_path / "visits.ics"
    assert (
        main(
            [
                "--db",
                str(path),
                "visit",
                "ics",
                "--from",
                "2026-05-01",
                "--to",
                "2026-05-31",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert {str(e["uid"]) for e in events} == {
        f"visit-{ids['visit']}@kamdesk",
        f"visit-{ids['done']}@kamdesk",
    }


def test_visit_brief_pdf(db: tuple[Path, dict], tmp_path: Path) -> None:
    path, ids = db
    target = tmp_path / "brief.pdf"
    assert (
        main(
            [
                "--db",
                str(path),
                "--lang",
                "ru",
                "visit",
                "brief",
                str(ids["visit"])[:8],
                "-o",
                str(target),
            ]
        )
        == 0
    )
    pdf = PdfReader(str(target))
    assert len(pdf.pages) == 1
    content = pdf.pages[0].extract_text()
    for expected in (
        "ГКБ № 1",
        "Включить в формуляр",
        "Иванов Пётр Сергеевич",
        "Дорого",
        "Прислать исследование",
        "Отсрочка 30 дней",
        "не курит",
    ):
        assert expected in content, expected
    assert "рыбалка" in content  # a conversation opener: the contact consented (issue 12)
    # The printed brief speaks Russian throughout, the checklist's words included.
    assert "Directive" not in content and "no finance contact" not in content


def test_brief_and_report_say_on_stderr_what_they_print_as_question_marks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The PDFs are written and the exit code is 0; each warning is one line on stderr."""
    path = tmp_path / "store.sqlite"
    store = open_store(path)
    account = add_account(store, "Клиника «Улыбка 😀»")
    visit = add_visit(store, account, msk(2026, 5, 12, 10), objective="Формуляр")
    store.close()
    brief, report = tmp_path / "brief.pdf", tmp_path / "report.pdf"

    assert main(["--db", str(path), "visit", "brief", str(visit), "-o", str(brief)]) == 0
    said = capsys.readouterr()
    assert main(["--db", str(path), "report", "visits", "--from", "2026-05-01", "--to",
                 "2026-05-31", "-o", str(report)]) == 0  # fmt: skip
    reported = capsys.readouterr()

    for pdf, output in ((brief, said), (report, reported)):
        assert pdf.read_bytes().startswith(b"%PDF")
        (warning,) = [line for line in output.err.splitlines() if "warning" in line]
        assert warning.startswith("kamdesk: warning: ") and "😀" in warning and "«?»" in warning
        assert str(pdf) in output.out


def test_brief_content_gathers_the_plan(db: tuple[Path, dict]) -> None:
    path, ids = db
    store = open_store(path)
    try:
        brief = brief_content(store, ids["visit"], today=date(2026, 5, 10))
    finally:
        store.close()
    assert brief.starts_at.hour == 10 and brief.account_name == "ГКБ № 1"
    assert [a.form_of_address for a in brief.attendees] == ["Пётр Сергеевич"]
    assert str(brief.attendees[0].psychotype_tip).startswith("Directive")
    assert [(o.objection, o.answer) for o in brief.objections] == [
        ("Дорого", "Курс короче на 2 дня")
    ]
    assert [(f.title, f.overdue) for f in brief.open_follow_ups] == [
        ("Прислать исследование", True)
    ]
    assert brief.concessions == ("Отсрочка 30 дней",) and brief.offer is None
    assert brief.problems  # e.g. no offer for a commercial visit


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_report_visits(
    db: tuple[Path, dict], tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = db
    target = tmp_path / f"report.{fmt}"
    args = [
        "--db",
        str(path),
        "report",
        "visits",
        "--from",
        "2026-05-01",
        "--to",
        "2026-05-31",
        "--format",
        fmt,
        "-o",
        str(target),
        "--lang",
        "ru",
    ]
    assert main(args) == 0
    assert capsys.readouterr().out.rstrip().endswith(": 2")  # the visits written
    if fmt == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
        assert "Интерес к препарату" in text and "Иванов Пётр Сергеевич" in text
        assert "рыбалка" not in text and "не курит" not in text
        fonts = {
            str(font.get_object()["/BaseFont"])
            for page in PdfReader(str(target)).pages
            for font in page["/Resources"].get_object()["/Font"].values()
        }
        assert all("PTSans" in font for font in fonts), fonts  # embedded, never Helvetica


def test_report_visits_needs_a_known_format(db: tuple[Path, dict], tmp_path: Path) -> None:
    path, _ = db
    args = [
        "--db",
        str(path),
        "report",
        "visits",
        "--from",
        "2026-05-01",
        "--to",
        "2026-05-31",
        "-o",
        str(tmp_path / "r.txt"),
    ]
    assert main(args) == 1
