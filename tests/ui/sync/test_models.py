"""The Sync section's item models pass Qt's model tester, with rows and empty."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from kamdesk.services.offers.approvals import PendingApproval
from kamdesk.services.sync_inbox import IssueView, RejectedChange
from kamdesk.ui.record_model import RecordTableModel
from kamdesk.ui.sync.approvals_view import approval_columns
from kamdesk.ui.sync.issues import issue_columns
from kamdesk.ui.sync.page import rejected_columns

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def test_the_issue_model(qtmodeltester) -> None:
    issue = IssueView(
        id=uuid.uuid4(),
        kind="conflict",
        entity="contacts",
        entity_id=uuid.uuid4(),
        field="phone_mobile",
        record_title="Семёнов Пётр Сергеевич",
        account_id=uuid.uuid4(),
        account_name="ГБУЗ «ОКБ»",
        mine="+79001112233",
        theirs=None,
        current="+79001112233",
        detail="",
        is_text=False,
        created_at=NOW,
        resolved_at=None,
        mine_shown=("+79001112233",),
    )
    model = RecordTableModel[IssueView]([issue], issue_columns())
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "Mobile phone"
    assert model.index(0, 3).data() == "+79001112233"
    assert model.index(0, 4).data() == "—"
    model.set_records([])
    qtmodeltester.check(model)


def test_the_rejected_and_approval_models(qtmodeltester) -> None:
    rejected = RejectedChange(
        1, "offers", uuid.uuid4(), "update", ("valid_until",), "КП-1", "", "нет", NOW
    )
    model = RecordTableModel[RejectedChange]([rejected], rejected_columns())
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "Valid until"
    pending = PendingApproval(
        uuid.uuid4(),
        "КП-2026-0001",
        2,
        "ГКБ № 7",
        "Соколова А. И.",
        Decimal("1000.00"),
        Decimal("12.50"),
        Decimal("10"),
        "Кардиомагнил",
        NOW,
    )
    approvals = RecordTableModel[PendingApproval]([pending], approval_columns())
    qtmodeltester.check(approvals)
    assert approvals.index(0, 0).data() == "КП-2026-0001 (2)"
    assert approvals.index(0, 4).data() == "12.5% / 10%"  # the English window
