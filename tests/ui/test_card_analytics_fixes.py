"""What a KAM saw wrong on a card and in Analytics at 1366×768, in Russian
(card-analytics-fixes): the chain tab's English total, a class «A» beside a 0.2 %
pharmacy, cut 3P notes, a cryptic «3 П из 3», contacts that read as twice as many,
and key clients at «0,0 %».

The Russian forms of the new texts are those handed to the translators
(/tmp/kamdesk-tr/card-analytics-fixes.tsv); the test compiles them with
pyside6-lrelease over the app's catalogue, as the build will once they are merged.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTranslator
from PySide6.QtGui import QHelpEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.store import Store
from kamdesk.ui.analytics import AnalyticsPage
from kamdesk.ui.card import AccountCard
from kamdesk.ui.card.chain_tab import PharmaciesTab
from kamdesk.ui.card.contacts_tab import ContactsTab
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.preferences import Language
from kamdesk.ui.sections import SectionKey
from kamdesk.ui.tasks import TaskRunner
from tests.services.standing_factories import sell_territory
from tests.ui.test_analytics_page import _rows, _sell
from tests.ui.test_card_standing import child, leave, open_card, type_text  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen

# The lines of the translators' file, as they are handed over.
TSV = """\
ChainPharmacies\tChain's ABC\tABC сети
ChainPharmacies\tThe chain's class, not the pharmacy's own\tКласс сети, а не самой аптеки
PharmaciesTab\t%n pharmacies, together %1 in 12 months; the chain with them: %2\t\
%n аптека, вместе %1 за 12 месяцев; сеть вместе с ними: %2 || \
%n аптеки, вместе %1 за 12 месяцев; сеть вместе с ними: %2 || \
%n аптек, вместе %1 за 12 месяцев; сеть вместе с ними: %2
CardStanding\tBy the figures: not key — %1 of your sales, %2 of 3 P confirmed\t\
По цифрам: не ключевой — %1 ваших продаж, подтверждено %2 из 3 П
"""


def _ts() -> str:
    contexts: dict[str, list[str]] = {}
    for line in TSV.splitlines():
        context, source, russian = line.split("\t")
        forms = russian.split(" || ")
        if len(forms) == 1:
            message = f"<message><source>{escape(source)}</source>"
            message += f"<translation>{escape(russian)}</translation></message>"
        else:
            numerus = "".join(f"<numerusform>{escape(f)}</numerusform>" for f in forms)
            message = f'<message numerus="yes"><source>{escape(source)}</source>'
            message += f"<translation>{numerus}</translation></message>"
        contexts.setdefault(context, []).append(message)
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
    source, compiled = tmp_path / "fixes_ru.ts", tmp_path / "fixes_ru.qm"
    source.write_text(_ts(), encoding="utf-8")
    subprocess.run([lrelease, str(source), "-qm", str(compiled)], check=True, capture_output=True)
    switcher.apply(Language.RUSSIAN)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def plain(text: str) -> str:
    """Non-breaking and thin spaces as plain ones, to compare what is read."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def click_tab(qtbot: QtBot, card: AccountCard, tab: QWidget) -> None:
    bar = card.tabs.tabBar()
    rect = bar.tabRect(card.tabs.indexOf(tab))
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: card.tabs.currentWidget() is tab)


def test_the_chain_tab_speaks_russian_and_says_whose_class_it_shows(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],  # noqa: F811  (the fixture imported)
    russian: None,  # after the card's fixture: English again before the card is closed
    store: Store,
    territory: dict[str, Any],
) -> None:
    sell_territory(store, territory)
    card = open_card(territory["chain"])
    tab = child(card, PharmaciesTab, "chainPharmacies")
    click_tab(qtbot, card, tab)
    # Two pharmacies, 100 000 + 150 000 and 150 000, of the chain's 400 000.
    assert plain(tab.total.text()) == (
        "2 аптеки, вместе 400 000 ₽ за 12 месяцев; сеть вместе с ними: 400 000 ₽"
    )
    model = tab.table.model()
    header = model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "ABC сети"  # «A» beside a small pharmacy is the chain's class
    assert model.index(0, 4).data() == "A"
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "Класс сети, а не самой аптеки"


def test_the_figures_beside_the_key_client_choice_say_what_3p_means(
    open_card: Callable[[uuid.UUID], AccountCard],  # noqa: F811
    russian: None,
    store: Store,
    territory: dict[str, Any],
) -> None:
    sell_territory(store, territory)
    card = open_card(territory["hospital"])
    assert child(card, QLabel, "keyClientSuggestion").text().replace("\xa0", " ") == (
        "По цифрам: не ключевой — 1,3 % ваших продаж, подтверждено 2 из 3 П"
    )


