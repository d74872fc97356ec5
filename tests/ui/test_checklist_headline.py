"""The checklist panel of a demo visit in Russian reads one way (checklist-headline).

A tester saw «65 % почти готов — исправить 12 пунктов» above «✗ Известен психотип»
with «Неизвестен психотип» under it. Now the headline's verdict follows from the
items, with Russian plural forms, and each item is either a fact (met) or the one
thing to do (unmet), never its name crossed out and then negated.

The Russian forms of the new texts are those handed to the translators
(/tmp/kamdesk-tr/checklist-headline.tsv); the test compiles them with
pyside6-lrelease over the app's catalogue, as the build will once they are merged.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QTextDocumentFragment
from pytestqt.qtbot import QtBot

from kamdesk.services.visits import ItemKind, ReadinessSummary, visit_checklist
from kamdesk.store import Store
from kamdesk.ui.formatting import format_percent
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.visits.checklist_view import ChecklistView
from kamdesk.ui.visits.common import message_text
from kamdesk.ui.visits.page import VisitsPage
from tests.ui.demo_store import demo_store, demo_template, demo_workspace  # noqa: F401  (fixtures)
from tests.ui.kam_day.input import OFFSCREEN_NOTICES
from tests.ui.test_checklist_view import (  # noqa: F401  (the visits fixture)
    WaitIdle,
    open_visit,
    planned_visits,
    rows,
    tick,
    visits,
)

pytestmark = OFFSCREEN_NOTICES

PLURALS = {
    ("ChecklistView", "not ready: %n critical item(s)"): (
        "не готов: %n критичный пункт",
        "не готов: %n критичных пункта",
        "не готов: %n критичных пунктов",
    ),
    ("ChecklistView", "and %n more"): ("и ещё %n", "и ещё %n", "и ещё %n"),
    ("ChecklistView", "nearly ready: %n item(s) left"): (
        "почти готов: остался %n пункт",
        "почти готов: осталось %n пункта",
        "почти готов: осталось %n пунктов",
    ),
    ("ChecklistView", "not ready: %n item(s) left"): (
        "не готов: остался %n пункт",
        "не готов: осталось %n пункта",
        "не готов: осталось %n пунктов",
    ),
}
TEXTS = {
    ("ChecklistView", "ready: every item is done"): "готов: все пункты выполнены",
    ("Visits", "Check the route, parking and entry pass"): "Проверьте маршрут, парковку и пропуск",
}


def _ts() -> str:
    contexts: dict[str, list[str]] = {}
    for (context, source), forms in PLURALS.items():
        numerus = "".join(f"<numerusform>{escape(f)}</numerusform>" for f in forms)
        contexts.setdefault(context, []).append(
            f'<message numerus="yes"><source>{escape(source)}</source>'
            f"<translation>{numerus}</translation></message>"
        )
    for (context, source), text in TEXTS.items():
        contexts.setdefault(context, []).append(
            f"<message><source>{escape(source)}</source>"
            f"<translation>{escape(text)}</translation></message>"
        )
    body = "".join(
        f"<context><name>{name}</name>{''.join(messages)}</context>"
        for name, messages in contexts.items()
    )
    return f'<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="ru_RU">{body}</TS>'


@pytest.fixture
def russian(switcher: LanguageSwitcher, tmp_path: Path) -> Iterator[None]:
    """The window in Russian, with the new texts' forms on top of the app's catalogue."""
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(__file__).parents[2] / ".venv/bin/pyside6-lrelease"
    )
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    source, compiled = tmp_path / "headline_ru.ts", tmp_path / "headline_ru.qm"
    source.write_text(_ts(), encoding="utf-8")
    subprocess.run([lrelease, str(source), "-qm", str(compiled)], check=True, capture_output=True)
    switcher.apply(Language.RUSSIAN)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def ru_plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def expected_headline(summary: ReadinessSummary) -> str:
    """The Russian headline worked out by hand from the counts."""
    n, critical = summary.failing, summary.critical
    if critical:
        text = f"не готов: {critical} " + ru_plural(
            critical, "критичный пункт", "критичных пункта", "критичных пунктов"
        )
        return text + (f" и ещё {n - critical}" if n > critical else "")
    if not n:
        return "готов: все пункты выполнены"
    left = ru_plural(n, f"остался {n} пункт", f"осталось {n} пункта", f"осталось {n} пунктов")
    return ("почти готов: " if summary.level.value == "amber" else "не готов: ") + left


def headline(view: ChecklistView) -> str:
    plain = QTextDocumentFragment.fromHtml(view.summary.text()).toPlainText()
    return " ".join(plain.replace("\xa0", " ").split())


def test_a_demo_visits_panel_in_russian_says_each_thing_once(
    russian: None,
    qtbot: QtBot,
    window: MainWindow,
    visits: VisitsPage,  # noqa: F811  (the fixture imported above)
    store: Store,
    wait_idle: WaitIdle,
) -> None:
    page, view = visits, visits.checklist
    # A visit (not a call) whose route reminder is still to tick.
    row = next(
        r
        for r in planned_visits(store, page)
        if (route := visit_checklist(store, r.id).items_by_key.get("late.route")) is not None
        and not route.passed
    )
    open_visit(qtbot, page, row, wait_idle)
    checklist = view.checklist
    assert checklist is not None and checklist.failing
    summary = checklist.summary
    shown = headline(view)
    assert shown.startswith(format_percent(summary.score).replace("\xa0", " "))
    assert expected_headline(summary) in shown
    assert "исправить" not in shown  # the old «почти готов — исправить 12 пунктов»
    assert (summary.score == 100) == (summary.failing == 0)

    tree = rows(view.tree)
    for key, item in checklist.items_by_key.items():
        text = tree[key].text(0)
        first = text.split("\n")[0]
        fact, todo = message_text(item.title), message_text(item.reason) if item.reason else ""
        if item.passed:
            wanted = fact
        else:
            wanted = todo  # the one thing to do, instead of the fact
            assert fact not in text, key
        if item.kind == ItemKind.CHECK:
            wanted = ("✓ " if item.passed else "✗ ") + wanted
        assert first in (wanted, "ℹ " + wanted), key
        assert "Ещё не подтверждено" not in text and "Not confirmed yet" not in text
    assert tree["late.route"].text(0) == "Проверьте маршрут, парковку и пропуск"

    # Ticked with the mouse: it now reads as done, and the headline counts one less.
    tick(qtbot, view, "late.route", wait_idle, window.tasks)
    assert rows(view.tree)["late.route"].text(0) == "Маршрут, парковка и пропуск проверены"
    after = view.checklist
    assert after is not None and after.summary.failing == summary.failing - 1
    assert expected_headline(after.summary) in headline(view)
