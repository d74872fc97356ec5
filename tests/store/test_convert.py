"""Stores made by earlier builds (revisions 0001/0002, text keys) are converted on open.

The fixtures are SQL dumps of real stores made by those builds: a 20-account demo
by commit 56e8e7f (revision 0002) with local edits the office has not seen yet (one
change acknowledged, two pending), and a 3-account demo by the build before dated
VAT (revision 0001, products with `is_medicine` and a stored VAT rate).
"""

from __future__ import annotations

import gzip
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, select

from kamdesk.models import (
    Account,
    AccountKind,
    ChangeLogEntry,
    ChangeStatus,
    Contact,
    Offer,
    Product,
    SyncState,
)
from kamdesk.store import convert, crypto, open_store
from kamdesk.store.convert import StoreConversionError
from kamdesk.vocabulary import ProductKind, VatKind

DATA = Path(__file__).parent / "data"


def _load(dump: str, path: Path) -> Path:
    connection = sqlite3.connect(path)
    with gzip.open(DATA / dump, "rt", encoding="utf-8") as source:
        connection.executescript(source.read())
    connection.close()
    return path


def _old_rows(path: Path, sql: str) -> list[Any]:
    connection = crypto.connect(path, mode="ro")
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _dump(path: Path) -> list[str]:
    # A legacy store is plain SQLite (the standard library's iterdump).
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_a_0002_store_keeps_every_row_and_its_pending_changes(tmp_path: Path) -> None:
    path = _load("store-0002-demo20.sql.gz", tmp_path / "kamdesk.sqlite")
    accounts = dict(_old_rows(path, "SELECT id, name FROM accounts"))
    contacts = dict(_old_rows(path, "SELECT id, surname FROM contacts"))
    offers = dict(_old_rows(path, "SELECT id, number FROM offers"))
    old_log = _old_rows(path, "SELECT id, change_id, entity_id, status, changes FROM change_log")
    [(client_id,)] = _old_rows(path, "SELECT client_id FROM sync_state")
    assert (
        len(accounts) == 20
        and offers
        and [row[3] for row in old_log]
        == [
            "acknowledged",
            "pending",
            "pending",
        ]
    )

    store = open_store(path)
    try:
        assert store.backup_path is not None
        assert _old_rows(store.backup_path, "SELECT count(*) FROM accounts") == [(20,)]
        assert store.client_id == uuid.UUID(hex=str(client_id))
        with store.session() as session:
            assert {a.id.hex: a.name for a in session.scalars(select(Account))} == accounts
            assert {c.id.hex: c.surname for c in session.scalars(select(Contact))} == contacts
            assert {o.id.hex: o.number for o in session.scalars(select(Offer))} == offers
            log = list(session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id)))
            state = session.get_one(SyncState, 1)
            assert state.pull_cursor == "" and state.laptop_code == ""
        assert [(e.id, e.change_id.hex, e.entity_id.hex, e.status.value) for e in log] == [
            row[:4] for row in old_log
        ]
        pending = [e for e in log if e.status == ChangeStatus.PENDING]
        assert [e.entity for e in pending] == ["contacts", "accounts"]
        assert pending[0].changes["surname"] == "Пендингова"
        assert pending[1].changes == {"qual_need_note": "Ждёт тендер — правка ещё не ушла в офис"}
        # The log goes on after the copied ids, and the converted store works as usual.
        with store.transaction() as session:
            session.add(Account(name="ГБУЗ «Новая ЦРБ»", kind=AccountKind.HOSPITAL))
        with store.session() as session:
            last = session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.id)).all()[-1]
        assert last.id > old_log[-1][0] and last.entity == "accounts"
        with store.engine.connect() as connection:
            kinds = connection.exec_driver_sql(
                "SELECT DISTINCT typeof(id), typeof(account_id) FROM sales_records"
            ).all()
        assert kinds == [("blob", "blob")]
    finally:
        store.close()
    assert not convert.converting_path(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" not in p.name) == [
        "kamdesk.sqlite"
    ]


def test_a_0001_store_gets_the_vat_kinds_dated_vat_would_have_given(tmp_path: Path) -> None:
    path = _load("store-0001-demo3.sql.gz", tmp_path / "old.sqlite")
    old = {
        sku: (medicine, rate)
        for sku, medicine, rate in _old_rows(
            path, "SELECT sku, is_medicine, vat_rate FROM products"
        )
    }
    expected_kind = {1: ProductKind.MEDICINE, 0: ProductKind.OTHER}
    expected_vat = {1000: VatKind.REDUCED, 0: VatKind.ZERO, 2000: VatKind.STANDARD}
    store = open_store(path)
    try:
        with store.session() as session:
            products = {p.sku: (p.kind, p.vat_kind) for p in session.scalars(select(Product))}
            assert session.scalars(select(Account)).all()
    finally:
        store.close()
    assert products == {
        sku: (expected_kind[medicine], expected_vat[rate]) for sku, (medicine, rate) in old.items()
    }
    assert {kind for kind, _ in products.values()} == {ProductKind.MEDICINE, ProductKind.OTHER}


def test_a_failed_conversion_leaves_the_old_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _load("store-0002-demo20.sql.gz", tmp_path / "kamdesk.sqlite")
    before = _dump(path)

    copy_table = convert._copy_table

    def copy_losing_a_contact(connection: crypto.Connection, table: Table) -> int:
        copied = copy_table(connection, table)
        if table.name == "contacts":  # as if a row had not come across
            connection.execute(
                "DELETE FROM main.contacts WHERE rowid = (SELECT max(rowid) FROM main.contacts)"
            )
        return copied - (table.name == "contacts")

    monkeypatch.setattr(convert, "_copy_table", copy_losing_a_contact)
    with pytest.raises(StoreConversionError, match="contacts"):
        open_store(path)
    assert _dump(path) == before
    assert not convert.converting_path(path).exists()
    monkeypatch.undo()
    open_store(path).close()  # the next try converts it
    assert _old_rows(path, "SELECT count(*) FROM accounts") == [(20,)]