def hovered_tip(qtbot: QtBot, field: QLineEdit) -> str:
    """The tooltip the KAM reads when resting the mouse on the field."""
    centre = field.rect().center()
    QTest.mouseMove(field, centre)
    QApplication.sendEvent(
        field, QHelpEvent(QEvent.Type.ToolTip, centre, field.mapToGlobal(centre))
    )
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def shown_whole(qtbot: QtBot, field: QLineEdit, text: str) -> bool:
    fits = field.fontMetrics().horizontalAdvance(field.text()) < field.contentsRect().width()
    return field.text() == text and (fits or text in hovered_tip(qtbot, field))


def test_a_long_3p_note_can_be_read_whole(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],  # noqa: F811
    territory: dict[str, Any],
) -> None:
    card = open_card(territory["hospital"])
    card.resize(1150, 700)  # the card's share of a 1366×768 window
    need = child(card, QLineEdit, "field_account_qual_need_note")
    assert need.text() == "Кардиология, 120 коек"
    authority = child(card, QLineEdit, "field_account_qual_authority_note")
    assert shown_whole(qtbot, authority, "Решает закупочная комиссия")
    note = (
        "В матрице сети нет дженерика в группе антикоагулянтов, закупка по заявкам "
        "отделений кардиологии и неврологии"
    )
    QTest.mouseClick(need, Qt.MouseButton.LeftButton)
    QTest.keyClick(need, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(need, note)
    leave(qtbot, need, authority)
    assert need.fontMetrics().horizontalAdvance(note) > need.contentsRect().width()  # cut
    assert shown_whole(qtbot, need, note)


def test_each_contact_is_one_entry_with_the_role_under_the_name(
    qtbot: QtBot,
    open_card: Callable[[uuid.UUID], AccountCard],  # noqa: F811
    territory: dict[str, Any],
) -> None:
    card = open_card(territory["hospital"])
    contacts = child(card, QListWidget, "contactList")
    tab = contacts.parentWidget().parentWidget()
    assert isinstance(tab, ContactsTab)
    click_tab(qtbot, card, tab)
    qtbot.waitUntil(contacts.isVisible)
    assert contacts.count() == 2  # Семёнов and Орлова, no more entries than people
    names = [contacts.item(i).text() for i in range(contacts.count())]
    assert names == ["Семёнов Пётр Сергеевич", "Орлова Марина Андреевна"]
    image = contacts.viewport().grab().toImage()
    rule = contacts.palette().color(QPalette.ColorRole.Mid)
    for row in range(contacts.count()):
        rect = contacts.visualItemRect(contacts.item(row))
        # The role under the name belongs to the same entry: a click there opens this
        # person, and a rule closes the entry.
        QTest.mouseClick(
            contacts.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(rect.center().x(), rect.bottom() - 4),
        )
        assert contacts.currentRow() == row
        editor = tab.editor()
        assert editor is not None
        surname = editor.findChild(QLineEdit, "field_contact_surname")
        assert surname is not None and names[row].startswith(surname.text() + " ")
        assert image.pixelColor(rect.center().x(), rect.bottom()).rgb() == rule.rgb()
        assert "\n" not in contacts.item(row).text()
        assert contacts.item(row).toolTip().count("\n") == 1  # name, then role


def test_key_client_types_without_sales_say_so_and_are_not_counted(
    qtbot: QtBot,
    store: Store,
    territory: dict[str, Any],
    window: MainWindow,
    tasks: TaskRunner,
    wait_idle: Callable[[TaskRunner], None],
) -> None:
    _sell(store, territory, {"hospital": 600_000, "pharmacy": 300_000, "distributor": 100_000})
    qtbot.mouseClick(window.section_button(SectionKey.ANALYTICS), Qt.MouseButton.LeftButton)
    page = window.section_page(SectionKey.ANALYTICS)
    assert isinstance(page, AnalyticsPage)
    wait_idle(tasks)
    rows = _rows(page)
    by_name = {row[0]: row for row in rows}
    # The ministry is typed Имиджмейкер and bought nothing: listed last, not as 0.0%.
    ministry = by_name["Министерство здравоохранения Тверской области"]
    assert rows[-1] == ministry and ministry[2] == "no sales in the period"
    assert by_name["ГБУЗ «Областная клиническая больница»"][4] == "—"  # not a chain
    assert by_name["Аптечная сеть «Вита»"][4] == "1"
    summary = page.summary.text()
    assert summary.startswith("3 key clients bring 100.0% of your sales")
    assert "1 more of a key-client type bought nothing in the period" in summary


def test_the_shipped_russian_catalogue_holds_these_texts_as_handed_over() -> None:
    """The forms above are what a KAM must see: the app's own catalogue has them too
    (a text the extraction misses would stay English in the Russian window)."""
    from xml.etree import ElementTree

    root = ElementTree.parse(Path(__file__).parents[2] / "resources/translations/kamdesk_ru.ts")
    shipped: dict[tuple[str, str], list[str]] = {}
    for context in root.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            shipped[(name, message.findtext("source", ""))] = forms or [translation.text or ""]
    for line in TSV.splitlines():
        context, source, russian = line.split("\t")
        assert shipped.get((context, source)) == russian.split(" || "), (context, source)
