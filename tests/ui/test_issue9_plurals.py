"""Issue 9, Russian plurals: counts in the visit screens use Qt's numerus forms
(self.tr("%n …", "", n)) instead of «исправить пунктов: 1» dodges, and the Russian forms
agree with the number: 1 пункт, 2 пункта, 5 пунктов, 21 пункт, 22 пункта.

The Russian forms below are those handed to the translators (issue 9, h12); the test
compiles them with pyside6-lrelease, as the build does, and asks Qt for each number."""

from __future__ import annotations

import inspect
import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from sqlalchemy import select

from kamdesk.models import AccountDossier
from kamdesk.store import Store
from kamdesk.ui.visits import actions, checklist_view, route_dialog
from tests.ui.demo_store import demo_store, demo_template, demo_workspace  # noqa: F401  (fixtures)

FORMS = {
    # The checklist's headline: its verdict and what it rests on (checklist-headline).
    ("ChecklistView", "not ready: %n critical item(s)"): (
        "не готов: %n критичный пункт",
        "не готов: %n критичных пункта",
        "не готов: %n критичных пунктов",
    ),
    ("ChecklistView", "nearly ready: %n item(s) left"): (
        "почти готов: остался %n пункт",
        "почти готов: осталось %n пункта",
        "почти готов: осталось %n пунктов",
    ),
    ("ChecklistView", "not ready: %n item(s) left"): (
        "не готов: остался %n пункт",
        "не готов: осталось %n пункта",
        "не готов: осталось %n пунктов",
    ),
    ("RouteDialog", "%n visit(s) without coordinates stay where they are."): (
        "%n визит без координат остаётся на своём времени.",
        "%n визита без координат остаются на своём времени.",
        "%n визитов без координат остаются на своём времени.",
    ),
    ("VisitsPage", "%n report(s) submitted; they will be sent to the manager at the next sync."): (
        "Сдан %n отчёт; отчёты уйдут руководителю при следующей синхронизации.",
        "Сдано %n отчёта; отчёты уйдут руководителю при следующей синхронизации.",
        "Сдано %n отчётов; отчёты уйдут руководителю при следующей синхронизации.",
    ),
}


def _ts(forms: Mapping[tuple[str, str], tuple[str, ...]]) -> str:
    contexts: dict[str, list[str]] = {}
    for (context, source), texts in forms.items():
        numerus = "".join(f"<numerusform>{escape(t)}</numerusform>" for t in texts)
        contexts.setdefault(context, []).append(
            f'<message numerus="yes"><source>{escape(source)}</source>'
            f"<translation>{numerus}</translation></message>"
        )
    body = "".join(
        f"<context><name>{name}</name>{''.join(messages)}</context>"
        for name, messages in contexts.items()
    )
    return f'<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="ru_RU">{body}</TS>'


@pytest.fixture
def russian(tmp_path: Path) -> Iterator[None]:
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(__file__).parents[2] / ".venv/bin/pyside6-lrelease"
    )
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    source, compiled = tmp_path / "h12_ru.ts", tmp_path / "h12_ru.qm"
    source.write_text(_ts(FORMS), encoding="utf-8")
    subprocess.run([lrelease, str(source), "-qm", str(compiled)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(
    ("count", "form"), [(1, 0), (2, 1), (5, 2), (21, 0), (22, 1), (11, 2), (0, 2)]
)
def test_russian_counts_agree_with_their_number(russian: None, count: int, form: int) -> None:
    for (context, source), texts in FORMS.items():
        shown = QCoreApplication.translate(context, source, "", count)
        assert shown == texts[form].replace("%n", str(count))


def test_the_visit_screens_ask_for_numerus_forms() -> None:
    """The screens pass the count to Qt (so the forms apply), not a number pasted into
    a fixed text."""
    code = inspect.getsource(checklist_view)
    assert 'tr("not ready: %n critical item(s)", "", summary.critical)' in code
    assert 'tr("nearly ready: %n item(s) left", "", summary.failing)' in code
    assert 'tr("%n item(s) to fix"' not in code
    assert '"%n visit(s) without coordinates' in inspect.getsource(route_dialog)
    code = inspect.getsource(actions)
    assert '"%n report(s) submitted;' in code and '"Submit %n report(s)?' in code
    assert '"%1 report(s)' not in code


def test_the_demo_dossiers_count_departments_in_good_russian(store: Store) -> None:
    """«22 подразделения», «21 подразделение», «5 подразделений» in the card's dossier."""
    from kamdesk.services.demo.text import plural

    with store.session() as session:
        texts = list(session.scalars(select(AccountDossier.structure)))
    counted = [re.match(r"(\d+) (\S+);", text) for text in texts if "подразделен" in text]
    assert counted
    for match in counted:
        assert match is not None
        number = int(match.group(1))
        expected = plural(number, "подразделение", "подразделения", "подразделений")
        assert match.group(2) == expected, match.group(0)
