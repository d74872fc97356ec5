"""The product dialog (competitor comparisons) and the price-list import dialog."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kamdesk.models import ChangeLogEntry
from kamdesk.services.products import Comparison, ImportStage, PriceImporter, ProductCatalog
from kamdesk.services.workspace import Workspace
from kamdesk.ui.offers.common import money
from kamdesk.ui.products.import_dialog import PriceImportDialog
from kamdesk.ui.tasks import TaskRunner
from tests.documents.offer_data import make_territory


def money_text(value: str) -> str:
    return money(Decimal(value))


@pytest.fixture
def workspace(store):
    make_territory(store)
    return Workspace(store.path, store)


def test_a_comparison_added_in_the_dialog_is_stored_and_shown_again(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from kamdesk.ui.products import ProductsPage
    from kamdesk.ui.products.dialog import ProductDialog

    catalog = ProductCatalog(workspace.store)
    row = next(r for r in catalog.list() if r.sku == "KM-75-100")
    dialog = ProductDialog(catalog, catalog.detail(row.id))
    qtbot.addWidget(dialog)
    editor = dialog.comparisons
    before = editor.table.rowCount()
    added = editor.add_row()
    editor.set_row(added, "Bayer", "Аспирин Кардио", "1 150,50", "дешевле курс", "известный бренд")
    dialog.save()
    assert dialog.result() == ProductDialog.DialogCode.Accepted, dialog.errors.text()

    stored = catalog.detail(row.id)
    assert stored is not None and len(stored.comparisons) == before + 1
    assert (
        Comparison("Bayer", "Аспирин Кардио", Decimal("1150.50"), "дешевле курс", "известный бренд")
        in stored.comparisons
    )

    again = ProductDialog(catalog, stored)
    qtbot.addWidget(again)
    cells = [
        [again.comparisons.table.item(r, c).text() for c in range(5)]
        for r in range(again.comparisons.table.rowCount())
    ]
    assert ["Bayer", "Аспирин Кардио", "1150,50", "дешевле курс", "известный бренд"] in cells

    page = ProductsPage(workspace)
    qtbot.addWidget(page)
    page.search.setText("KM-75-100")
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    assert "Аспирин Кардио" in page.detail.toPlainText()

    # Removing the row and saving removes the comparison.
    target = cells.index(["Bayer", "Аспирин Кардио", "1150,50", "дешевле курс", "известный бренд"])
    again.comparisons.table.setCurrentCell(target, 0)
    again.comparisons.remove_current()
    again.save()
    assert len(catalog.detail(row.id).comparisons) == before


def test_a_bad_comparison_is_explained_and_not_saved(qtbot: QtBot, workspace: Workspace) -> None:
    from kamdesk.ui.products.dialog import ProductDialog

    catalog = ProductCatalog(workspace.store)
    row = catalog.list()[0]
    dialog = ProductDialog(catalog, catalog.detail(row.id))
    qtbot.addWidget(dialog)
    before = catalog.detail(row.id)
    added = dialog.comparisons.add_row()
    dialog.comparisons.set_row(added, "Bayer", "Ксарелто", "дорого")
    dialog.save()
    assert "price is not a number" in dialog.errors.text()
    assert dialog.tabs.currentWidget() is dialog.comparisons
    dialog.comparisons.set_row(added, "Bayer", "", "100")
    dialog.save()
    assert "name the competitor's product" in dialog.errors.text()
    assert dialog.result() != ProductDialog.DialogCode.Accepted
    assert catalog.detail(row.id) == before


# --- importing a price list -----------------------------------------------------

HEADER = "Артикул;Наименование;МНН;Цена\n"


def _price_list(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("cp1251"))
    return path


def _store_state(workspace: Workspace) -> tuple[object, ...]:
    with workspace.store.session() as session:
        changes = session.scalar(select(func.count()).select_from(ChangeLogEntry))
    return changes, ProductCatalog(workspace.store).list()


def _click(button: QPushButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _cells(dialog: PriceImportDialog) -> list[list[str]]:
    model = dialog.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_bad_price_list_shows_every_refused_row_and_cannot_be_applied(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, tmp_path: Path
) -> None:
    from kamdesk.ui.products import ProductsPage

    page = ProductsPage(workspace, tasks)
    qtbot.addWidget(page)
    before = _store_state(workspace)
    path = _price_list(
        tmp_path,
        "bad.csv",
        HEADER + "KM-75-100;Кардиомагнил;кислота;150,00\nX-1;Тестин;тестин;1e20\nX-2;Итого\n",
    )
    dialog = page.open_import(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert _cells(dialog) == [
        ["3", "Цена", "the price «1e20» is not a number", "1e20"],
        ["4", "", "cells in the row: 2, in the header: 4", "X-2;Итого"],
    ]
    assert "2 problems: nothing will be imported" in dialog.outcome.text()
    # The first problem is spelt out in full below the table; a click shows another.
    assert dialog.detail.text() == "bad.csv, row 3, column «Цена»: the price «1e20» is not a number"
    second = dialog.table.visualRect(dialog.model.index(1, 2)).center()
    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert dialog.detail.text() == (
        "bad.csv, row 4: cells in the row: 2, in the header: 4; seen «X-2;Итого»"
    )
    assert not dialog.apply_button.isEnabled()
    _click(dialog.apply_button)  # a click on the disabled button does nothing
    assert tasks.is_idle() and _store_state(workspace) == before
    _click(dialog.cancel_button)  # now "Close"
    assert not dialog.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_good_price_list_previews_then_imports_with_progress(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, tmp_path: Path
) -> None:
    from kamdesk.ui.products import ProductsPage

    page = ProductsPage(workspace, tasks)
    qtbot.addWidget(page)
    rows = "".join(f"N-{i};Новин {i};новин;{i + 1},25\n" for i in range(1_200))
    path = _price_list(
        tmp_path,
        "good.csv",
        HEADER + "KM-75-100;Кардиомагнил;ацетилсалициловая кислота;150,00\n" + rows,
    )
    dialog = page.open_import(path)
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=20_000)
    assert "CSV, Windows-1251, separator «;»" in dialog.summary.text()
    assert "1201 rows: 1200 new, 1 changed" in dialog.outcome.text()
    assert _cells(dialog)[0][1:] == [
        "KM-75-100",
        "Кардиомагнил",
        money_text("123.45"),
        money_text("150.00"),
        "changes: price",
    ]
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    _click(dialog.apply_button)
    qtbot.waitUntil(lambda: dialog.stage.text() == "Done", timeout=30_000)
    assert values[-1] == 100 and values == sorted(values) and any(0 < v < 100 for v in values)
    assert "Imported: 1201 prices" in dialog.outcome.text()
    assert not dialog.apply_button.isEnabled()
    prices = {r.sku: r.price for r in ProductCatalog(workspace.store).list()}
    assert prices["KM-75-100"] == Decimal("150.00") and prices["N-1199"] == Decimal("1200.25")
    assert page.model.rowCount() == len(prices)  # the page shows the new catalogue


def _held(progress, should_stop, hold):  # type: ignore[no-untyped-def]
    """`progress` that, once `hold(stage, done, total)` is true, waits for the user's
    Cancel to reach the work: the test's input then lands while the work runs,
    whatever the machine's speed."""

    def report(stage: ImportStage, done: int, total: int) -> None:
        progress(stage, done, total)
        if hold(stage, done, total):
            deadline = time.monotonic() + 20
            while not should_stop() and time.monotonic() < deadline:
                time.sleep(0.01)

    return report


