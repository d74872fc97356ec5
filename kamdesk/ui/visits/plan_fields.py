"""Two fields of the visit plan that do more than hold a value.

- `CoordinatesField`: the place's latitude and longitude typed as one pair, the way
  a map copies them («56.8587, 35.9176»; a decimal comma works too). The departure
  time is worked out from it, so the checklist's «give the place coordinates» lands
  here.
- `OfferRow`: the offer to hand over, and «New offer…» beside it for a client who
  has none yet: the offer editor opens for the client and the saved offer is chosen.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """«56.8587, 35.9176» (or «56,8587 35,9176») as (latitude, longitude); None when
    the text is not two numbers in range. Empty text is (nothing), also None."""
    numbers = _NUMBER.findall(text)
    leftover = _NUMBER.sub("", text).strip(" ,;\t")
    if len(numbers) != 2 or leftover:
        return None
    latitude, longitude = (float(n.replace(",", ".")) for n in numbers)
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


class CoordinatesField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planCoordinates")
        self.setPlaceholderText(self.tr("latitude, longitude, e.g. 56.8587, 35.9176"))
        self.setToolTip(
            self.tr(
                "Copy them from a map. With the place's coordinates (and home's in "
                "Settings) the checklist works out when to leave."
            )
        )

        self._shown: tuple[str, tuple[float | None, float | None]] = ("", (None, None))

    def set_value(self, latitude: float | None, longitude: float | None) -> None:
        if latitude is None or longitude is None:
            self.clear()
        else:
            self.setText(f"{latitude:.6f}, {longitude:.6f}")
        self._shown = (self.text(), (latitude, longitude))

    def value(self) -> tuple[float | None, float | None]:
        """(None, None) when empty or not understood (see `is_valid`); the stored
        values themselves while the text shown for them is untouched."""
        if self.text() == self._shown[0]:
            return self._shown[1]
        pair = parse_coordinates(self.text())
        return pair if pair is not None else (None, None)

    def is_valid(self) -> bool:
        return not self.text().strip() or parse_coordinates(self.text()) is not None


class OfferRow(QWidget):
    """The offer combo and «New offer…»; `new_offer_requested` asks the dialog to
    open the editor, `offer_created(offer_id)` puts the saved offer in the list."""

    new_offer_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("planOffer")
        self.new_offer = QPushButton(self.tr("New offer…"), self)
        self.new_offer.setObjectName("planNewOffer")
        self.new_offer.setToolTip(self.tr("Prepare an offer for this client to hand over"))
        self.new_offer.clicked.connect(self.new_offer_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.new_offer)

    def has_offers(self) -> bool:
        return any(self.combo.itemData(i) is not None for i in range(self.combo.count()))

    def focus_fix(self) -> None:
        """An offer to choose: the list; none yet: «New offer…»."""
        (self.combo if self.has_offers() else self.new_offer).setFocus()


def open_new_offer(
    parent: QWidget, workspace: object, tasks: object, account_id: uuid.UUID,
    saved: Callable[[uuid.UUID], None],
) -> QWidget:  # fmt: skip
    """The offer editor for `account_id`; `saved(offer_id)` once it is stored."""
    from kamdesk.ui.offers import open_offer_editor

    editor = open_offer_editor(parent, workspace, account_id=account_id, tasks=tasks)  # type: ignore[arg-type]
    editor.saved.connect(saved)
    return editor


def channel_combo() -> QComboBox:
    """«Визит» / «Звонок»: a call has no place, coordinates nor travel (their rows hide)."""
    from kamdesk.services.visits import VisitChannel
    from kamdesk.ui.labels import label

    combo = QComboBox()
    combo.setObjectName("planChannel")
    for channel in VisitChannel:
        combo.addItem(label(channel), channel)
    return combo


def contact_text(full_name: str, position: str, role: str, phone: str) -> str:
    """A contact in the plan's list: name, position, DMU role and the number a call dials."""
    text = f"{full_name}, {position}{f' ({role})' if role else ''}".replace(", (", " (")
    return f"{text.strip(', ')}{f' · {phone}' if phone else ''}"


def attendee_list() -> QListWidget:
    """The plan's people: a long name or position wraps within the dialog's width
    (each line also its tooltip), never a sideways scroll on a 1366 px screen."""
    people = QListWidget()
    people.setObjectName("planAttendees")
    people.setWordWrap(True)
    people.setTextElideMode(Qt.TextElideMode.ElideRight)  # a word longer than the width
    people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    people.setResizeMode(QListView.ResizeMode.Adjust)  # rewrapped as the dialog resizes
    people.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    people.setMaximumHeight(160)  # four or five people, wrapped
    return people


def plan_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def next_slot(now: datetime) -> datetime:
    """The next working day at ten (the production calendar's: not 1 January nor a
    Sunday): a sensible default when the calendar gave no slot."""
    from kamdesk.services.visits import next_working_day

    day = next_working_day(now.date())
    return now.replace(
        year=day.year, month=day.month, day=day.day, hour=10, minute=0, second=0, microsecond=0
    )


def plan_title(*, editing: bool, call: bool) -> str:
    # Literal translate() calls: pyside6-lupdate extracts only those.
    if editing:
        return (
            QCoreApplication.translate("PlanDialog", "Call plan")
            if call
            else QCoreApplication.translate("PlanDialog", "Visit plan")
        )
    return (
        QCoreApplication.translate("PlanDialog", "Plan a call")
        if call
        else QCoreApplication.translate("PlanDialog", "Plan a visit")
    )


def show_channel(
    form: QFormLayout,
    going: Iterable[QWidget],
    channel: QComboBox,
    duration: QSpinBox,
    usual: Callable[[], int] | None = None,
) -> None:
    """Hide the rows a call has not (`going`: place, coordinates, travel); a call just
    chosen (`usual` given) lasts CALL_DURATION_MIN, a visit chosen instead the `usual()`."""
    from kamdesk.services.visits import VisitChannel
    from kamdesk.services.visits.model import CALL_DURATION_MIN

    call = channel.currentData() == VisitChannel.CALL
    for row in going:
        form.setRowVisible(row, not call)
    if usual is not None and call:
        duration.setValue(CALL_DURATION_MIN)
    elif usual is not None and duration.value() == CALL_DURATION_MIN:
        duration.setValue(usual())


def pair_row(label: QWidget, field: QWidget) -> QWidget:
    """Two widgets side by side as a form row of their own (a tick and its minutes)."""
    row = QWidget()
    layout = QFormLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addRow(label, field)
    return row


def text_box(max_height: int | None, placeholder: str = "") -> QPlainTextEdit:
    """A few lines of text; Tab goes on to the next field rather than into the text."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    if max_height is not None:
        box.setMaximumHeight(max_height)
    box.setPlaceholderText(placeholder)
    return box
