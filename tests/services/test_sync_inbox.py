"""The sync issues inbox: both sides shown with where they belong; resolving is a local edit."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from kamdesk.models import (
    Account,
    AccountKind,
    ChangeLogEntry,
    ChangeStatus,
    Contact,
    SyncIssue,
    Visit,
    VisitStatus,
)
from kamdesk.services.sync_inbox import (
    SyncIssueError,
    delivered_visits,
    list_issues,
    merged_text,
    open_issue_count,
    rejected_changes,
    resolve_issue,
)
from kamdesk.services.sync_status import waiting_count
from kamdesk.store import Store, soft_delete


def _contact(
    store: Store, phone: str = "+79001112233", notes: str = ""
) -> tuple[uuid.UUID, uuid.UUID]:
    with store.transaction() as session:
        account = Account(name="ГБУЗ «ОКБ»", kind=AccountKind.HOSPITAL, city="Тверь")
        session.add(account)
        session.flush()
        contact = Contact(
            account_id=account.id,
            surname="Семёнов",
            name="Пётр",
            patronymic="Сергеевич",
            phone_mobile=phone,
            notes=notes,
        )
        session.add(contact)
        session.flush()
        return account.id, contact.id


def _issue(store: Store, contact_id: uuid.UUID, field: str, mine, theirs, kind="conflict"):
    with store.transaction() as session:
        issue = SyncIssue(
            kind=kind,
            entity="contacts",
            entity_id=contact_id,
            field=field,
            local_value=mine,
            remote_value=theirs,
            detail="Изменено также Ивановой А. С.",
        )
        session.add(issue)
        session.flush()
        return issue.id


def _phone(store: Store, contact_id: uuid.UUID) -> str:
    with store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        return contact.phone_mobile


def _pending_edits(store: Store, contact_id: uuid.UUID) -> list[dict]:
    with store.session() as session:
        return [
            e.changes
            for e in session.scalars(
                select(ChangeLogEntry).where(
                    ChangeLogEntry.entity_id == contact_id,
                    ChangeLogEntry.status == ChangeStatus.PENDING,
                    ChangeLogEntry.operation == "update",
                )
            )
        ]


def test_an_issue_says_what_where_and_both_sides(store):
    account_id, contact_id = _contact(store)
    _issue(store, contact_id, "phone_mobile", "+79001112233", "+79005556677")
    with store.session() as session:
        [issue] = list_issues(session)
    assert issue.account_id == account_id and issue.account_name == "ГБУЗ «ОКБ»"
    assert issue.record_title == "Семёнов Пётр Сергеевич"
    assert (issue.entity, issue.field) == ("contacts", "phone_mobile")
    assert (issue.mine, issue.theirs, issue.current) == (
        "+79001112233",
        "+79005556677",
        "+79001112233",
    )
    assert not issue.is_text


def test_taking_theirs_writes_a_local_edit_and_closes_the_issue(store):
    _account_id, contact_id = _contact(store)
    issue_id = _issue(store, contact_id, "phone_mobile", "+79001112233", "+79005556677")
    with store.transaction() as session:
        resolve_issue(session, issue_id, "theirs")
    assert _phone(store, contact_id) == "+79005556677"
    assert {"phone_mobile": "+79005556677"} in _pending_edits(store, contact_id)
    with store.session() as session:
        assert list_issues(session) == []
        assert open_issue_count(session) == 0
        [kept] = list_issues(session, include_resolved=True)
    assert kept.resolved_at is not None
    with store.transaction() as session, pytest.raises(SyncIssueError):
        resolve_issue(session, issue_id, "mine")  # once is enough


def test_keeping_mine_sends_my_value_again(store):
    _account_id, contact_id = _contact(store, phone="+79005556677")  # the office's won here
    issue_id = _issue(store, contact_id, "phone_mobile", "+79001112233", "+79005556677")
    with store.transaction() as session:
        resolve_issue(session, issue_id, "mine")
    assert _phone(store, contact_id) == "+79001112233"
    assert {"phone_mobile": "+79001112233"} in _pending_edits(store, contact_id)


def test_a_text_is_resolved_with_the_merged_words(store):
    _account_id, contact_id = _contact(store, notes="Любит рыбалку")
    issue_id = _issue(store, contact_id, "notes", "Любит рыбалку", "Играет в шахматы")
    with store.session() as session:
        [issue] = list_issues(session)
    assert issue.is_text
    assert issue.merged == "Любит рыбалку\n\nИграет в шахматы"
    with store.transaction() as session:
        resolve_issue(session, issue_id, "merged", "Любит рыбалку и шахматы")
    with store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None and contact.notes == "Любит рыбалку и шахматы"


def test_merged_text_keeps_both_sides_once():
    assert merged_text("а б", "а б в") == "а б в"
    assert (
        merged_text(
            "Встречи после 15:00. Интересуется кардиологией.",
            "Встречи после 15:00. Просила КП до пятницы.",
        )
        == "Встречи после 15:00. Интересуется кардиологией.\n\nПросила КП до пятницы."
    )
    assert merged_text("один", "два", current="один\n\nдва (Иванова)") == "один\n\nдва (Иванова)"


def test_keeping_my_edit_of_a_deleted_record_restores_it(store):
    _account_id, contact_id = _contact(store)
    with store.transaction() as session:
        contact = session.get(Contact, contact_id)
        soft_delete(session, contact)
    issue_id = _issue(store, contact_id, "phone_mobile", "+79001112233", None, kind="rejected")
    with store.transaction() as session:
        resolve_issue(session, issue_id, "mine")
    with store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None and contact.deleted_at is None


def test_a_record_gone_from_the_laptop_takes_only_the_office_version(store):
    issue_id = _issue(store, uuid.uuid4(), "phone_mobile", "+7900", "+7901", kind="revoked")
    with store.transaction() as session, pytest.raises(SyncIssueError):
        resolve_issue(session, issue_id, "mine")
    with store.transaction() as session:
        resolve_issue(session, issue_id, "theirs")
    with store.session() as session:
        assert open_issue_count(session) == 0


def test_waiting_and_rejected_changes(store):
    _contact(store)
    with store.session() as session:
        assert waiting_count(session) == 2
    with store.transaction() as session:
        entries = list(session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id)))
        entries[0].status = ChangeStatus.ACKNOWLEDGED
        entries[1].status = ChangeStatus.REJECTED
        entries[1].last_error = "Нет доступа к этому клиенту"
    with store.session() as session:
        assert waiting_count(session) == 0
        [rejected] = rejected_changes(session)
    assert rejected.entity == "contacts" and rejected.reason == "Нет доступа к этому клиенту"
    assert rejected.account_name == "ГБУЗ «ОКБ»"


def test_a_report_is_delivered_only_once_the_office_acknowledged_its_submission(store):
    account_id, _contact_id = _contact(store)
    with store.transaction() as session:
        visit = Visit(account_id=account_id, starts_at=datetime(2026, 3, 2, 9, tzinfo=UTC))
        session.add(visit)
        session.flush()
        visit_id = visit.id
    with store.transaction() as session:
        found = session.get(Visit, visit_id)
        assert found is not None
        found.status = VisitStatus.SUBMITTED
    with store.session() as session:
        assert delivered_visits(session, [visit_id]) == set()
    from kamdesk.services.visits.calendar import visits_between

    week = (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 3, tzinfo=UTC))
    assert not visits_between(store, *week)[0].delivered
    with store.transaction() as session:
        for entry in session.scalars(select(ChangeLogEntry)):
            entry.status = ChangeStatus.ACKNOWLEDGED
    with store.session() as session:
        assert delivered_visits(session, [visit_id]) == {visit_id}
    # The calendar's rows say so, for «Доставлен руководителю» in the visit lists.
    assert visits_between(store, *week)[0].delivered


def test_a_refused_change_as_the_sync_client_files_it(store):
    """The client keeps every field a refused change carried and nothing of the office's:
    «keep mine» sends it again, «take theirs» writes nothing and closes the issue."""
    _account_id, contact_id = _contact(store, phone="+79001112233")
    refused = {"phone_mobile": "+79001112233"}
    first = _issue(store, contact_id, "phone_mobile", refused, None, kind="rejected")
    second = _issue(store, contact_id, "phone_mobile", refused, None, kind="rejected")
    with store.session() as session:
        shown = list_issues(session)[0]
    assert (shown.mine, shown.theirs) == ("+79001112233", None)
    with store.transaction() as session:
        resolve_issue(session, first, "theirs")
    assert _phone(store, contact_id) == "+79001112233"  # nothing written
    with store.transaction() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        contact.phone_mobile = "+79000000000"
    with store.transaction() as session:
        resolve_issue(session, second, "mine")
    assert _phone(store, contact_id) == "+79001112233"
    with store.session() as session:
        assert open_issue_count(session) == 0


def test_an_empty_office_value_clears_a_text_field(store):
    _account_id, contact_id = _contact(store, notes="Любит рыбалку")
    issue_id = _issue(store, contact_id, "notes", "Любит рыбалку", None, kind="value_replaced")
    with store.transaction() as session:
        resolve_issue(session, issue_id, "theirs")
    with store.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None and contact.notes == ""
