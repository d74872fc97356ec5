"""A store broke before it sent everything: its moved-aside copy gives the unsent edits
back to the new store, the office applies each once, and a second salvage adds nothing."""

from __future__ import annotations

import shutil
import struct
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kamdesk.models import Account, ChangeLogEntry, ChangeStatus, Contact
from kamdesk.models.enums import AccountKind
from kamdesk.server.tables import applied_changes, rows
from kamdesk.services.card import add_contact, create_account, set_field
from kamdesk.services.card.fields import Entity
from kamdesk.store import backup_copy, crypto
from kamdesk.store.salvage_read import read_copy
from kamdesk.sync.salvage import SalvageRefusedError, salvage
from tests.sync.conftest import Laptop, Office

PAGE = 4096


def _broken_laptop(
    office: Office, make_laptop: Callable[..., Laptop], tmp_path: Path
) -> tuple[Path, list[ChangeLogEntry], uuid.UUID]:
    """Anna's laptop: a client synced, then 40 new contacts and an edit of the city.
    A copy is taken with all of them pending; then the laptop pushes its first batch
    (the office has those, the copy does not know) and breaks."""
    office.user("anna", "Иванова Анна Сергеевна")
    old = make_laptop("old")
    old.enrol("anna")
    account_id = create_account(old.store, "ГБУЗ «ГКБ № 5»", AccountKind.HOSPITAL, city="Тверь")
    add_contact(old.store, account_id, "Петров")
    assert old.sync().rejected == 0
    for number in range(40):
        add_contact(old.store, account_id, f"Сидоров-{number:02}", phone_mobile="+79001112233")
    set_field(old.store, Entity.ACCOUNT, account_id, "city", "Торжок")
    pending = old.pending()
    assert len(pending) == 41
    aside = tmp_path / "aside" / "kamdesk.damaged-20261203-101500.sqlite"
    aside.parent.mkdir()
    shutil.move(backup_copy(old.store.path, old.store.engine), aside)
    old.client.batch_size = 10
    asked: list[bool] = []

    def after_one_batch() -> bool:
        asked.append(True)
        return len(asked) > 1

    old.client.sync(should_stop=after_one_batch)
    assert len(old.pending()) == 31  # ten reached the office; the laptop broke then
    return aside, sorted(pending, key=lambda entry: entry.id), account_id


def _plain_copy(source: Path, target: Path) -> None:
    """The copy without encryption, so a test can find its pages (a plain store is what
    an earlier KAMdesk made)."""
    connection = crypto.connect(source, mode="ro")
    try:
        connection.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        connection.execute("SELECT sqlcipher_export('plain')")
        connection.execute("DETACH DATABASE plain")
    finally:
        connection.close()


def _change_log_leaves(path: Path) -> list[int]:
    """The change log's leaf pages in id order (SQLite's b-tree page format)."""
    data = path.read_bytes()
    connection = crypto.connect(path, mode="ro")
    try:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'change_log'"
        ).fetchone()[0]
    finally:
        connection.close()

    def leaves(page: int) -> list[int]:
        start = (page - 1) * PAGE
        kind = data[start]
        if kind == 0x0D:
            return [page]
        assert kind == 0x05, kind
        cells = struct.unpack(">H", data[start + 3 : start + 5])[0]
        rightmost = struct.unpack(">I", data[start + 8 : start + 12])[0]
        found: list[int] = []
        for cell in range(cells):
            pointer = struct.unpack(">H", data[start + 12 + 2 * cell : start + 14 + 2 * cell])[0]
            child = struct.unpack(">I", data[start + pointer : start + pointer + 4])[0]
            found += leaves(child)
        return found + leaves(rightmost)

    return leaves(root)


def _overwrite_page(path: Path, page: int) -> None:
    with path.open("r+b") as file:
        file.seek((page - 1) * PAGE)
        file.write(b"\xa5" * PAGE)


def _new_laptop(make_laptop: Callable[..., Laptop]) -> Laptop:
    """«Создать новую базу»: a new store, enrolled as Anna and filled from the office."""
    new = make_laptop("new")
    new.enrol("anna")
    new.sync()
    return new


def _office_changes(office: Office, change_ids: list[uuid.UUID]) -> list[uuid.UUID]:
    with office.engine.connect() as connection:
        return list(
            connection.scalars(
                select(applied_changes.c.change_id).where(
                    applied_changes.c.change_id.in_(change_ids)
                )
            )
        )


