"""The mouse wheel changes only the editor the KAM is working in.

Qt lets the wheel change any combo box, spin box, date edit or slider it
passes over, and gives it focus on the way (`Qt.WheelFocus`): scrolling a card
over «Отношение к нам» changed and saved the attitude, scrolling a report over
«Ещё обсуждённый препарат» added products nobody discussed. One event filter
on the QApplication covers every such editor, present and future:

- when an editor is polished its default `WheelFocus` becomes `StrongFocus`
  (Tab and a click still focus it, the wheel does not);
- a wheel event over an editor without focus is taken away from it and given
  to the scroll area around it, so the form scrolls as the KAM meant;
- an editor marked with `refuse_wheel` (a picker whose choice adds something)
  never takes the wheel, focused or not.

The filter is Python code called for every event of the application, so it
looks at the event type first and returns at once for everything else.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

# What the wheel would edit. Scroll bars are sliders too, but scrolling is their job.
EDITORS: tuple[type[QWidget], ...] = (QComboBox, QAbstractSpinBox, QAbstractSlider)
NOT_EDITORS: tuple[type[QWidget], ...] = (QScrollBar,)
REFUSE_WHEEL = "kamdeskRefusesWheel"
_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish
_GUARDED = (_WHEEL, _POLISH)


def is_wheel_editor(widget: QObject) -> bool:
    return isinstance(widget, EDITORS) and not isinstance(widget, NOT_EDITORS)


def refuse_wheel(widget: QWidget) -> None:
    """`widget` never changes on the wheel, even with focus (a picker that adds items)."""
    widget.setProperty(REFUSE_WHEEL, True)


class WheelGuard(QObject):
    """Installed once on the application by `install_wheel_guard`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _GUARDED or not is_wheel_editor(watched):
            return False
        assert isinstance(watched, QWidget)
        if kind == _POLISH:
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if watched.hasFocus() and not watched.property(REFUSE_WHEEL):
            return False
        assert isinstance(event, QWheelEvent)
        scroll_surrounding(watched, event)
        event.accept()  # handled: Qt must not offer it to the parents a second time
        return True


def scroll_surrounding(widget: QWidget, event: QWheelEvent) -> bool:
    """Give `event` to the scroll areas around `widget`, nearest first, until one scrolls."""
    area = _scroll_area_around(widget)
    while area is not None:
        viewport = area.viewport()
        if viewport is not None:
            forwarded = QWheelEvent(
                QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint())),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
            )
            QApplication.sendEvent(viewport, forwarded)
            if forwarded.isAccepted():  # a scroll bar at its end ignores the wheel
                return True
        area = _scroll_area_around(area)
    return False


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        if parent.isWindow():
            return None
        parent = parent.parentWidget()
    return None


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on `app` once (again: the one already installed)."""
    existing = app.findChild(WheelGuard, "wheelGuard")
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    guard.setObjectName("wheelGuard")
    app.installEventFilter(guard)
    for widget in QApplication.allWidgets():  # polished before the guard existed
        if is_wheel_editor(widget) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return guard


def remove_wheel_guard(app: QApplication) -> None:
    """Take the guard off `app` (tests that show what the wheel did without it)."""
    guard = app.findChild(WheelGuard, "wheelGuard")
    if guard is not None:
        app.removeEventFilter(guard)
        guard.setParent(None)
        guard.deleteLater()