class HeldImporter(PriceImporter):
    """Holds the preview as it starts and the apply after its first chunk, when asked."""

    def __init__(self, store, hold_preview: bool = False) -> None:  # type: ignore[no-untyped-def]
        super().__init__(store)
        self.hold_preview = hold_preview

    def preview(self, path, valid_from=None, *, progress, should_stop):  # type: ignore[no-untyped-def]
        if self.hold_preview:
            progress = _held(progress, should_stop, lambda *_: True)
        return super().preview(path, valid_from, progress=progress, should_stop=should_stop)

    def apply(self, plan, *, progress, should_stop):  # type: ignore[no-untyped-def]
        held = _held(progress, should_stop, lambda stage, done, total: 0 < done < total)
        return super().apply(plan, progress=held, should_stop=should_stop)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_cancel_during_the_import_leaves_the_store_unchanged(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, tmp_path: Path
) -> None:
    rows = "".join(f"N-{i};Новин {i};новин;{i + 1}\n" for i in range(1_200))
    path = _price_list(tmp_path, "big.csv", HEADER + rows)
    before = _store_state(workspace)
    dialog = PriceImportDialog(HeldImporter(workspace.store), path, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=20_000)
    _click(dialog.apply_button)
    qtbot.waitUntil(lambda: 0 < dialog.progress.value() < 100, timeout=20_000)
    assert dialog.stage.text() == "Importing…"
    _click(dialog.cancel_button)
    qtbot.waitUntil(lambda: dialog.stage.text() == "Cancelled", timeout=20_000)
    assert "nothing was changed" in dialog.outcome.text()
    assert _store_state(workspace) == before
    assert dialog.apply_button.isEnabled()  # it can still be applied after all
    assert dialog.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_escape_while_the_file_is_read_stops_the_preview_and_closes(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, tmp_path: Path
) -> None:
    path = _price_list(tmp_path, "p.csv", HEADER + "N-1;Новин;новин;10\n")
    dialog = PriceImportDialog(HeldImporter(workspace.store, hold_preview=True), path, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.stage.text() == "Reading the file…", timeout=20_000)
    assert dialog.cancel_button.text() == "Cancel" and not dialog.apply_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # it stays until the reading has stopped …
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)  # … then closes
    assert tasks.is_idle() and dialog.plan is None


