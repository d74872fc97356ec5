#!/usr/bin/env python3
"""Take every screenshot of the documentation: each section and each dialog a KAM meets.

    KAMDESK_ENCRYPTION=off kamdesk demo --db /tmp/demo.sqlite
    python scripts/screenshots_all.py --db /tmp/demo.sqlite --out docs/screenshots --size 1366x768

Runs each screenshots_*.py script in turn, in its own process (each opens its own
offscreen window and Qt allows one application per process), with the same
arguments; sections land in --out, dialogs in --out/dialogs. Stops at the first
script that fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

SCRIPTS = (
    "screenshots.py",
    "screenshots_sections.py",
    "screenshots_visits.py",
    "screenshots_visit_dialogs.py",
    "screenshots_offers.py",
    "screenshots_app_dialogs.py",
    "screenshots_dialogs.py",
    "screenshots_store_dialogs.py",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a KAMdesk store (e.g. the demo)")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("ru", "en"), default="ru")
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--tz", default="Europe/Moscow")
    args = parser.parse_args()
    folder = Path(__file__).resolve().parent
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        command = [sys.executable, str(folder / script), "--db", str(args.db),
                   "--out", str(args.out), "--lang", args.lang, "--size", args.size,
                   "--tz", args.tz]  # fmt: skip
        if subprocess.run(command, env=environment, check=False).returncode != 0:
            print(f"{script} failed", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
