"""A service message shown on its own reads as a sentence: the manager's «Отклонить»
without a comment says «Напишите, почему скидка отклонена», not «напишите, …»."""

from __future__ import annotations

from kamdesk.services.offers.approvals import load_state, send_for_approval
from kamdesk.services.workspace import Workspace
from kamdesk.store import Store
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.sentence import as_sentence
from kamdesk.ui.sync.page import SyncPage
from tests.ui.sync.conftest import OFFSCREEN, People, be
from tests.ui.sync.test_approvals_gui import _over_envelope


@OFFSCREEN
def test_rejecting_without_a_comment_is_asked_in_a_sentence(
    qtbot, make_window, offer_workspace: Workspace, people: People, store: Store
) -> None:
    offer_id = _over_envelope(offer_workspace)
    send_for_approval(store, offer_id)
    be(store, people.manager, "manager", "Волков Дмитрий Олегович")
    window = make_window(offer_workspace)
    window.show_section(SectionKey.SYNC)
    page = window.section_page(SectionKey.SYNC)
    assert isinstance(page, SyncPage)
    view = page.approvals
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.reject.click()
    qtbot.waitUntil(lambda: view.note.text() != "")
    assert view.note.text() == "Say why the discount is rejected"
    assert load_state(store, offer_id).status == "requested"


def test_a_sentence_starts_with_its_first_letter_in_upper_case() -> None:
    assert as_sentence("скидка выше допустимой: нужно согласование") == (
        "Скидка выше допустимой: нужно согласование"
    )
    assert as_sentence("«Кардиомагнил» is missing") == "«Кардиомагнил» is missing"
    assert as_sentence("«файл» не найден") == "«Файл» не найден"
    assert as_sentence("2 lines are wrong") == "2 lines are wrong"
    assert as_sentence("") == ""
