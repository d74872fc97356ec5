"""The sentence about the manager's approval under the offer editor's totals.

Over the envelope it says the offer needs the manager's approval and prints as «ПРОЕКТ»;
a new offer adds that it is sent for approval once saved (the editor offers «Send for
approval» for a saved offer); once the manager approved the discounts as they stand it
says so, and that the PDF prints without «ПРОЕКТ»."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from kamdesk.services.offers import LineInput

if TYPE_CHECKING:
    from kamdesk.services.offers.approvals import ApprovalState


def _discounts(lines: list[LineInput]) -> list[tuple[object, object]]:
    return [(line.product_id, line.discount_pct) for line in lines]


def approval_note(
    is_new: bool,
    state: ApprovalState | None,
    lines: list[LineInput],
    saved_lines: list[LineInput] | None,
) -> str:
    """The text in place of the over-envelope warning ("": the warning as it is)."""
    if is_new:
        return (
            over_envelope_text()
            + " "
            + QCoreApplication.translate("OfferEditor", "Save the offer to send it for approval.")
        )
    approved = state is not None and state.status == "approved" and bool(state.decided_by)
    if approved and saved_lines is not None and _discounts(lines) == _discounts(saved_lines):
        return QCoreApplication.translate(
            "OfferEditor",
            "The manager approved these discounts: the offer prints without «ПРОЕКТ».",
        )
    return ""


def over_envelope_text() -> str:
    return QCoreApplication.translate(
        "OfferEditor",
        "A discount is above what you may give without approval: the offer will need "
        "the manager's approval and prints as a draft («ПРОЕКТ»).",
    )


def editor_note(editor: Any) -> str:
    """`approval_note` for an OfferEditor: new or not, its approval line's state, and
    the lines it opened with (what the manager's answer is about)."""
    approval, opened = getattr(editor, "approval", None), editor._opened
    return approval_note(
        opened is None,
        approval.state if approval is not None else None,
        editor.lines.lines(),
        opened[0] if opened else None,
    )
