"""The product catalogue and the office's price lists (issue 4)."""

from kamdesk.services.products.catalog import (
    VAT_MEDICINE,
    VAT_OTHER,
    CatalogError,
    Comparison,
    PricePoint,
    ProductCatalog,
    ProductDetail,
    ProductInput,
    ProductRow,
)
from kamdesk.services.products.price_import import (
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

__all__ = [
    "VAT_MEDICINE",
    "VAT_OTHER",
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
    "ProductRow",
    "RowAction",
    "RowError",
    "apply_import",
    "plan_import",
]
