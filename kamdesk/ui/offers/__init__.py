"""The Offers section and the offer editor."""

from kamdesk.ui.offers.editor import OfferEditor, open_offer_editor
from kamdesk.ui.offers.page import OffersPage

__all__ = ["OfferEditor", "OffersPage", "open_offer_editor"]
