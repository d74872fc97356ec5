"""The README's first command, `./dev.sh run`, on a fresh clone: it makes the demo
store (in a folder the clone does not have yet) and opens KAMdesk on it. Run with a
stand-in virtual environment whose `kamdesk` refuses a store in a missing folder, as
the real one does, and records what it was asked."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FAKE_KAMDESK = """#!/usr/bin/env bash
echo "$*" >> "$KAMDESK_CALLS"
if [ "$3" = demo ]; then
    folder=$(dirname "$2")
    [ -d "$folder" ] || { echo "kamdesk: error: no folder $folder" >&2; exit 2; }
    touch "$2"
fi
"""


def test_dev_sh_run_makes_the_demo_store_on_a_fresh_clone(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    clone.mkdir()
    shutil.copy2(ROOT / "dev.sh", clone / "dev.sh")
    shutil.copy2(ROOT / "pyproject.toml", clone / "pyproject.toml")
    bin_folder = tmp_path / "venv" / "bin"
    bin_folder.mkdir(parents=True)
    for name, text in (("python", "#!/bin/sh\n"), ("kamdesk", FAKE_KAMDESK)):
        (bin_folder / name).write_text(text)
        (bin_folder / name).chmod(0o755)
    (tmp_path / "venv" / ".kamdesk-installed").touch()  # set up already: no pip here
    calls = tmp_path / "calls.txt"
    environment = {**os.environ, "KAMDESK_VENV": str(tmp_path / "venv")}
    environment["KAMDESK_CALLS"] = str(calls)
    result = subprocess.run(
        ["bash", "dev.sh", "run"],
        cwd=clone,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (clone / "demo" / "kamdesk-demo.sqlite").is_file()
    made, opened = calls.read_text().splitlines()
    assert made.startswith("--db demo/kamdesk-demo.sqlite demo")
    assert opened == "--db demo/kamdesk-demo.sqlite"
