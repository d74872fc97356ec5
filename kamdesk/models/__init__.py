"""SQLAlchemy ORM classes: the shape of the local store, and nothing else."""

from kamdesk.models.account import Account, AccountCompetitor, AccountDossier, RelationshipEvent
from kamdesk.models.base import Base, Syncable, utcnow
from kamdesk.models.contact import Contact, ContactPersonal
from kamdesk.models.enums import (
    AccountKind,
    AccountStatus,
    Attitude,
    ChangeOperation,
    ChangeStatus,
    ClientType,
    DmuRole,
    KamKind,
    OfferStatus,
    Psychotype,
    RelationshipEventKind,
    Sentiment,
    TenderResult,
    UserRole,
    VisitStatus,
)
from kamdesk.models.local import AccountStats, AppSetting
from kamdesk.models.offer import (
    Offer,
    OfferAddressee,
    OfferAnnex,
    OfferLine,
    OfferStatusChange,
    OfferTeamMember,
)
from kamdesk.models.office import OfficeSetting
from kamdesk.models.people import Territory, User
from kamdesk.models.product import (
    KeyMessage,
    ObjectionAnswer,
    PriceList,
    PriceListItem,
    Product,
    ProductComparison,
)
from kamdesk.models.sales import SalesRecord
from kamdesk.models.sync import ChangeLogEntry, SyncIssue, SyncState, TextBase
from kamdesk.models.visit import (
    ChecklistItemState,
    FollowUpTask,
    Visit,
    VisitAttendee,
    VisitProduct,
    VisitReport,
    VisitReportAddendum,
)

__all__ = [
    "Account",
    "AccountCompetitor",
    "AccountDossier",
    "AccountKind",
    "AccountStats",
    "AccountStatus",
    "AppSetting",
    "Attitude",
    "Base",
    "ChangeLogEntry",
    "ChangeOperation",
    "ChangeStatus",
    "ChecklistItemState",
    "ClientType",
    "Contact",
    "ContactPersonal",
    "DmuRole",
    "FollowUpTask",
    "KamKind",
    "KeyMessage",
    "ObjectionAnswer",
    "Offer",
    "OfferAddressee",
    "OfferAnnex",
    "OfferLine",
    "OfferStatus",
    "OfferStatusChange",
    "OfferTeamMember",
    "OfficeSetting",
    "PriceList",
    "PriceListItem",
    "Product",
    "ProductComparison",
    "Psychotype",
    "RelationshipEvent",
    "RelationshipEventKind",
    "SalesRecord",
    "Sentiment",
    "SyncIssue",
    "SyncState",
    "Syncable",
    "TenderResult",
    "Territory",
    "TextBase",
    "User",
    "UserRole",
    "Visit",
    "VisitAttendee",
    "VisitProduct",
    "VisitReport",
    "VisitReportAddendum",
    "VisitStatus",
    "utcnow",
]
