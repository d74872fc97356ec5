"""The card's Timeline names the edited person and shows what a field was and became."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from kamdesk.models import Contact
from kamdesk.services.card import Entity, set_field
from kamdesk.store import Store
from kamdesk.ui.card import AccountCard
from kamdesk.ui.card.timeline_tab import TimelineTab
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Language
from kamdesk.ui.tasks import TaskRunner
from kamdesk.vocabulary import DmuRole

WaitIdle = Callable[[TaskRunner], None]


def _person(store: Store, account_id: uuid.UUID, surname: str, name: str) -> uuid.UUID:
    with store.transaction() as session:
        contact = Contact(account_id=account_id, surname=surname, name=name, patronymic="Ильич")
        session.add(contact)
        session.flush()
        return contact.id


def test_an_edit_names_the_contact_and_shows_was_and_now(
    qtbot: QtBot,
    store: Store,
    tasks: TaskRunner,
    wait_idle: WaitIdle,
    territory: dict[str, Any],
    switcher: LanguageSwitcher,
) -> None:
    account_id = territory["hospital"]
    chief = _person(store, account_id, "Петров", "Олег")
    deputy = _person(store, account_id, "Сидорова", "Анна")
    set_field(store, Entity.CONTACT, deputy, "reports_to_id", chief)
    set_field(store, Entity.CONTACT, deputy, "dmu_role", DmuRole.USER)
    set_field(store, Entity.CONTACT, deputy, "dmu_role", DmuRole.DECISION_MAKER)
    switcher.apply(Language.RUSSIAN)
    card = AccountCard(account_id, lambda: store, tasks)
    qtbot.addWidget(card)
    wait_idle(tasks)
    timeline = card.findChild(TimelineTab)
    assert timeline is not None
    tree = timeline.tree
    rows = [
        (item.text(1), item.text(3))
        for i in range(tree.topLevelItemCount())
        if (item := tree.topLevelItem(i)) is not None
    ]
    edits = [detail for what, detail in rows if what == "изменено: контакт Сидорова Анна Ильич"]
    assert "Подчиняется: — → Петров Олег Ильич" in edits
    assert "Роль в закупке: Пользователь → ЛПР (принимает решение)" in edits
    assert "Роль в закупке: — → Пользователь" in edits