def test_a_page_of_the_log_lost_the_rest_is_sent_once_and_salvaging_again_adds_nothing(
    office: Office, make_laptop: Callable[..., Laptop], tmp_path: Path
) -> None:
    encrypted, pending, account_id = _broken_laptop(office, make_laptop, tmp_path)
    damaged = encrypted.with_name("kamdesk.damaged-20261203-101501.sqlite")
    _plain_copy(encrypted, damaged)
    leaves = _change_log_leaves(damaged)
    assert len(leaves) >= 3, leaves
    _overwrite_page(damaged, leaves[len(leaves) // 2])  # the damage is in the middle
    new = _new_laptop(make_laptop)

    report = salvage(new.store, damaged)

    queued = {entry.change_id: entry for entry in new.pending()}
    assert report.unreadable > 0 and report.acknowledged > 0  # the first client's entries
    assert report.requeued == len(queued) > 0
    assert report.requeued + report.unreadable >= len(pending) > report.requeued
    by_change = {entry.change_id: entry for entry in pending}
    assert set(queued) <= set(by_change)  # the original change ids, nothing invented
    for change_id, entry in queued.items():
        original = by_change[change_id]
        assert (entry.entity, entry.entity_id, entry.changes) == (
            original.entity,
            original.entity_id,
            original.changes,
        )
    # Ids before the damage and after it both came back.
    numbers = sorted(by_change[change_id].id for change_id in queued)
    assert numbers[0] == pending[0].id and numbers[-1] == pending[-1].id
    # The KAM sees the unsent work in the new store at once.
    with new.store.session() as session:
        surnames = set(
            session.scalars(select(Contact.surname).where(Contact.account_id == account_id))
        )
        account = session.get(Account, account_id)
        assert account is not None and account.city == "Торжок"
    inserted = [e for e in queued.values() if e.entity == "contacts"]
    assert {e.changes["surname"] for e in inserted} <= surnames

    synced = new.sync()

    assert new.pending() == [] and synced.rejected == 0
    assert synced.pushed == report.requeued
    assert sorted(_office_changes(office, list(queued))) == sorted(queued)  # each once
    with office.engine.connect() as connection:
        office_contacts = connection.scalar(
            select(func.count()).select_from(rows).where(rows.c.entity == "contacts")
        )
    # The first contact, the ten the old laptop pushed, and the salvaged inserts (those
    # among the ten are counted once: the office answered "already applied").
    pushed_before = {entry.change_id for entry in pending[:10]}
    new_inserts = [e for e in inserted if e.change_id not in pushed_before]
    assert office_contacts == 1 + sum(1 for e in pending[:10] if e.entity == "contacts") + len(
        new_inserts
    )

    again = salvage(new.store, damaged)

    assert again.requeued == 0 and again.already_here == report.requeued
    assert new.pending() == []


def test_a_truncated_encrypted_copy_gives_back_what_lies_before_the_cut(
    office: Office, make_laptop: Callable[..., Laptop], tmp_path: Path
) -> None:
    whole, pending, _ = _broken_laptop(office, make_laptop, tmp_path)
    aside = whole.with_name("kamdesk.damaged-20261203-101502.sqlite")
    for cut in range(1, whole.stat().st_size // PAGE):  # shorter, until the log is hit
        shutil.copyfile(whole, aside)
        with aside.open("r+b") as file:
            file.truncate(whole.stat().st_size - cut * PAGE)
        if read_copy(aside).unreadable:
            break
    new = _new_laptop(make_laptop)

    report = salvage(new.store, aside)

    assert report.requeued > 0 and report.unreadable > 0
    # Every unsent change is either back in the queue or counted as lost to the damage.
    assert report.requeued + report.unreadable >= len(pending)
    assert {e.change_id for e in new.pending()} <= {e.change_id for e in pending}
    synced = new.sync()
    assert new.pending() == [] and synced.pushed == report.requeued
    assert salvage(new.store, aside).requeued == 0


def test_a_plain_file_is_refused_and_the_store_is_unchanged(
    office: Office, make_laptop: Callable[..., Laptop], tmp_path: Path
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    new = _new_laptop(make_laptop)
    add_contact(new.store, create_account(new.store, "Аптека № 1", AccountKind.PHARMACY), "Ли")
    not_a_store = tmp_path / "notes.sqlite"
    not_a_store.write_text("Список дел на неделю\n" * 400, encoding="utf-8")
    with new.store.session() as session:
        before = list(session.execute(select(ChangeLogEntry.id, ChangeLogEntry.status)))

    with pytest.raises(SalvageRefusedError) as refused:
        salvage(new.store, not_a_store)

    assert "not a KAMdesk database" in str(refused.value)
    with new.store.session() as session:
        assert list(session.execute(select(ChangeLogEntry.id, ChangeLogEntry.status))) == before
    with pytest.raises(SalvageRefusedError):
        salvage(new.store, new.store.path)  # the store itself is no copy


def test_a_copy_of_another_users_store_is_refused(
    office: Office, make_laptop: Callable[..., Laptop], tmp_path: Path
) -> None:
    aside, _, _ = _broken_laptop(office, make_laptop, tmp_path)
    office.user("boris", "Петров Борис Ильич")
    other = make_laptop("boris")
    other.enrol("boris")

    with pytest.raises(SalvageRefusedError) as refused:
        salvage(other.store, aside)

    assert "anna" in str(refused.value) and "boris" in str(refused.value)
    with other.store.session() as session:
        waiting = session.scalar(
            select(func.count())
            .select_from(ChangeLogEntry)
            .where(ChangeLogEntry.status == ChangeStatus.PENDING)
        )
    assert waiting == 0
