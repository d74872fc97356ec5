"""Nothing typed is lost: drafts while typing without a pause, a crash, a busy store.

The keyboard is QTest's (ASCII only, so the typed texts are English). Time in the
binder is a clock the test moves on: "typing for two seconds" takes no second.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kamdesk.models import Account, AccountDossier, ChangeLogEntry
from kamdesk.models.local import CardDraft
from kamdesk.store import Store, crypto, open_store
from kamdesk.ui.card import AccountCard
from kamdesk.ui.card.binder import DRAFT_MAX_WAIT_MS
from kamdesk.ui.card.widgets import NotesEdit
from kamdesk.ui.tasks import TaskRunner

WaitIdle = Callable[[TaskRunner], None]
BUSY_NOTE = "busy with another program"
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class SteppedClock:
    """The binder's clock, moved on by the test (seconds, like time.monotonic)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance_ms(self, milliseconds: int) -> None:
        self.now += milliseconds / 1000


@pytest.fixture
def open_card(
    qtbot: QtBot, tasks: TaskRunner, wait_idle: WaitIdle
) -> Callable[[Store, uuid.UUID], AccountCard]:
    def opener(store: Store, account_id: uuid.UUID) -> AccountCard:
        card = AccountCard(account_id, lambda: store, tasks)
        qtbot.addWidget(card)
        wait_idle(tasks)
        assert card.bundle is not None
        card.resize(1100, 800)
        with qtbot.waitExposed(card):
            card.show()
        card.activateWindow()
        card.tabs.setCurrentWidget(card.dossier)
        return card

    return opener


def field(card: AccountCard, entity: str, name: str) -> Any:
    widget = card.findChild(QWidget, f"field_{entity}_{name}")
    assert widget is not None, f"no field {entity}.{name}"
    return widget


def draft_text(store: Store, name: str) -> str | None:
    with store.session() as session:
        return session.scalar(select(CardDraft.text).where(CardDraft.field == name))


def stored_dossier(store: Store, name: str) -> Any:
    with store.session() as session:
        dossier = session.scalar(select(AccountDossier))
        return getattr(dossier, name) if dossier is not None else None


def busy_notes(card: AccountCard) -> list[str]:
    return [
        label.text()
        for label in card.findChildren(QLabel, "fieldError")
        if label.isVisible() and BUSY_NOTE in label.text()
    ]


def crash_snapshot(store: Store, folder: Path) -> Path:
    """What a killed KAMdesk leaves on disk: every committed write, nothing else."""
    target = folder / "after-crash.sqlite"
    source, copy = crypto.connect(store.path), crypto.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


