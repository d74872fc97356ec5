"""The pre-call brief's decision-making map: in the content, drawn in the PDF, one page."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from kamdesk.cli import main
from kamdesk.documents.visits.brief_pdf import write_brief_pdf
from kamdesk.models import Contact, Visit
from kamdesk.services.visits import brief_content
from kamdesk.store import Store, open_store
from kamdesk.vocabulary import Attitude, DmuRole, VisitStatus
from tests.services.visit_factories import add_account, add_contact, add_product, add_visit, msk

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed: apt-get install poppler-utils",
)


def _person(
    store: Store,
    account: uuid.UUID,
    surname: str,
    name: str,
    role: DmuRole | None,
    influence: int | None,
    attitude: Attitude | None,
    *,
    reports_to: uuid.UUID | None = None,
    kol: bool = False,
) -> uuid.UUID:
    contact_id = add_contact(store, account, surname, name, "Иванович", position="Заведующий")
    with store.transaction() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        contact.dmu_role = role
        contact.influence = influence
        contact.attitude = attitude
        contact.reports_to_id = reports_to
        contact.is_kol = kol
    return contact_id


@pytest.fixture
def team(store: Store) -> dict:
    account = add_account(store, "ГКБ № 7")
    chief = _person(store, account, "Громов", "Станислав", DmuRole.DECISION_MAKER, 5, None)
    deputy = _person(
        store, account, "Гаврилов", "Дмитрий", DmuRole.INFLUENCER, 4, Attitude.OPPONENT,
        reports_to=chief,
    )  # fmt: skip
    pharmacologist = _person(
        store, account, "Сорокина", "Марина", DmuRole.TECHNICAL_EXPERT, 3, Attitude.SUPPORTER,
        reports_to=deputy, kol=True,
    )  # fmt: skip
    clerk = _person(store, account, "Кузнецова", "Нина", None, None, Attitude.NEUTRAL)
    visit = add_visit(
        store,
        account,
        msk(2026, 5, 12, 10),
        objective="Включить в формуляр",
        attendee_ids=[chief, pharmacologist],
        product_ids=[add_product(store)],
    )
    return {
        "visit": visit,
        "chief": chief,
        "deputy": deputy,
        "pharmacologist": pharmacologist,
        "clerk": clerk,
    }


def test_the_brief_carries_the_dmu_map_with_the_attendees_marked(store: Store, team: dict) -> None:
    brief = brief_content(store, team["visit"])
    nodes = {n.contact_id: n for n in brief.dmu.nodes}
    assert set(nodes) == {team[k] for k in ("chief", "deputy", "pharmacologist", "clerk")}
    assert set(brief.dmu.edges) == {
        (team["deputy"], team["chief"]),
        (team["pharmacologist"], team["deputy"]),
    }
    assert brief.dmu_attendees == {team["chief"], team["pharmacologist"]}
    assert brief.is_attendee(nodes[team["chief"]])
    assert not brief.is_attendee(nodes[team["deputy"]])
    assert nodes[team["pharmacologist"]].is_kol
    assert nodes[team["deputy"]].border == "#c62828"  # an opponent is red
    assert nodes[team["chief"]].y < nodes[team["deputy"]].y  # more influence, higher
    gaps = [str(g) for g in brief.dmu.gaps]
    assert "no finance contact" in gaps
    assert "role unknown: Кузнецова Н. И." in gaps


@needs_poppler
def test_the_pdf_draws_the_map_on_one_page_with_embedded_fonts(
    store: Store, team: dict, tmp_path: Path
) -> None:
    target = write_brief_pdf(brief_content(store, team["visit"]), tmp_path / "brief.pdf")
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Схема принятия решений" in text
    # The map's boxes: the short names, also of those not coming to the visit.
    for name in ("Громов С. И.", "Гаврилов Д. И.", "Сорокина М. И.", "Кузнецова Н. И."):
        assert name in text, name
    assert "участник визита" in text and "роль не известна" in text  # key and column title
    assert "no finance contact" in text  # the named gaps
    assert _pages(target) == 1
    _assert_fonts_embedded(target)


def test_the_pdf_is_titled_in_the_language_of_the_brief(
    store: Store, team: dict, tmp_path: Path
) -> None:
    """The title a PDF viewer shows in its title bar and in the list of open files."""
    from pypdf import PdfReader

    for language, title in (("en", "Visit: ГКБ № 7"), ("ru", "Визит: ГКБ № 7")):
        target = tmp_path / f"brief-{language}.pdf"
        db = str(tmp_path / "store.sqlite")  # the `store` fixture's file
        argv = ["visit", "brief", str(team["visit"]), "-o", str(target), "--db", db]
        assert main([*argv, "--lang", language]) == 0
        metadata = PdfReader(str(target)).metadata
        assert metadata is not None and metadata.title == title


@needs_poppler
def test_demo_briefs_stay_on_one_page(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--accounts", "40", "--seed", "1"]) == 0
    store = open_store(path)
    try:
        from sqlalchemy import select

        with store.session() as session:
            visits = session.scalars(
                select(Visit.id)
                .where(Visit.status == VisitStatus.PLANNED)
                .order_by(Visit.starts_at)
                .limit(6)
            ).all()
        assert visits
        for n, visit_id in enumerate(visits):
            brief = brief_content(store, visit_id)
            target = write_brief_pdf(brief, tmp_path / f"brief-{n}.pdf")
            assert _pages(target) == 1, brief.account_name
            _assert_fonts_embedded(target)
            text = subprocess.run(
                ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
            ).stdout
            shown = [node.title for node in brief.dmu.nodes if node.title in text]
            assert len(shown) == len(brief.dmu.nodes), brief.account_name
    finally:
        store.close()


def _pages(target: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(target)).pages)


def _assert_fonts_embedded(target: Path) -> None:
    fonts = subprocess.run(
        ["pdffonts", str(target)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        assert re.search(r"\byes\s+yes\s+yes\b", line), line  # embedded, subset, unicode
