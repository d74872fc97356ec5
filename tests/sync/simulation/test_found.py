"""What the seeded simulation found, each as the smallest test that shows it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from kamdesk.models import Account, AccountKind, Contact
from kamdesk.store import INCLUDE_DELETED
from kamdesk.sync.errors import OfficeUnreachableError
from tests.sync.conftest import Laptop, Office


class LosesOnePull:
    """The push gets through; the pull after it is lost on the way."""

    def __init__(self, http: httpx.Client) -> None:
        self.http, self.lost = http, False

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        if url.endswith("/pull") and not self.lost:
            self.lost = True
            raise httpx.ConnectError("the request was lost on the way")
        return self.http.request(method, url, **kwargs)


def test_a_new_account_taken_away_before_the_next_pull_leaves_the_laptop(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    """Seed 13 (SQLite, 2 500 steps): a KAM's own new account, pushed (the office grants
    it to them) and revoked by the admin before that laptop's next pull, stayed on the
    laptop for good, and every later edit of it was refused."""
    office.user("anna", "Иванова Анна Сергеевна")
    losing = LosesOnePull(office.http)
    a = make_laptop("a", http=losing)
    a.enrol("anna")
    losing.lost = True
    a.sync()  # the laptop has synced before: its cursor is past the start
    losing.lost = False
    with a.store.transaction() as session:
        account = Account(name="ГБУЗ «ГКБ № 5»", kind=AccountKind.HOSPITAL, city="Тверь")
        session.add(account)
        session.flush()
        session.add(Contact(account_id=account.id, surname="Петров"))
    with pytest.raises(OfficeUnreachableError):
        a.sync()  # the office has the account and granted it to anna; the pull is lost
    assert a.pending() == []
    office.revoke("anna", account.id)

    report = a.sync()

    assert report.removed_buckets == 1
    with a.store.session() as session:
        left = session.scalars(
            select(Account.id).execution_options(**{INCLUDE_DELETED: True})
        ).all()
        contacts = session.scalars(
            select(Contact.id).execution_options(**{INCLUDE_DELETED: True})
        ).all()
    assert left == [] and contacts == []


def test_a_new_account_taken_away_before_the_first_pull_leaves_the_laptop(
    office: Office, make_laptop: Callable[..., Laptop]
) -> None:
    """The same on a laptop that never pulled: its first pull (from no cursor) must say
    what was taken away from it too."""
    office.user("anna", "Иванова Анна Сергеевна")
    a = make_laptop("a", http=LosesOnePull(office.http))
    a.enrol("anna")
    with a.store.transaction() as session:
        account = Account(name="ГБУЗ «ГКБ № 5»", kind=AccountKind.HOSPITAL, city="Тверь")
        session.add(account)
    with pytest.raises(OfficeUnreachableError):
        a.sync()
    office.revoke("anna", account.id)

    assert a.sync().removed_buckets == 1
    with a.store.session() as session:
        left = session.scalars(
            select(Account.id).execution_options(**{INCLUDE_DELETED: True})
        ).all()
    assert left == []