@pytest.fixture
def write_lock(store: Store) -> Iterator[crypto.Connection]:
    """Another program holding the store's write lock (as an import or a sync does)."""
    other = crypto.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_continuous_typing_is_in_the_draft_store_and_survives_a_crash(
    qtbot: QtBot,
    open_card: Callable[[Store, uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
    tmp_path: Path,
) -> None:
    account_id = territory["hospital"]
    card = open_card(store, account_id)
    assert card.binder is not None
    clock = SteppedClock()
    card.binder.clock = clock
    needs = field(card, "dossier", "needs")
    needs.setFocus()
    words = [f"word{number:02d} " for number in range(20)]
    for word in words:  # a word every 100 ms, never a pause: two seconds of typing
        QTest.keyClicks(needs, word)
        clock.advance_ms(100)
    typed = "".join(words)
    assert needs.plain_text() == typed
    # The draft was written while typing went on, at least every DRAFT_MAX_WAIT_MS.
    saved = draft_text(store, "needs")
    assert saved is not None and typed.startswith(saved)
    deadline_words = 2 * DRAFT_MAX_WAIT_MS // 100  # the second deadline fell in this word
    assert len(saved) >= len("".join(words[:deadline_words])) + 1

    # KAMdesk dies now: nothing more is written, nothing is committed. The next start
    # opens what the file holds at this moment (copied through SQLite) and finds the
    # text in the field.
    restarted = open_store(crash_snapshot(store, tmp_path))
    try:
        reopened = open_card(restarted, account_id)
        assert field(reopened, "dossier", "needs").plain_text() == saved
        assert reopened.restored_note.isVisibleTo(reopened)
        assert stored_dossier(restarted, "needs") is None  # a draft until the field is left
    finally:
        restarted.close()


def test_the_draft_is_written_in_real_time_while_the_keys_never_pause(
    qtbot: QtBot,
    open_card: Callable[[Store, uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
) -> None:
    """The event loop runs between keys, as in the window: a key every 100 ms keeps
    restarting the pause timer, and the draft is still written before typing stops."""
    card = open_card(store, territory["hospital"])
    city = field(card, "account", "city")
    city.setFocus()
    city.end(False)
    keys = 2 * DRAFT_MAX_WAIT_MS // 100
    for letter in "abcdefghijklmnopqrstuvwxyz"[:keys]:
        QTest.keyClick(city, letter)
        qtbot.wait(100)  # shorter than DRAFT_DELAY_MS: the pause never comes
    saved = draft_text(store, "city")  # read at once, before any pause
    assert saved is not None and saved.startswith("Тверьa")
    assert city.text().startswith(saved)


def test_a_busy_store_keeps_the_text_says_so_and_saves_it_when_free(
    qtbot: QtBot,
    open_card: Callable[[Store, uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
    write_lock: crypto.Connection,
) -> None:
    card = open_card(store, territory["hospital"])
    needs, plans = field(card, "dossier", "needs"), field(card, "dossier", "plans")
    assert isinstance(needs, NotesEdit)
    needs.setFocus()
    QTest.keyClicks(needs, "Reserve antibiotics")
    qtbot.waitUntil(lambda: bool(busy_notes(card)), timeout=5000)  # the draft could not wait
    assert busy_notes(card) == [
        "The database is busy with another program — your changes will be saved as soon "
        "as it is free."
    ]
    QTest.keyClicks(needs, " and heparin")  # typing goes on while the store is busy
    assert needs.plain_text() == "Reserve antibiotics and heparin"
    QTest.mouseClick(plans, Qt.MouseButton.LeftButton)  # leaving the field commits it…
    qtbot.waitUntil(lambda: plans.hasFocus())
    QTest.keyClicks(plans, "New ward in May")
    QTest.mouseClick(needs, Qt.MouseButton.LeftButton)
    assert needs.plain_text() == "Reserve antibiotics and heparin"  # …and the text stays
    assert stored_dossier(store, "needs") is None
    assert len(busy_notes(card)) == 2  # both fields say they wait

    write_lock.execute("ROLLBACK")  # the other program is done
    qtbot.waitUntil(lambda: stored_dossier(store, "plans") == "New ward in May", timeout=5000)
    assert stored_dossier(store, "needs") == "Reserve antibiotics and heparin"
    assert busy_notes(card) == []
    with store.session() as session:
        logged = session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.entity == "account_dossiers")
            .order_by(ChangeLogEntry.id)
        ).all()
    order = [entry.changes.get("needs") or entry.changes.get("plans") for entry in logged]
    assert order == [
        "Reserve antibiotics and heparin",
        "New ward in May",
    ]  # stored in the order they were made


def test_a_card_closed_while_the_store_is_busy_still_saves_its_edit(
    qtbot: QtBot,
    store: Store,
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    territory: dict[str, Any],
    write_lock: crypto.Connection,
) -> None:
    account_id = territory["hospital"]
    card = AccountCard(account_id, lambda: store, tasks)  # its tab closes in this test
    wait_idle(tasks)
    city = field(card, "account", "city")
    city.setFocus()
    city.selectAll()
    QTest.keyClicks(city, "Rzhev")
    card.commit_all()  # what closing the tab does, then the card is deleted
    card.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(card)
    with store.session() as session:
        assert session.get(Account, account_id).city == "Тверь"  # type: ignore[union-attr]
    write_lock.execute("ROLLBACK")

    def saved() -> bool:
        with store.session() as session:
            return session.get(Account, account_id).city == "Rzhev"  # type: ignore[union-attr]

    qtbot.waitUntil(saved, timeout=5000)


def test_while_the_store_is_busy_a_wrong_inn_is_still_explained_at_once(
    qtbot: QtBot,
    open_card: Callable[[Store, uuid.UUID], AccountCard],
    store: Store,
    territory: dict[str, Any],
    write_lock: crypto.Connection,
) -> None:
    card = open_card(store, territory["hospital"])
    city, inn = field(card, "account", "city"), field(card, "account", "inn")
    city.setFocus()
    QTest.keyClicks(city, " north")
    QTest.mouseClick(inn, Qt.MouseButton.LeftButton)  # the city waits for the store
    qtbot.waitUntil(lambda: bool(busy_notes(card)))
    inn.selectAll()
    QTest.keyClicks(inn, "6905012346")  # a digit mistyped
    QTest.mouseClick(city, Qt.MouseButton.LeftButton)
    assert "check digit" in inn.toolTip()  # said now, not when the store is free
    assert inn.text() == "6905012346"
    write_lock.execute("ROLLBACK")
    qtbot.waitUntil(lambda: draft_text(store, "inn") == "6905012346", timeout=5000)
    with store.session() as session:  # the wrong INN is kept as a draft, never stored
        account = session.get(Account, territory["hospital"])
        assert account is not None and account.inn == "6905012345"
        assert account.city == "Тверь north"  # what waited for the store is stored
