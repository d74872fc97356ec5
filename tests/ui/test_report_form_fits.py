"""The visit report at 1366×768 in Russian: it fits the screen and needs no horizontal
scrolling (its scroll area scrolls down only)."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from kamdesk.models import Visit
from kamdesk.services.visits import VisitStatus
from kamdesk.store import Store
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Language
from kamdesk.ui.visits.report_form import ReportForm
from tests.services.visit_factories import add_account, add_visit

OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support")


def _held_visit(store: Store) -> uuid.UUID:
    account = add_account(store, "ГБУЗ «Тверская областная клиническая больница»")
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    return add_visit(store, account, start, objective="Включение в формуляр")


@OFFSCREEN
@pytest.mark.parametrize("submitted", [False, True])
def test_the_report_needs_no_horizontal_scrolling_at_1366x768(
    qtbot: QtBot, workspace, store: Store, switcher: LanguageSwitcher, submitted: bool
) -> None:
    switcher.apply(Language.RUSSIAN)
    visit_id = _held_visit(store)
    if submitted:  # locked: the addendum box with its sentence is shown
        with store.transaction() as session:
            visit = session.get(Visit, visit_id)
            assert visit is not None
            visit.status = VisitStatus.SUBMITTED
    form = ReportForm(workspace, visit_id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert form.width() <= 1366 and form.height() <= 768 - 40  # a taskbar's room
    body = form.body_scroll.widget()
    assert body is not None
    bar = form.body_scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: body.width() == form.body_scroll.viewport().width())
    qtbot.wait(50)  # the scroll area's own relayout after the first show
    shot = os.environ.get("KAMDESK_SHOT")
    if shot:
        form.grab().save(shot)
    assert not bar.isVisible() and bar.maximum() == 0
    assert form.addendum_box.isVisible() == submitted
