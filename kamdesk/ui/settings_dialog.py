"""Settings: the language, the analytics thresholds and, in the «КП» tab, the offers.

The language applies as soon as it is chosen (every window re-reads its texts, so
the KAM sees what they chose), and is remembered on this laptop when the dialog is
accepted; Cancel puts the language back as it was. The thresholds belong to the store: they
decide which clients are A, B or C, X, Y or Z, at risk or lost, and are saved
when the dialog is accepted. So are the offer settings (`settings_offers`):
everything is checked first, and nothing is saved while anything is wrong.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.settings import (
    DEFAULT_BACKUPS_KEPT,
    MAX_BACKUPS_KEPT,
    AnalyticsSettings,
    load_analytics,
    load_backups_kept,
    save_analytics,
    save_backups_kept,
)
from kamdesk.ui.item_data import select_data
from kamdesk.ui.language import LanguageSwitcher
from kamdesk.ui.preferences import Language, Preferences
from kamdesk.ui.settings_offers import OffersSettingsTab

# Language names are written in their own language, as every program does.
_NATIVE_NAMES = {Language.RUSSIAN: "Русский", Language.ENGLISH: "English"}


def _percent_box(minimum: float = 1, maximum: float = 99) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(minimum, maximum)
    box.setDecimals(0)
    box.setSuffix(" %")
    return box


def _days_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, 3650)
    return box


class SettingsDialog(QDialog):
    analytics_changed = Signal()

    def __init__(
        self,
        preferences: Preferences,
        language: LanguageSwitcher,
        store: Any | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._preferences = preferences
        self._language = language
        self._store = store
        self._saved = load_analytics(store) if store is not None else AnalyticsSettings()
        self._language_at_open = preferences.language

        self.language_combo = QComboBox(self)
        for value in (Language.SYSTEM, Language.RUSSIAN, Language.ENGLISH):
            self.language_combo.addItem("", value)
        select_data(self.language_combo, preferences.language)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)

        self.abc_a = _percent_box()
        self.abc_b = _percent_box()
        self.xyz_x = _percent_box(1, 500)
        self.xyz_y = _percent_box(1, 500)
        self.months = QSpinBox()
        self.months.setRange(3, 60)
        self.at_risk_days = _days_box()
        self.lost_days = _days_box()
        self.mono = _percent_box()
        self._show(self._saved)
        self._backups_saved = (
            load_backups_kept(store) if store is not None else DEFAULT_BACKUPS_KEPT
        )
        self.backups_kept = QSpinBox()
        self.backups_kept.setObjectName("backupsKept")
        self.backups_kept.setRange(1, MAX_BACKUPS_KEPT)
        self.backups_kept.setValue(self._backups_saved)

        self._language_box = QGroupBox(self)
        language_form = QFormLayout(self._language_box)
        self._language_caption = QLabel(self)
        language_form.addRow(self._language_caption, self.language_combo)

        self._analytics_box = QGroupBox(self)
        self._analytics_box.setEnabled(store is not None)
        form = QFormLayout(self._analytics_box)
        self._captions: dict[str, QLabel] = {}
        for name, editor in (
            ("abc_a", self.abc_a),
            ("abc_b", self.abc_b),
            ("xyz_x", self.xyz_x),
            ("xyz_y", self.xyz_y),
            ("months", self.months),
            ("at_risk", self.at_risk_days),
            ("lost", self.lost_days),
            ("mono", self.mono),
        ):
            # One line each: wrapped in the form, a caption got two lines' height for
            # four lines of text and «Анализируемый период» was cut off.
            caption = QLabel(self)
            self._captions[name] = caption
            form.addRow(caption, editor)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form.addRow(self.error_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: self._show(AnalyticsSettings()))

        general = QWidget(self)
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(self._language_box)
        general_layout.addWidget(self._analytics_box)
        self._backups_box = QGroupBox(self)
        self._backups_box.setEnabled(store is not None)
        backups_form = QFormLayout(self._backups_box)
        self._backups_note = QLabel(self)
        self._backups_note.setWordWrap(True)
        backups_form.addRow(self._backups_note)
        self._backups_caption = QLabel(self)
        self._backups_caption.setWordWrap(True)
        backups_form.addRow(self._backups_caption, self.backups_kept)
        general_layout.addWidget(self._backups_box)
        general_layout.addStretch(1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, "")
        self.offers: OffersSettingsTab | None = None
        if store is not None:
            self.offers = OffersSettingsTab(store, self)
            self.tabs.addTab(self.offers, "")
        # Restoring defaults is for the thresholds alone, so it shows on their tab.
        self.tabs.currentChanged.connect(lambda index: restore.setVisible(index == 0))

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self._retranslate()

    # --- analytics ----------------------------------------------------------------

    def _show(self, settings: AnalyticsSettings) -> None:
        self.abc_a.setValue(settings.abc_a_share * 100)
        self.abc_b.setValue(settings.abc_b_share * 100)
        self.xyz_x.setValue(settings.xyz_x_max_cv * 100)
        self.xyz_y.setValue(settings.xyz_y_max_cv * 100)
        self.months.setValue(settings.analysis_months)
        self.at_risk_days.setValue(settings.at_risk_days)
        self.lost_days.setValue(settings.lost_days)
        self.mono.setValue(settings.mono_dependence_share * 100)

    def entered_analytics(self) -> AnalyticsSettings:
        return replace(
            self._saved,
            abc_a_share=round(self.abc_a.value() / 100, 4),
            abc_b_share=round(self.abc_b.value() / 100, 4),
            xyz_x_max_cv=round(self.xyz_x.value() / 100, 4),
            xyz_y_max_cv=round(self.xyz_y.value() / 100, 4),
            analysis_months=self.months.value(),
            at_risk_days=self.at_risk_days.value(),
            lost_days=self.lost_days.value(),
            mono_dependence_share=round(self.mono.value() / 100, 4),
        )

    def _problem(self, settings: AnalyticsSettings) -> str:
        """What is wrong with the entered thresholds, in the user's language."""
        if not settings.abc_a_share < settings.abc_b_share:
            return self.tr("The share for class A must be smaller than the share for class B.")
        if not settings.xyz_x_max_cv < settings.xyz_y_max_cv:
            return self.tr("The variation limit for X must be smaller than the limit for Y.")
        if not settings.at_risk_days < settings.lost_days:
            return self.tr("A client must be at risk before it counts as lost.")
        return ""

    def accept(self) -> None:
        if self._store is not None:
            entered = self.entered_analytics()
            problem = self._problem(entered)
            self.error_label.setText(problem)
            self.error_label.setVisible(bool(problem))
            if problem:
                self.tabs.setCurrentIndex(0)
                return
            if self.offers is not None and not self.offers.save():
                self.tabs.setCurrentWidget(self.offers)
                return
            if entered != self._saved:
                save_analytics(self._store, entered)
                self._saved = entered
                self.analytics_changed.emit()
            if self.backups_kept.value() != self._backups_saved:
                save_backups_kept(self._store, self.backups_kept.value())
                self._backups_saved = self.backups_kept.value()
        self._preferences.language = self._chosen_language()
        self._language_at_open = self._preferences.language
        super().accept()

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: the language shown while the
        dialog was open goes back to the one it had."""
        if self._chosen_language() != self._language_at_open:
            self._language.apply(self._language_at_open)
        super().reject()

    # --- language -----------------------------------------------------------------

    def _chosen_language(self) -> Language:
        return Language(self.language_combo.currentData())

    def _language_chosen(self) -> None:
        self._language.apply(self._chosen_language())

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self._language_box.setTitle(self.tr("Interface"))
        self.tabs.setTabText(0, self.tr("General"))
        if self.offers is not None:
            self.tabs.setTabText(1, self.tr("Offers"))
        self._language_caption.setText(self.tr("Language"))
        for index in range(self.language_combo.count()):
            value = Language(self.language_combo.itemData(index))
            text = _NATIVE_NAMES.get(value) or self.tr("System language")
            self.language_combo.setItemText(index, text)
        self._analytics_box.setTitle(self.tr("Analytics thresholds"))
        captions = {
            "abc_a": self.tr("Class A: the largest buyers, up to this share of sales"),
            "abc_b": self.tr("Class B: the next ones, up to this share (C: the rest)"),
            "xyz_x": self.tr("Class X (regular): variation on its own purchase cycle up to"),
            "xyz_y": self.tr("Class Y (fluctuating): variation up to (Z: irregular)"),
            "months": self.tr("Months analysed"),
            "at_risk": self.tr("At risk after this many days without a purchase"),
            "lost": self.tr("Lost after this many days without a purchase"),
            "mono": self.tr("Warn of mono-dependence when one client brings more than"),
        }
        for name, text in captions.items():
            self._captions[name].setText(text)
        suffix = self.tr(" days")
        self.at_risk_days.setSuffix(suffix)
        self.lost_days.setSuffix(suffix)
        self.months.setSuffix(self.tr(" months"))
        self._backups_box.setTitle(self.tr("Backups"))
        self._backups_note.setText(
            self.tr(
                "KAMdesk backs the database up once a day, into the «backups» folder "
                "beside it; File ▸ Restore from backup… brings one back."
            )
        )
        self._backups_caption.setText(self.tr("Backups kept (older ones are deleted)"))
        if self.error_label.isVisible():
            self.error_label.setText(self._problem(self.entered_analytics()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
