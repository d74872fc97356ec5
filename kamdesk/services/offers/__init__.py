"""Commercial offers («КП»): the editor's service, numbering, status flow, PDF, demo."""

from kamdesk.services.offers.emphasis import (
    ArgumentContext,
    ReaderKind,
    reader_kind,
    suggest_arguments,
)
from kamdesk.services.offers.model import (
    AddresseeInput,
    AnnexInput,
    DmuRole,
    LineInput,
    OfferDraft,
    OfferRow,
    OfferStatus,
    OfferView,
    StatusEvent,
    TeamMemberInput,
    VatChange,
)
from kamdesk.services.offers.money import (
    LineFigures,
    Totals,
    amount_in_words,
    format_money,
    format_percent,
    line_figures,
    totals,
)
from kamdesk.services.offers.office import (
    OfficeSettingsReadOnly,
    office_settings_editable,
)
from kamdesk.services.offers.requisites import (
    EnvelopeRow,
    OfferSettingsError,
    check_offer_settings,
    envelope_from_rows,
    envelope_rows,
    keep_logo,
)
from kamdesk.services.offers.service import OfferBook, OfferError, attachments_dir
from kamdesk.services.offers.settings import (
    OfferSettings,
    Supplier,
    load_offer_settings,
    save_offer_settings,
)
from kamdesk.services.offers.status import (
    expire_overdue,
    mark_accepted,
    mark_rejected,
    mark_sent,
)

__all__ = [
    "AddresseeInput",
    "AnnexInput",
    "ArgumentContext",
    "DmuRole",
    "EnvelopeRow",
    "LineFigures",
    "LineInput",
    "OfferBook",
    "OfferDraft",
    "OfferError",
    "OfferRow",
    "OfferSettings",
    "OfferSettingsError",
    "OfferStatus",
    "OfferView",
    "OfficeSettingsReadOnly",
    "ReaderKind",
    "StatusEvent",
    "Supplier",
    "TeamMemberInput",
    "Totals",
    "VatChange",
    "amount_in_words",
    "attachments_dir",
    "check_offer_settings",
    "envelope_from_rows",
    "envelope_rows",
    "expire_overdue",
    "format_money",
    "format_percent",
    "keep_logo",
    "line_figures",
    "load_offer_settings",
    "mark_accepted",
    "mark_rejected",
    "mark_sent",
    "office_settings_editable",
    "reader_kind",
    "save_offer_settings",
    "suggest_arguments",
    "totals",
]
