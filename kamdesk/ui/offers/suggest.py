"""The offer editor's «suggest» for one reader: the arguments their role wants.

What the director's paragraph may claim (partner, client, prospect, win back) and the
references an HR reader wants come from the store (the relationship uses the key-client
figures over the analysed period), so they are worked out on the editor's TaskRunner
and the text lands in the reader it was asked for, even if another one is selected
meanwhile.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from kamdesk.services.offers import ArgumentContext, reader_kind, suggest_arguments
from kamdesk.services.offers.relationship import argument_facts

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

    from kamdesk.ui.offers.editor import OfferEditor


def suggest_for(editor: OfferEditor, index: QModelIndex, roles: tuple[int, int, int]) -> None:
    contact_role, role_role, position_role = roles
    reader: uuid.UUID | None = index.data(contact_role)
    if reader is None:
        return
    draft = editor.current_draft()
    context = ArgumentContext(
        account_name=editor.account.currentText(),
        totals=draft.totals(),
        valid_until=draft.valid_until,
        benefit=draft.benefit,
        exclusivity=draft.exclusivity,
        products=[line.title for line in draft.lines],
    )
    kind = reader_kind(index.data(role_role), index.data(position_role) or "")
    store = editor.workspace.store

    def work(_progress: Any) -> str:
        facts = argument_facts(store, draft.account_id, draft.offer_date)
        told = replace(context, relationship=facts.relationship, references=facts.references)
        return suggest_arguments(kind, told)

    def deliver(text: str) -> None:
        editor.set_arguments_of(reader, text)

    if editor.tasks is None:
        deliver(work(None))
    else:
        editor.tasks.run(work, deliver, owner=editor)
