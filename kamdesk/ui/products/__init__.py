"""The Products section: the catalogue a KAM argues from, and price-list import."""

from kamdesk.ui.products.page import ProductsPage

__all__ = ["ProductsPage"]
