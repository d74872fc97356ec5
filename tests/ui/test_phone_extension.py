"""A KAM types an office number with its extension («доб. 15»): the card keeps the
extension, shows it back and the contact's phone is stored with it, not cut off."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from kamdesk.models import Account
from kamdesk.store import Store
from kamdesk.ui.card import AccountCard
from kamdesk.ui.tasks import TaskRunner
from tests.ui.kam_day.input import retype_dossier_field

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
WaitIdle = Callable[[TaskRunner], None]


@pytest.fixture
def card(hospital_card: AccountCard) -> AccountCard:
    return hospital_card


def test_an_extension_typed_with_the_number_is_kept_and_shown(
    qtbot: QtBot, card: AccountCard, store: Store, tasks: TaskRunner, wait_idle: WaitIdle
) -> None:
    phone = retype_dossier_field(card, "field_account_phone", "8 (4822) 30-26-93 ext. 15")
    wait_idle(tasks)
    qtbot.waitUntil(lambda: card.binder is not None and card.binder.writes.is_empty())
    with store.session() as session:
        account = session.get(Account, card.account_id)
        assert account is not None and account.phone == "+74822302693;ext=15"
    assert phone.text() == "+7 4822 30-26-93 ext. 15"  # the window speaks English here
