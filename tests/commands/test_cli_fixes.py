"""What a tester found in the command line: the words and figures the window shows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kamdesk.services.demo.demo_file import build_demo_file
from tests.commands.helpers import run
from tests.services.visit_factories import CENTRE, add_account, add_visit, msk

RUSSIAN, ENGLISH = "ru_RU.UTF-8", "C.UTF-8"
NBSP = "\u00a0"


def russian(context: str, text: str) -> str:
    """A new string's Russian once the central merge has put it in the catalogue (its
    English source until then), so these tests hold before and after the merge."""
    from kamdesk.commands import language

    before = language.current()
    language.use("ru")
    try:
        return language.translate(context, text)
    finally:
        language.use(before)


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_file(path, accounts=20, seed=1, years=1)
    return path


@pytest.fixture
def demo_store(demo_master: Path, tmp_path: Path) -> Path:
    """A copy of the demo store the test may change."""
    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_master, copy)
    return copy


def test_a_report_the_office_acknowledged_is_delivered_to_the_manager(
    demo_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import select, update

    from kamdesk.models import ChangeLogEntry, Visit
    from kamdesk.store import open_store
    from kamdesk.vocabulary import ChangeStatus, VisitStatus

    store = open_store(demo_store)
    try:
        with store.session() as session:
            visit = session.scalars(
                select(Visit).where(Visit.status == VisitStatus.SUBMITTED).order_by(Visit.id)
            ).first()
            assert visit is not None
            session.execute(
                update(ChangeLogEntry)
                .where(ChangeLogEntry.entity == "visits", ChangeLogEntry.entity_id == visit.id)
                .values(status=ChangeStatus.ACKNOWLEDGED)
            )
            visit.server_version = 1  # the office has it (how a demo report is delivered)
            session.commit()
            day, short_id = visit.starts_at.date(), str(visit.id)[:8]
    finally:
        store.close()
    argv = ["visit", "list", "--db", str(demo_store), "--from", f"{day:%d.%m.%Y}"]
    code, out, err = run(monkeypatch, capsys, RUSSIAN, [*argv, "--to", f"{day:%d.%m.%Y}"])
    assert code == 0, err
    lines = {line[:8]: line for line in out.splitlines()}
    assert "Доставлен руководителю" in lines[short_id]
    assert "Сдан, ждёт синхронизации" not in lines[short_id]
    # the others on that day still wait for the office
    assert all("Доставлен" not in line for key, line in lines.items() if key != short_id)


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


def test_a_late_visit_is_not_ready_and_says_why_whatever_its_score(
    late_visits: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kamdesk.services.visits import visits_on_days
    from kamdesk.store import open_store

    store = open_store(late_visits)
    try:
        late = visits_on_days(store, msk(2026, 5, 12).date(), msk(2026, 5, 12).date())[1]
    finally:
        store.close()
    assert late.readiness is not None
    score = late.readiness.score
    argv = [
        "visit",
        "list",
        "--db",
        str(late_visits),
        "--from",
        "12.05.2026",
        "--tz",
        "Europe/Moscow",
    ]
    code, out, err = run(monkeypatch, capsys, RUSSIAN, argv)
    assert code == 0, err
    late_line = out.splitlines()[2]
    late_word = russian("VisitLabels", "late")
    assert f"не готов: {late_word} {score}{NBSP}%" in late_line
    code, out, err = run(monkeypatch, capsys, ENGLISH, argv)
    assert f"not ready: late {score}%" in out.splitlines()[2]


def test_store_status_speaks_the_language_of_the_run(
    demo_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, RUSSIAN, ["store", "status", "--db", str(demo_store)])
    assert code == 0, err
    said = russian("StoreCommand", "{db} is encrypted").format(db=demo_store)
    assert out.strip() == said
    code, out, _ = run(monkeypatch, capsys, ENGLISH, ["store", "status", "--db", str(demo_store)])
    assert out.strip() == f"{demo_store} is encrypted"


def test_demo_and_backup_figures_have_a_decimal_comma_in_russian(
    demo_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import re

    db = tmp_path / "new.sqlite"
    argv = ["demo", "--db", str(db), "--accounts", "3", "--years", "1"]
    code, out, err = run(monkeypatch, capsys, RUSSIAN, argv)
    assert code == 0, err
    assert re.search(r" за \d+,\d с$", out.strip()), out
    code, out, err = run(
        monkeypatch, capsys, RUSSIAN, ["backup", "create", "--db", str(demo_store)]
    )
    assert code == 0, err
    assert re.search(r"\d+,\d МБ", out), out
    code, out, err = run(monkeypatch, capsys, ENGLISH, ["backup", "list", "--db", str(demo_store)])
    assert re.search(r"\d+\.\d MB", out), out


def test_the_help_says_backups_go_beside_the_store(
    demo_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(monkeypatch, capsys, ENGLISH, ["--help"])
    assert code == 0
    home_line = " ".join(out.split("KAMDESK_HOME", 1)[1].split("KAMDESK_PASSPHRASE")[0].split())
    assert "backups go to a 'backups' folder beside the store" in home_line
    # which is what happens: a store outside KAMDESK_HOME keeps its backups beside it
    home = tmp_path / "home"
    monkeypatch.setenv("KAMDESK_HOME", str(home))
    code, _, err = run(monkeypatch, capsys, ENGLISH, ["backup", "create", "--db", str(demo_store)])
    assert code == 0, err
    assert list((demo_store.parent / "backups").glob("*.backup.sqlite"))
    assert not list(home.rglob("*.backup.sqlite"))


class _ClosedPipe:
    """stdout of `kamdesk … | head` once head has exited."""

    def write(self, _text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_the_command_quietly(
    demo_store: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    import sys

    from kamdesk.cli import main

    monkeypatch.setenv("LANG", ENGLISH)
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    code = main(["offer", "list", "--db", str(demo_store)])
    monkeypatch.undo()
    assert code != 0
    assert capsys.readouterr().err == ""
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "WARNING")]
    assert "failed" not in caplog.text and "Traceback" not in caplog.text


def test_offer_list_into_head_says_nothing_on_stderr(demo_store: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "KAMDESK_HOME": str(tmp_path / "home"), "LANG": ENGLISH}
    command = [sys.executable, "-m", "kamdesk", "offer", "list", "--db", str(demo_store)]
    shell = f"{' '.join(command)} | head -c 1 >/dev/null"
    done = subprocess.run(["sh", "-c", shell], env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr and "error" not in done.stderr
    logs = list((tmp_path / "home").rglob("*.log"))
    assert all("failed" not in log.read_text(encoding="utf-8") for log in logs)


def test_offer_list_tells_where_the_approval_stands_after_the_status(
    demo_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import select

    from kamdesk.models import Offer
    from kamdesk.services.offers import OfferBook
    from kamdesk.store import open_store

    store = open_store(demo_store)
    try:
        waiting = [r for r in OfferBook(store).list("", frozenset()) if r.needs_approval]
        assert len(waiting) >= 2
        rejected, requested = waiting[0], waiting[1]
        with store.session() as session:
            for row, state in ((rejected, "rejected"), (requested, "requested")):
                offer = session.scalars(select(Offer).where(Offer.id == row.id)).one()
                offer.approval_status = state
            session.commit()
    finally:
        store.close()
    code, out, err = run(monkeypatch, capsys, RUSSIAN, ["offer", "list", "--db", str(demo_store)])
    assert code == 0, err
    lines = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "Черновик · согласование отклонено" in lines[rejected.number]
    assert "Черновик · на согласовании" in lines[requested.number]
    for row in (rejected, requested):
        assert lines[row.number].endswith(f"  {row.account_name}")  # the client alone
    assert "нужно согласование" not in lines[rejected.number]


@pytest.mark.parametrize(
    ("locale", "typed"),
    [(RUSSIAN, "черновик"), (RUSSIAN, "ЧЕРНОВИК"), (RUSSIAN, "draft"), (ENGLISH, "Draft")],
)
def test_offer_status_is_typed_in_the_words_of_the_run(
    demo_store: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    locale: str,
    typed: str,
) -> None:
    argv = ["offer", "list", "--db", str(demo_store), "--status", typed]
    code, out, err = run(monkeypatch, capsys, locale, argv)
    assert code == 0, err
    rows = out.splitlines()[1:]
    assert rows and all(row.split()[3] in ("Черновик", "Draft") for row in rows)


def test_a_wrong_offer_status_lists_the_words_of_the_run(
    demo_store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["offer", "list", "--db", str(demo_store), "--status", "старый"]
    code, _, err = run(monkeypatch, capsys, RUSSIAN, argv)
    assert code == 2
    assert "черновик, отправлено, принято, отклонено, истекло" in err
    code, out, _ = run(monkeypatch, capsys, RUSSIAN, ["offer", "list", "--help"])
    assert "черновик, отправлено, принято, отклонено, истекло" in " ".join(out.split())
    code, out, _ = run(monkeypatch, capsys, ENGLISH, ["offer", "list", "--help"])
    assert "draft, sent, accepted, rejected, expired" in " ".join(out.split())
