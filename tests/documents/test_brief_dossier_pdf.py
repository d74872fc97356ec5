"""The dossier on the printed brief: read back as text, still one page (field guide §3)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kamdesk.documents.visits.brief_pdf import write_brief_pdf
from kamdesk.services.visits import brief_content
from kamdesk.store import Store
from tests.services.test_brief_dossier import MATRIX, TODAY, build_hospital
from tests.services.visit_factories import add_account, add_visit, msk

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftotext) is not installed: apt-get install poppler-utils",
)


def _read(target: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(raw.replace("\xa0", " ").split())


def _pages(target: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(target)).pages)


@needs_poppler
def test_the_printed_brief_carries_the_dossier_on_one_page(store: Store, tmp_path: Path) -> None:
    visit = build_hospital(store)["visit"]
    target = write_brief_pdf(brief_content(store, visit, today=TODAY), tmp_path / "brief.pdf")
    text = _read(target)
    assert "Досье" in text
    assert "Открытая рекламация — решить до продажи: 02.04.2026 Битые флаконы" in text
    assert "Потребности: Антибиотики резерва для отделения реанимации" in text
    assert "Планы: Открытие сосудистого центра в 2027 году" in text
    assert "Беспокоит: Срывы поставок у нынешнего поставщика" in text
    assert (
        "Последний тендер: 14.02.2026, № 0373200041526000123, Карбапенемы на 2026 год, "
        "4 250 000,00 ₽ — проигран: Конкурент снизил цену на 18 %"
    ) in text
    assert "Конкуренты здесь: Биокад; Фармстандарт (Меропенем; Отсрочка 90 дней)" in text
    assert "Продажи: за 6 мес. 450 000 ₽ (пред. 6 мес.: 600 000 ₽), падение на 25 %" in text
    assert "Битые флаконы" in text and "Опоздание поставки" not in text  # resolved: left out
    assert MATRIX.split(":")[0] not in text  # no chain objection on a hospital's brief
    assert text.count("Дорого для бюджета больницы") == 1
    # The products the visit was planned for, with what to say about them.
    assert "Препараты визита" in text
    assert "Кардиоприл, 120,50 ₽ без НДС — Однократное введение в сутки" in text
    assert _pages(target) == 1


@needs_poppler
def test_an_empty_dossier_is_said_on_the_brief(store: Store, tmp_path: Path) -> None:
    account = add_account(store, "ГБУЗ «Новая больница»")
    visit = add_visit(store, account, msk(2026, 5, 12, 10))
    target = write_brief_pdf(brief_content(store, visit, today=TODAY), tmp_path / "brief.pdf")
    text = _read(target)
    assert "досье пусто: до визита узнайте потребности, планы и историю клиента" in text
    assert "Продажи: за 6 мес. продаж нет" in text
