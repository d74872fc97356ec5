"""The longest freeze of the window while another process imports 100 000 prices.

    python benchmarks/bench_busy_store.py [--runs 3] [--rows 100000] [--code PATH]

A KAM types in a client card (a key every 60 ms in two dossier fields, leaving
the field every 40 keys) while `kamdesk import products` writes a 100 000-row
price list into the same store in one transaction, holding SQLite's write lock
for as long as it takes. A 10 ms timer in the window measures how late the
event loop gets round to it: the longest gap is the longest the window froze.
Target: ≤ 100 ms.

The store is a 200-account demo built once in benchmarks/out/ (by the KAMdesk
measured, one file per schema) and copied for each run; the price file is
generated there too. `--code PATH` measures another checkout of KAMdesk (e.g.
`git archive` of an older commit) the same way: its window, its importer and a
store of its schema. Prints a table; figures go into README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CHILD = HERE / "_busy_child.py"
OUT = HERE / "out"


def ensure_store(code: Path) -> Path:
    """A demo store of `code`'s schema (named by its migrations), built by that code."""
    migrations = sorted(p.name for p in (code / "kamdesk" / "migrations" / "versions").glob("*.py"))
    schema = hashlib.sha1("\n".join(migrations).encode()).hexdigest()[:8]
    path = OUT / f"busy-demo-200-{schema}.sqlite"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        print(f"building {path} (200 accounts)…", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "kamdesk", "--db", str(path), "demo", "--accounts", "200"],
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(code)},
            cwd=OUT,
        )
    return path


def ensure_prices(rows: int) -> Path:
    """A 1C-style price list (UTF-8, `;`, decimal comma) with `rows` new products."""
    path = OUT / f"prices-{rows}.csv"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        chance = random.Random(1)
        lines = ["Артикул;Наименование;МНН;Лекарственная форма;Дозировка;Цена;Ставка НДС"]
        for number in range(rows):
            price = chance.randint(50, 9_000)
            kopecks = chance.randint(0, 99)
            lines.append(
                f"BENCH-{number:06d};Бенчамин {number} таб. п/о №30;бенчамин;"
                f"таблетки;{chance.choice((5, 10, 20, 40))} мг;{price},{kopecks:02d};10"
            )
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def one_run(store: Path, prices: Path, code: Path) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="kamdesk-busy-"))
    copy = folder / "store.sqlite"
    shutil.copyfile(store, copy)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KAMDESK_HOME": str(folder / "home"),
        "PYTHONPATH": str(code),
    }
    try:
        output = subprocess.run(
            [sys.executable, str(CHILD), str(copy), str(prices), str(code)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=folder,
            timeout=1200,  # a window waiting on a dialog nobody answers
        ).stdout
        result: dict[str, object] = json.loads(output.strip().splitlines()[-1])
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--code", type=Path, default=REPO, help="the KAMdesk to measure")
    args = parser.parse_args()
    code = args.code.resolve()
    store, prices = ensure_store(code), ensure_prices(args.rows)
    results = [one_run(store, prices, code) for _ in range(args.runs)]
    columns = (
        ("import, s", "import_s"),
        ("keys typed", "keys"),
        ("longest stall, ms", "max_gap_ms"),
        ("99th percentile gap, ms", "p99_gap_ms"),
        ("gaps over 100 ms", "gaps_over_100ms"),
        ("busy note shown", "busy_note_seen"),
        ("everything typed stored", "all_saved"),
        ("stored, s after typing stopped", "saved_after_typing_s"),
        ("importer exit code", "importer_exit"),
    )
    print(f"KAMdesk measured: {code}; {args.rows} price rows; {args.runs} runs")
    print(f"| measure | {' | '.join(f'run {i + 1}' for i in range(len(results)))} |")
    print(f"|---|{'---:|' * len(results)}")
    for title, key in columns:
        print(f"| {title} | {' | '.join(str(r.get(key)) for r in results)} |")
    for result in results:
        if result.get("importer_exit"):
            print(f"importer said: {result.get('importer_error')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
