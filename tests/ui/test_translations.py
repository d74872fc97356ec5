"""Every visible string has a Russian translation, and the .ts is in step with the code."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "kamdesk_ru.ts"
SCRIPT = ROOT / "scripts" / "update-translations.py"


def test_every_message_is_translated() -> None:
    untranslated = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                (form or "").strip() for form in forms
            ):
                untranslated.append(f"[{name}] {message.findtext('source')!r}")
    assert not untranslated, "no Russian translation for:\n" + "\n".join(untranslated)


def test_sources_have_no_strings_missing_from_the_ts_and_the_qm_is_built() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_placeholders_survive_translation() -> None:
    """A translation that drops {path} or %n would show the user a broken sentence."""
    import re

    broken = []
    placeholder = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%L?n|%\d")
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        expected = sorted(set(placeholder.findall(source)))
        for form in forms:
            if sorted(set(placeholder.findall(form))) != expected and "%n" not in expected:
                broken.append(f"{source!r} → {form!r}")
    assert not broken, "\n".join(broken)
