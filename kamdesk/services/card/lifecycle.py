"""Creating, archiving, restoring and merging accounts.

Nothing is ever removed: archiving tombstones the account (the client list
hides it unless asked to show archived ones), and a merge moves everything
the duplicate had to the survivor before tombstoning the duplicate with
`merged_into_id`, so a sync partner (or a KAM) can follow where it went.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from kamdesk.models import (
    Account,
    AccountCompetitor,
    AccountDossier,
    Contact,
    FollowUpTask,
    Offer,
    RelationshipEvent,
    SalesRecord,
    Visit,
)
from kamdesk.services.card.fields import FIELDS, Entity, parse
from kamdesk.store.changelog import restore, soft_delete
from kamdesk.store.natural_keys import find_or_restore
from kamdesk.store.tombstones import INCLUDE_DELETED
from kamdesk.vocabulary import AccountKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kamdesk.store import Store

_EVERYTHING = {INCLUDE_DELETED: True}
# Rows that simply change hands in a merge.
_MOVED = (Contact, RelationshipEvent, AccountCompetitor, Visit, Offer, FollowUpTask)
_TEXT_ACCOUNT_FIELDS = ("qual_need_note", "qual_pay_note", "qual_authority_note")


@dataclass(frozen=True)
class MergeResult:
    moved: dict[str, int]  # table → rows re-pointed
    sales_summed: int  # rows added into the survivor's row of the same product and month


def create_account(store: Store, name: str, kind: AccountKind, **values: Any) -> uuid.UUID:
    """A new account; values are checked like edits on the card (CardError)."""
    fields = {key: parse(Entity.ACCOUNT, key, raw) for key, raw in values.items()}
    account = Account(name=parse(Entity.ACCOUNT, "name", name), kind=kind, **fields)
    with store.transaction() as session:
        session.add(account)
        session.flush()
        return account.id


def archive_account(store: Store, account_id: uuid.UUID) -> None:
    with store.transaction() as session:
        soft_delete(session, _account(session, account_id))


def restore_account(store: Store, account_id: uuid.UUID) -> None:
    with store.transaction() as session:
        account = _account(session, account_id)
        restore(session, account)
        account.merged_into_id = None


def _account(session: Session, account_id: uuid.UUID) -> Account:
    account = session.scalar(
        select(Account).where(Account.id == account_id).execution_options(**_EVERYTHING)
    )
    if account is None:
        raise LookupError(f"account {account_id} not found")
    return account


def merge_accounts(store: Store, survivor_id: uuid.UUID, duplicate_id: uuid.UUID) -> MergeResult:
    """Fold `duplicate_id` into `survivor_id`, losing nothing; one transaction."""
    if survivor_id == duplicate_id:
        raise ValueError("an account cannot be merged into itself")
    with store.transaction() as session:
        survivor = _account(session, survivor_id)
        duplicate = _account(session, duplicate_id)
        if survivor.deleted_at is not None or duplicate.deleted_at is not None:
            raise ValueError("archived accounts are restored before they are merged")
        moved: dict[str, int] = {}
        for model in _MOVED:
            table: Any = model
            rows = session.scalars(select(table).where(table.account_id == duplicate_id)).all()
            for row in rows:
                row.account_id = survivor_id
            moved[table.__tablename__] = len(rows)
        # Row by row, not one UPDATE: every re-parented pharmacy must reach the change log.
        for child in session.scalars(select(Account).where(Account.parent_id == duplicate_id)):
            child.parent_id = survivor_id
        summed = _merge_sales(session, survivor_id, duplicate_id, moved)
        _merge_dossier(session, survivor, duplicate)
        _fill_account(survivor, duplicate)
        duplicate.merged_into_id = survivor_id
        soft_delete(session, duplicate)
    return MergeResult(moved, summed)


def _merge_sales(
    session: Session, survivor_id: uuid.UUID, duplicate_id: uuid.UUID, moved: dict[str, int]
) -> int:
    """Each of the duplicate's rows ends up in the survivor's row of the same product and
    month, the one whose id is derived from the survivor (natural_keys): added into it when
    it exists, a new row otherwise; the duplicate's row is tombstoned. Changing only its
    `account_id` would keep an id derived from the duplicate, and the next sales figure of
    that month for the survivor (same derived id as the office sends) would be a second row."""
    # Tombstoned rows too: they hold the derived id a new row would get.
    kept = {
        (row.product_id, row.month): row
        for row in session.scalars(
            select(SalesRecord)
            .where(SalesRecord.account_id == survivor_id)
            .execution_options(**_EVERYTHING)
        )
    }
    summed = 0
    rekeyed = 0
    for row in session.scalars(select(SalesRecord).where(SalesRecord.account_id == duplicate_id)):
        target = kept.get((row.product_id, row.month))
        if target is None:
            target = SalesRecord(
                account_id=survivor_id,
                product_id=row.product_id,
                month=row.month,
                quantity=row.quantity,
                amount=row.amount,
            )
            session.add(target)  # the change log gives it the survivor's derived id
            kept[(row.product_id, row.month)] = target
            rekeyed += 1
        elif target.deleted_at is not None:  # the survivor's row was withdrawn: take theirs
            target.quantity, target.amount = row.quantity, row.amount
            restore(session, target)
            summed += 1
        else:
            target.quantity += row.quantity
            target.amount += row.amount
            summed += 1
        soft_delete(session, row)
    moved[SalesRecord.__tablename__] = rekeyed
    return summed


def _merge_dossier(session: Session, survivor: Account, duplicate: Account) -> None:
    """The duplicate's dossier goes into the survivor's own (derived id, see _merge_sales):
    empty fields are filled, differing texts are both kept; then it is tombstoned."""
    theirs = session.scalar(select(AccountDossier).where(AccountDossier.account_id == duplicate.id))
    if theirs is None:
        return
    ours = find_or_restore(session, AccountDossier, account_id=survivor.id)
    for name in FIELDS[Entity.DOSSIER]:
        mine, other = getattr(ours, name), getattr(theirs, name)
        if other in (None, "") or other == mine:
            continue
        if mine in (None, ""):
            setattr(ours, name, other)
        elif isinstance(mine, str):
            setattr(ours, name, _appended(mine, other, duplicate.name))
    soft_delete(session, theirs)


def _appended(mine: str, other: str, source: str) -> str:
    """Keep both texts: the duplicate's follows under a line naming where it came from."""
    return f"{mine}\n\n— {source} —\n{other}"


def _fill_account(survivor: Account, duplicate: Account) -> None:
    for name in ("owner_id", "territory_id", "parent_id", "latitude", "longitude"):
        if getattr(survivor, name) is None and getattr(duplicate, name) != survivor.id:
            setattr(survivor, name, getattr(duplicate, name))
    for name in FIELDS[Entity.ACCOUNT]:
        mine, other = getattr(survivor, name), getattr(duplicate, name)
        if name in _TEXT_ACCOUNT_FIELDS and mine and other and mine != other:
            setattr(survivor, name, _appended(mine, other, duplicate.name))
        elif mine in (None, "") and other not in (None, ""):
            setattr(survivor, name, other)
        elif isinstance(mine, bool) and other is True:
            setattr(survivor, name, True)  # a confirmed P stays confirmed