@pytest.mark.qt_log_ignore("This plugin does not support")  # raise, keyboard grab: offscreen
def test_the_page_button_asks_for_a_file_and_previews_it(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    from kamdesk.ui.products import ProductsPage

    page = ProductsPage(workspace, tasks)
    qtbot.addWidget(page)
    page.show()
    path = _price_list(tmp_path, "march.csv", HEADER + "N-1;Новин;новин;10\n")  # typed: ASCII
    page.import_folder = tmp_path  # where the KAM keeps the office's lists

    def choose() -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
        chooser = QApplication.activeModalWidget()
        try:
            assert Path(chooser.directory().absolutePath()) == path.parent
            name = chooser.findChild(QLineEdit, "fileNameEdit")
            QTest.keyClicks(name, path.name)
            QTest.keyClick(name, Qt.Key.Key_Return)
        finally:
            if chooser.isVisible():  # never leave the test stuck in the modal loop
                chooser.reject()

    QTimer.singleShot(0, choose)
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "Import price list…")
    _click(button)
    dialog = page.findChild(PriceImportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=20_000)
    assert _cells(dialog) == [["2", "N-1", "Новин", "", money_text("10.00"), "new product"]]
    _click(dialog.apply_button)
    qtbot.waitUntil(lambda: dialog.stage.text() == "Done", timeout=20_000)
    assert "N-1" in [page.model.record(row).sku for row in range(page.model.rowCount())]
    assert page.import_folder == tmp_path


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_preview_names_a_new_kind_and_1c_code_in_words(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, tmp_path: Path
) -> None:
    from kamdesk.ui.products import ProductsPage

    page = ProductsPage(workspace, tasks)
    qtbot.addWidget(page)
    path = _price_list(
        tmp_path,
        "kinds.csv",
        "Артикул;Код;Наименование;МНН;Цена;Вид\n"
        "KM-75-100;ЦБ-000123;Кардиомагнил;ацетилсалициловая кислота;150,00;медицинское изделие\n",
    )
    dialog = page.open_import(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    change = _cells(dialog)[0][-1]
    assert change.startswith("changes: ")
    assert "1C code" in change and "product kind: medical device" in change
    assert "code_1c" not in change and "kind:" not in change.replace("product kind:", "")
    _click(dialog.cancel_button)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_price_cut_by_half_or_more_must_be_confirmed_before_the_import(
    qtbot: QtBot, workspace: Workspace, tasks: TaskRunner, tmp_path: Path
) -> None:
    """123,45 → 3,45 is most likely a typo in the office's file: the dialog says which
    prices jump and writes nothing until the KAM ticks that they checked them."""
    from kamdesk.ui.products import ProductsPage

    page = ProductsPage(workspace, tasks)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    before = _store_state(workspace)
    path = _price_list(
        tmp_path, "typo.csv", HEADER + "KM-75-100;Кардиомагнил;ацетилсалициловая кислота;3,45\n"
    )
    dialog = page.open_import(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert _cells(dialog)[0][-1].startswith("changes: price −97")  # «−97 %» in Russian
    assert dialog.confirm_jumps.isVisible() and not dialog.confirm_jumps.isChecked()
    assert "KM-75-100" in dialog.jumps_note.text() and "typo" in dialog.jumps_note.text()
    assert not dialog.apply_button.isEnabled()
    _click(dialog.apply_button)
    assert tasks.is_idle() and _store_state(workspace) == before
    box = dialog.confirm_jumps  # a click on its box: «I have checked these prices»
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.apply_button.isEnabled()
    _click(dialog.apply_button)
    qtbot.waitUntil(lambda: dialog.stage.text() == "Done", timeout=10_000)
    prices = {r.sku: r.price for r in ProductCatalog(workspace.store).list()}
    assert prices["KM-75-100"] == Decimal("3.45")
    _click(dialog.cancel_button)
