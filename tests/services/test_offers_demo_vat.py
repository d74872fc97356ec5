"""The demo of December 2026 charges its offers the VAT of 2026, repeats no product, and
is signed by the laptop's KAM."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from kamdesk.models import Offer, OfferLine, OfferTeamMember, Product, SyncState, User
from kamdesk.services.demo import build_demo
from kamdesk.services.offers import load_offer_settings
from kamdesk.store import open_store
from kamdesk.vocabulary import ProductKind


def test_demo_offers_of_2026_charge_22_percent_on_goods_one_line_a_product_signed_by_the_kam(
    tmp_path: Path, migrated_template: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(migrated_template, path)
    store = open_store(path)
    try:
        build_demo(store, accounts=120, seed=1, years=1, today=date(2026, 12, 3))
        with store.session() as session:
            rates = {
                (kind, rate)
                for kind, rate in session.execute(
                    select(Product.kind, OfferLine.vat_rate)
                    .join(Product, Product.id == OfferLine.product_id)
                    .distinct()
                )
            }
            repeated = session.execute(
                select(Offer.number, OfferLine.product_id)
                .join(Offer, Offer.id == OfferLine.offer_id)
                .group_by(OfferLine.offer_id, OfferLine.product_id)
                .having(func.count() > 1)
            ).all()
            numbers = set(session.scalars(select(Offer.number)))
            kam = session.scalar(select(User).join(SyncState, SyncState.user_id == User.id))
            team = set(session.scalars(select(OfferTeamMember.full_name)))
            owners = set(session.scalars(select(Offer.owner_id)))
        signer = load_offer_settings(store).supplier.signer_name
    finally:
        store.close()
    assert rates == {(ProductKind.MEDICINE, 10), (ProductKind.OTHER, 22)}
    assert repeated == []
    assert "КП-2026-DEM-0004" in numbers
    assert kam is not None and owners == {kam.id}
    assert signer == kam.short_name
    assert team == {f"{kam.surname} {kam.name} {kam.patronymic}"}
