"""What goes wrong on the way to the office loses nothing: a lost answer, a refusal, a
revoked client, an office restored from a backup, no network, a copied store file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from kamdesk.models import (
    Account,
    AccountDossier,
    ChangeLogEntry,
    ChangeStatus,
    Contact,
    Product,
    SyncState,
)
from kamdesk.server.db import new_epoch
from kamdesk.server.tables import applied_changes, clients, rows
from kamdesk.sync.errors import OfficeUnreachableError
from tests.sync.conftest import Laptop, Office
from tests.sync.test_two_laptops import dossier, edit, new_client, shared_client, snapshot


class LosesAnswers:
    """An HTTP client whose first `lose` answers to a path never arrive (the office did
    the work; the laptop sees a timeout)."""

    def __init__(self, http: httpx.Client, path: str, lose: int = 1) -> None:
        self.http, self.path, self.lose = http, path, lose

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response = self.http.request(method, url, **kwargs)
        if url.endswith(self.path) and self.lose > 0:
            self.lose -= 1
            raise httpx.ReadTimeout("the answer was lost on the way")
        return response


class Unplugged:
    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        raise httpx.ConnectError("[Errno 101] Network is unreachable")


def office_count(office: Office, table: Any, *where: Any) -> int:
    from sqlalchemy import func

    with office.engine.connect() as connection:
        return int(
            connection.execute(select(func.count()).select_from(table).where(*where)).scalar_one()
        )


def entries(laptop: Laptop) -> list[ChangeLogEntry]:
    with laptop.store.session() as session:
        return list(session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id)))


def test_a_lost_answer_is_sent_again_and_applied_once(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a", http=LosesAnswers(office.http, "/push"))
    a.enrol("anna")
    account_id, _ = new_client(a)

    with pytest.raises(OfficeUnreachableError) as stopped:
        a.sync()
    assert "answer was lost" in stopped.value.detail
    waiting = a.pending()
    assert len(waiting) == 3 and all(entry.attempts == 1 for entry in waiting)
    assert all("lost" in entry.last_error for entry in waiting)
    assert a.client.next_attempt_at is not None  # the background sync waits a little

    report = a.sync()  # the same changes again: the office answers with what it stored
    assert (report.pushed, report.applied, report.rejected) == (3, 3, 0)
    assert a.pending() == []
    assert office_count(office, applied_changes) == 3
    assert office_count(office, rows, rows.c.entity == "contacts") == 1
    with a.store.session() as session:
        assert len(session.scalars(select(Contact)).all()) == 1
    assert a.issues() == []
    assert dossier(a, account_id).server_version is not None


def test_a_refused_change_lands_in_sync_issues_and_the_queue_moves_on(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    a.enrol("anna")
    with a.store.transaction() as session:  # a KAM may not add to the office's catalogue
        session.add(Product(sku="ИНС-100", inn_name="Инсулин", trade_name="Инсулакс"))
    _account_id, _contact_id = new_client(a)  # after the refused one in the queue

    report = a.sync()

    assert report.rejected == 1 and report.applied == 3 and not report.ok
    [issue] = a.issues()
    assert issue.kind == "rejected" and issue.entity == "products"
    assert issue.local_value["trade_name"] == "Инсулакс"  # what was typed is kept
    assert issue.detail  # the office's reason, for the KAM
    assert issue.resolved_at is None
    refused = entries(a)[0]
    assert refused.last_error == issue.detail  # the reason beside the refused change
    statuses = [entry.status for entry in entries(a)]
    assert statuses == [ChangeStatus.REJECTED] + [ChangeStatus.ACKNOWLEDGED] * 3
    assert a.pending() == []
    assert office_count(office, rows, rows.c.entity == "contacts") == 1
    again = a.sync()
    assert (again.pushed, again.rejected, again.new_issues) == (0, 0, 0)


def test_a_revoked_client_leaves_the_laptop_and_its_unsent_edit_is_kept(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    a, b, account_id, contact_id = shared_client(office, make_laptop)
    dossier_id = dossier(b, account_id).id
    office.revoke("boris", account_id)
    edit(b, Contact, contact_id, position="Главный врач")  # refused: no longer granted

    typed_during_sync: list[str] = []

    def type_while_pulling(progress: Any) -> None:  # the KAM types while the sync runs
        if progress.phase == "pull" and not typed_during_sync:
            typed_during_sync.append("x")
            edit(b, AccountDossier, dossier_id, plans="Встреча с главврачом в июне.")

    report = b.client.sync(progress=type_while_pulling)

    assert report.removed_buckets == 1
    with b.store.session() as session:
        assert session.get(Account, account_id) is None
        assert session.scalars(select(Contact)).all() == []
        assert session.scalars(select(AccountDossier)).all() == []
    kinds = {issue.kind: issue for issue in b.issues()}
    assert kinds["rejected"].local_value == {"position": "Главный врач"}
    assert kinds["revoked"].local_value == {"plans": "Встреча с главврачом в июне."}
    assert "ГБУЗ «ГКБ № 5»" in kinds["revoked"].detail
    assert b.pending() == []
    # The office restored from a backup: the refused change goes again (and is refused
    # again, no second issue); the one never sent stays with its issue.
    with b.store.session() as session:
        b_client = session.get(SyncState, 1).client_id  # type: ignore[union-attr]
    with office.engine.begin() as connection:
        connection.execute(update(clients).where(clients.c.id == b_client).values(last_seq=0))
    new_epoch(office.url)
    again = b.sync()
    assert again.reset and again.requeued == 1 and again.rejected == 1
    assert again.new_issues == 0
    assert len(b.issues()) == 2 and b.pending() == []
    # Anna still has everything.
    with a.store.session() as session:
        assert session.get(Account, account_id) is not None


def test_an_office_restored_from_a_backup_gets_the_lost_changes_again(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    a.enrol("anna")
    _account_id, contact_id = new_client(a)
    a.sync()
    with a.store.session() as session:
        state = session.get(SyncState, 1)
        assert state is not None and state.last_acknowledged_change == 3
        client_id = state.client_id
    with office.engine.begin() as connection:  # the office's backup knew only the first
        connection.execute(update(clients).where(clients.c.id == client_id).values(last_seq=1))
    edit(a, Contact, contact_id, position="Заведующий отделением")

    report = a.sync()

    assert report.requeued == 2  # the two after the office's last change, sent again
    assert report.rejected == 0 and a.pending() == []
    assert a.issues() == []
    with a.store.session() as session:
        state = session.get(SyncState, 1)
        assert state is not None and state.last_acknowledged_change == 4


def test_no_network_keeps_everything_and_says_what_to_do(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    a.enrol("anna")
    new_client(a)
    a.client._http = Unplugged()  # type: ignore[assignment]  # the laptop leaves the office

    for attempt in (1, 2):
        with pytest.raises(OfficeUnreachableError) as stopped:
            a.sync()
        assert a.client.failures == attempt
    assert "kept" in str(stopped.value.message)
    assert a.client.retry_delay().total_seconds() == 60  # 30 s, then twice as long
    assert [entry.attempts for entry in a.pending()] == [2, 2, 2]

    a.client._http = office.http  # back in the office
    report = a.sync()
    assert report.applied == 3 and a.pending() == [] and a.client.failures == 0


def test_a_store_copied_to_a_second_laptop_gets_its_own_client_id(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    a.enrol("anna")
    _account_id, contact_id = new_client(a)
    a.sync()
    edit(a, Contact, contact_id, position="Главный врач")  # unsent when the file is copied
    c = make_laptop("c", copy_of=a)

    c.enrol("anna")

    with a.store.session() as session:
        a_id = session.get(SyncState, 1).client_id  # type: ignore[union-attr]
    with c.store.session() as session:
        c_id = session.get(SyncState, 1).client_id  # type: ignore[union-attr]
    assert c_id != a_id and c.store.client_id == c_id
    edit(c, Contact, contact_id, department="Терапия")
    assert entries(c)[-1].client_id == c_id  # new changes carry the laptop's own id
    c_report = c.sync()
    a_report = a.sync()
    assert c_report.rejected == 0 and a_report.rejected == 0
    [edit_entry] = [e for e in entries(a) if e.changes == {"position": "Главный врач"}]
    assert (
        office_count(office, applied_changes, applied_changes.c.change_id == edit_entry.change_id)
        == 1
    )
    a.sync()
    c.sync()
    assert snapshot(a) == snapshot(c)
    assert a.pending() == [] and c.pending() == []


def test_an_office_in_a_new_epoch_gives_a_fresh_copy_and_the_outbox_stays(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    a.enrol("anna")
    account_id, contact_id = new_client(a)
    a.sync()
    before = snapshot(a)
    new_epoch(office.url)  # restored from a backup
    edit(a, Contact, contact_id, position="Главный врач")  # waiting while the office resets

    report = a.sync()

    assert report.reset and report.rejected == 0
    assert a.pending() == []
    after = snapshot(a)
    assert set(after) == set(before)
    assert after[("contacts", contact_id)]["position"] == "Главный врач"
    with a.store.session() as session:
        state = session.get(SyncState, 1)
        assert state is not None and state.server_epoch != "" and state.pull_cursor != ""
    assert dossier(a, account_id).server_version is not None


def test_an_office_restored_from_an_older_backup_gets_back_what_it_lost(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    from sqlalchemy import delete

    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a")
    a.enrol("anna")
    new_client(a)
    a.sync()
    before = snapshot(a)
    with a.store.session() as session:
        client_id = session.get(SyncState, 1).client_id  # type: ignore[union-attr]
    lost = [entry for entry in entries(a) if entry.id > 1]  # the backup knew only the first
    with office.engine.begin() as connection:
        for entry in lost:
            connection.execute(delete(rows).where(rows.c.entity_id == entry.entity_id))
            connection.execute(
                delete(applied_changes).where(applied_changes.c.change_id == entry.change_id)
            )
        connection.execute(update(clients).where(clients.c.id == client_id).values(last_seq=1))
    new_epoch(office.url)

    report = a.sync()

    assert report.reset and report.requeued == 2 and report.rejected == 0
    assert office_count(office, rows, rows.c.entity == "contacts") == 1
    assert snapshot(a) == before  # the KAM sees everything they had
    assert a.pending() == [] and a.issues() == []


@pytest.mark.parametrize("batch_size", [1, 500])
def test_two_refused_edits_of_one_field_put_back_the_office_value(
    office: Office, make_laptop: Callable[..., Laptop], batch_size: int
) -> None:
    office.user("boss", "Админова Вера Петровна", role="admin")
    office.user("anna", "Иванова Анна Сергеевна")
    admin, a = make_laptop("admin"), make_laptop("a")
    admin.enrol("boss")
    a.enrol("anna")
    with admin.store.transaction() as session:
        product = Product(sku="ИНС-100", inn_name="Инсулин", trade_name="Инсулакс")
        product.description = "Раствор для инъекций."
        session.add(product)
    assert admin.sync().applied == 1
    a.sync()
    edit(a, Product, product.id, description="Раствор для инъекций. Хранить в холоде.")
    edit(a, Product, product.id, description="Раствор. Хранить в холоде, не замораживать.")
    a.client.batch_size = batch_size

    report = a.sync()

    assert report.rejected == 2 and len(a.issues()) == 2  # both typed texts kept
    with a.store.session() as session:
        stored = session.get(Product, product.id)
        assert stored is not None and stored.description == "Раствор для инъекций."
    assert snapshot(a) == {
        key: value for key, value in snapshot(admin).items() if key in snapshot(a)
    }
