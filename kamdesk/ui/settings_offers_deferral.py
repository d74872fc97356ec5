"""The envelope's payment deferral in Settings ▸ КП: the longest deferral (days) a KAM
may give without the manager's approval, by the account's ABC class.

A class left at «—» takes «any class»; the days are kept in the envelope's
`deferral_days` (kamdesk.services.offers.settings), office data like the discounts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractSpinBox, QGridLayout, QGroupBox, QLabel, QSpinBox, QWidget

from kamdesk.services.offers.line_checks import MAX_DEFERRAL_DAYS
from kamdesk.services.offers.requisites import CLASSES
from kamdesk.services.offers.settings import ANY_CLASS, DEFERRAL

UNSET = -1


class DeferralLimits(QGroupBox):
    def __init__(self, envelope: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deferralLimits")
        saved = envelope.get(DEFERRAL) or {}
        self.days: dict[str, QSpinBox] = {}
        self._captions: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        grid.addWidget(self.hint, 0, 0, 1, len(CLASSES))
        for column, abc in enumerate(CLASSES):
            spin = QSpinBox(self)
            spin.setObjectName(f"deferral_{'any' if abc == ANY_CLASS else abc}")
            spin.setRange(0 if abc == ANY_CLASS else UNSET, MAX_DEFERRAL_DAYS)
            spin.setSpecialValueText("" if abc == ANY_CLASS else "—")
            value = saved.get(abc)
            try:
                spin.setValue(int(value) if value is not None else spin.minimum())
            except (TypeError, ValueError):
                spin.setValue(spin.minimum())
            self.days[abc] = spin
            self._captions[abc] = QLabel(self)
            grid.addWidget(self._captions[abc], 1, column)
            grid.addWidget(spin, 2, column)
        self._retranslate()

    def limits(self) -> dict[str, int]:
        """The envelope's `deferral_days`: the classes that have their own days."""
        return {abc: spin.value() for abc, spin in self.days.items() if spin.value() != UNSET}

    def set_read_only(self, read_only: bool) -> None:
        symbols = QAbstractSpinBox.ButtonSymbols
        for spin in self.days.values():
            spin.setReadOnly(read_only)
            spin.setButtonSymbols(symbols.NoButtons if read_only else symbols.UpDownArrows)

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Payment deferral envelope, days"))
        self.hint.setText(
            self.tr(
                "The longest payment deferral a KAM may give without the manager's approval, "
                "by the account's ABC class; «—» takes «any class»."
            )
        )
        for abc, caption in self._captions.items():
            caption.setText(self.tr("Any class") if abc == ANY_CLASS else abc)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
