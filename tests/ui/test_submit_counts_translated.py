"""The «Submit %n report(s)?» question and the «%n report(s) submitted» status reach the
Russian catalogue (lupdate skipped them when the count was written `len(ready)` in the
call, and took them as plain texts from QCoreApplication.translate) and read in agreeing
Russian, as the submit action shows them."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kamdesk.ui.visits.actions import SubmitTexts

ROOT = Path(__file__).parents[2]
QUESTION = (
    "Submit %n report(s)? They will be sent to the manager at the next sync "
    "and cannot be edited afterwards."
)
SUBMITTED = "%n report(s) submitted; they will be sent to the manager at the next sync."
TAIL = " уйдут руководителю при следующей синхронизации, изменить их после этого будет нельзя."
RUSSIAN = {
    QUESTION: (
        f"Сдать %n отчёт? Отчёты{TAIL}",
        f"Сдать %n отчёта? Отчёты{TAIL}",
        f"Сдать %n отчётов? Отчёты{TAIL}",
    ),
    SUBMITTED: tuple(
        f"{verb} %n {noun}; отчёты уйдут руководителю при следующей синхронизации."
        for verb, noun in (("Сдан", "отчёт"), ("Сдано", "отчёта"), ("Сдано", "отчётов"))
    ),
}


def _tool(name: str) -> str:
    found = shutil.which(name) or str(ROOT / ".venv" / "bin" / name)
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


def test_the_submit_counts_are_extracted_and_read_in_russian(tmp_path: Path) -> None:
    ts = tmp_path / "visits_ru.ts"
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "kamdesk/ui/visits/actions.py",
            "-target-language",
            "ru_RU",
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    tree = ET.parse(ts)
    found: dict[str, ET.Element] = {}
    for message in tree.getroot().iter("message"):
        found[message.findtext("source", "")] = message
    for source, forms in RUSSIAN.items():
        entry = found.get(source)
        assert entry is not None, f"lupdate does not see {source!r}"
        assert entry.get("numerus") == "yes"
        translation = entry.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "visits_ru.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        texts = SubmitTexts()
        assert texts.question(1).startswith("Сдать 1 отчёт? Отчёты уйдут руководителю")
        assert texts.question(3).startswith("Сдать 3 отчёта? ")
        assert texts.question(5).startswith("Сдать 5 отчётов? ")
        assert texts.question(21).startswith("Сдать 21 отчёт? ")
        assert texts.submitted(1).startswith("Сдан 1 отчёт;")
        assert texts.submitted(22).startswith("Сдано 22 отчёта;")
        assert texts.submitted(11).startswith("Сдано 11 отчётов;")
    finally:
        QCoreApplication.removeTranslator(translator)
