"""The product catalogue and the office's price lists (issue 4)."""

from kamdesk.services.products.catalog import (
    CatalogError,
    Comparison,
    PricePoint,
    ProductCatalog,
    ProductDetail,
    ProductInput,
    ProductRow,
)
from kamdesk.services.products.price_import import (
    PRICE_JUMP,
    ImportCancelled,
    ImportPlan,
    ImportRefused,
    ImportStage,
    PlannedRow,
    PriceImporter,
    RowAction,
    RowError,
    apply_import,
    plan_import,
)
from kamdesk.services.products.vat import (
    ProductKind,
    VatKind,
    VatRegime,
    format_vat_rate,
    rate_period,
    vat_rate,
)

__all__ = [
    "PRICE_JUMP",
    "CatalogError",
    "Comparison",
    "ImportCancelled",
    "ImportPlan",
    "ImportRefused",
    "ImportStage",
    "PlannedRow",
    "PriceImporter",
    "PricePoint",
    "ProductCatalog",
    "ProductDetail",
    "ProductInput",
    "ProductKind",
    "ProductRow",
    "RowAction",
    "RowError",
    "VatKind",
    "VatRegime",
    "apply_import",
    "format_vat_rate",
    "plan_import",
    "rate_period",
    "vat_rate",
]
