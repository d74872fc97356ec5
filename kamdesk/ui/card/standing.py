"""The header's rows on how the account stands (issue 12): the KAM's key-client choice
beside what the figures say, a client type the figures contradict, why a lost client
left and how to win it back, the XYZ class in words, and open complaints.

The figures and rules are kamdesk.services.card.standing and
kamdesk.services.key_clients; here they are only put into words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.card import CardData, Entity
from kamdesk.services.card.standing import OpenComplaint, Standing, XyzReason, asks_for_loss
from kamdesk.services.key_clients import KEY_SHARE, KeySuggestion
from kamdesk.ui import labels
from kamdesk.ui.card.binder import FieldBinder
from kamdesk.ui.card.forms import enum_combo
from kamdesk.ui.card.widgets import error_label, muted
from kamdesk.ui.formatting import format_date, format_share_trimmed
from kamdesk.vocabulary import AccountStatus, ClientType, LossReason

WARNING = "color: #c62828; font-weight: 600;"


# Texts as literal translate("Context", "…") calls: lupdate extracts no helper's text.
translate = QCoreApplication.translate


def suggestion_text(key: KeySuggestion | None) -> str:
    """«По цифрам: ключевой — 14 % ваших продаж, подтверждено 3 из 3 П» or «… не ключевой …»."""
    if key is None:
        return ""
    if key.chain_name:
        return translate(
            "CardStanding", "By the figures: its sales count to the chain «%1»"
        ).replace("%1", key.chain_name)
    # «3 П из 3» alone was cryptic: the count says what is confirmed, and the label's
    # tooltip  names the three P.
    if key.share is None:
        return (
            translate(
                "CardStanding", "By the figures: no sales of %3 to judge by; %1 of 3 P confirmed"
            ).replace("%3", key.portfolio_owner)
            if key.portfolio_owner
            else translate(
                "CardStanding",
                "By the figures: no sales of yours to judge by; %1 of 3 P confirmed",
            )
        ).replace("%1", str(key.qualified))
    if key.portfolio_owner:  # a manager's store: the share is of the account KAM's sales
        text = (
            translate(
                "CardStanding", "By the figures: key — %1 of the sales of %3, %2 of 3 P confirmed"
            )
            if key.key
            else translate(
                "CardStanding",
                "By the figures: not key — %1 of the sales of %3, %2 of 3 P confirmed",
            )
        ).replace("%3", key.portfolio_owner)
    else:
        text = (
            translate("CardStanding", "By the figures: key — %1 of your sales, %2 of 3 P confirmed")
            if key.key
            else translate(
                "CardStanding", "By the figures: not key — %1 of your sales, %2 of 3 P confirmed"
            )
        )
    return text.replace("%1", format_share_trimmed(key.share)).replace("%2", str(key.qualified))


def contradiction_text(key: KeySuggestion | None, client_type: ClientType | None) -> str:
    """«Тип „Кормилец“ не подтверждается цифрами: 1,3 % продаж при норме от 10 %»."""
    if key is None or client_type != ClientType.BREADWINNER:
        return ""
    checked = KeySuggestion(key.share, key.revenue, key.qualified, client_type, key.chain_name)
    if not checked.type_contradicted:
        return ""
    return (
        translate(
            "CardStanding",
            "Type «%1» is not borne out by the figures: %2 of sales against the norm of %3 or more",
        )
        .replace("%1", labels.label(client_type))
        .replace("%2", format_share_trimmed(key.share))
        .replace("%3", format_share_trimmed(KEY_SHARE))
    )


def cycle_text(months: int) -> str:
    words = {
        1: translate("CardStanding", "buys every month"),
        3: translate("CardStanding", "buys once a quarter"),
        6: translate("CardStanding", "buys once every six months"),
        12: translate("CardStanding", "buys once a year"),
    }
    return words.get(months) or CycleTexts().every(months)


class CycleTexts(QObject):
    """A count as Qt numerus forms (Russian: раз в 2 месяца, раз в 5 месяцев): through
    `tr`, because lupdate marks a count only there (see SubmitTexts in ui/visits)."""

    def every(self, months: int) -> str:
        return self.tr("buys every %n month(s)", "", months)


def xyz_text(reason: XyzReason | None) -> str:
    """«покупает раз в квартал, отклонение 8 % от своего цикла»: why the XYZ letter, shown
    after «CX» (the letter itself is not repeated: «CZ (Z: …)» read as a stutter)."""
    if reason is None:
        return ""
    if reason.cycle_months is None:
        return translate("CardStanding", "one purchase in the period, no cycle to judge by")
    return (
        translate("CardStanding", "%1, deviation %2 from its own cycle")
        .replace("%1", cycle_text(reason.cycle_months))
        .replace("%2", format_share_trimmed(reason.variation))
    )


def complaint_text(complaint: OpenComplaint) -> str:
    """«Открытая жалоба от 12.11.2026: задержка поставки»."""
    return (
        translate("CardStanding", "Open complaint of %1: %2")
        .replace("%1", format_date(complaint.occurred_on))
        .replace("%2", complaint.subject or "—")
    )


class ComplaintBanner(QWidget):
    """The open complaints, each with a button to its row in the dossier's history,
    where it is resolved (an open complaint comes before any new selling)."""

    complaint_clicked = Signal(object)  # the event's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openComplaints")
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 2, 0, 2)
        self._rows.setSpacing(2)
        self.set_complaints([])

    def set_complaints(self, complaints: list[OpenComplaint]) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for complaint in complaints:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(complaint_text(complaint), row)
            text.setObjectName("openComplaint")
            text.setWordWrap(True)
            text.setStyleSheet(WARNING)
            button = QPushButton(translate("CardStanding", "Resolve in the dossier…"), row)
            button.setObjectName("resolveComplaint")
            event_id = complaint.event_id
            button.clicked.connect(lambda _=False, e=event_id: self.complaint_clicked.emit(e))
            line.addWidget(text, 1)
            line.addWidget(button)
            self._rows.addWidget(row)
        self.setVisible(bool(complaints))

    def texts(self) -> list[str]:
        return [label.text() for label in self.findChildren(QLabel, "openComplaint")]


class StandingRows:
    """Adds to the header's grid, from `row` on: «Ключевой клиент» with the figures'
    suggestion and a contradiction note, then «Почему ушёл» and «Как вернуть» (shown for
    a lost or win-back account, and when the status combo is set to «Вернуть»)."""

    def __init__(
        self,
        grid: QGridLayout,
        row: int,
        data: CardData,
        binder: FieldBinder,
        standing: Standing | None,
        status: QComboBox,
        client_type: QComboBox,
    ) -> None:
        self._data, self._status, self._client_type = data, status, client_type
        self.key = standing.key if standing is not None else None
        self.key_client = QComboBox()
        self.key_client.setObjectName("field_account_key_client")
        for text, value in (
            (translate("CardStanding", "not decided"), None),
            (translate("CardStanding", "yes"), True),
            (translate("CardStanding", "no"), False),
        ):
            self.key_client.addItem(text, value)
        binder.bind(
            self.key_client, Entity.ACCOUNT, data.id, "key_client", data.account["key_client"]
        )
        self.suggestion = muted()
        self.suggestion.setObjectName("keyClientSuggestion")
        self.suggestion.setToolTip(
            translate(
                "CardStanding",
                "Key by the figures: 10 % of your sales or more, and all three P confirmed "
                "(need, ability to pay, authority)",
            )
        )
        self.contradiction = QLabel()
        self.contradiction.setObjectName("clientTypeContradiction")
        self.contradiction.setWordWrap(True)
        self.contradiction.setStyleSheet(WARNING)
        grid.addWidget(QLabel(translate("CardStanding", "Key client")), row, 0)
        grid.addWidget(self.key_client, row, 1)
        grid.addWidget(self.suggestion, row, 2, 1, 3)
        grid.addWidget(self.contradiction, row + 1, 0, 1, 5)

        self.loss_caption = QLabel(translate("CardStanding", "Why it left"))
        self.loss_reason = enum_combo(LossReason)
        self.loss_reason.setItemText(0, translate("CardStanding", "not known"))
        self.loss_reason.setObjectName("field_account_loss_reason")
        binder.bind(
            self.loss_reason, Entity.ACCOUNT, data.id, "loss_reason", data.account["loss_reason"]
        )
        self.loss_note = QLineEdit()
        self.loss_note.setObjectName("field_account_loss_note")
        self.loss_note.setPlaceholderText(translate("CardStanding", "what happened (a note)"))
        note_error = error_label()
        binder.bind(
            self.loss_note, Entity.ACCOUNT, data.id, "loss_note", data.account["loss_note"],
            note_error,
        )  # fmt: skip
        self.means_caption = QLabel(translate("CardStanding", "How to win it back"))
        self.win_back_means = QLineEdit()
        self.win_back_means.setObjectName("field_account_win_back_means")
        self.win_back_means.setPlaceholderText(
            translate("CardStanding", "a special offer, gifts, discounts…")
        )
        means_error = error_label()
        binder.bind(
            self.win_back_means, Entity.ACCOUNT, data.id, "win_back_means",
            data.account["win_back_means"], means_error,
        )  # fmt: skip
        grid.addWidget(self.loss_caption, row + 2, 0)
        grid.addWidget(self.loss_reason, row + 2, 1)
        grid.addWidget(self.loss_note, row + 2, 2, 1, 3)
        grid.addWidget(note_error, row + 3, 2, 1, 3)
        grid.addWidget(self.means_caption, row + 4, 0)
        grid.addWidget(self.win_back_means, row + 4, 1, 1, 4)
        grid.addWidget(means_error, row + 5, 1, 1, 4)
        self._loss_widgets = (
            self.loss_caption, self.loss_reason, self.loss_note, self.means_caption,
            self.win_back_means,
        )  # fmt: skip
        status.currentIndexChanged.connect(self._show_loss)
        client_type.currentIndexChanged.connect(self._show_figures)
        self._show_figures()
        self._show_loss()

    def set_standing(self, standing: Standing | None) -> None:
        """New figures (a tick of the three P, a sale synced): the words follow."""
        self.key = standing.key if standing is not None else None
        self._show_figures()

    def _show_figures(self) -> None:
        self.suggestion.setText(suggestion_text(self.key))
        value = self._client_type.currentData()
        self.contradiction.setText(
            contradiction_text(self.key, ClientType(value) if value else None)
        )
        self.contradiction.setVisible(bool(self.contradiction.text()))

    def _show_loss(self) -> None:
        chosen = self._status.currentData()
        shown = self._data.status
        status = AccountStatus.WIN_BACK if chosen == AccountStatus.WIN_BACK else shown
        notes = self.loss_note.text() + self.win_back_means.text()
        visible = asks_for_loss(status, self.loss_reason.currentData(), notes)
        for widget in self._loss_widgets:
            widget.setVisible(visible)
