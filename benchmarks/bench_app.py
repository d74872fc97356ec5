"""KAMdesk's start-up, search-as-you-type latency and memory on a big store.

    python benchmarks/bench_app.py [--db PATH] [--runs 5] [--keyring FILE]

Without --db it builds (once) a 100 000-account demo store in benchmarks/out/.
Each start is a fresh process timed from spawn to "the first page of clients
painted" (the read-only first page, kamdesk.ui.first_page) and to "the whole
window shown in its place with its own first page"; the reference is an empty
PySide6 window started the same way in the same run. The key comes from
KAMDESK_PASSPHRASE, or with --keyring from a file-backed stand-in keyring.
Keystrokes are timed in one process from the key event to the list showing the
new result. Prints a table; figures go into README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "_child.py"
KEYRING_FILE = "KAMDESK_BENCH_KEYRING"  # bench_app's stand-in keyring (_keyring_file.py)
WORDS = ["городская больница", "тверь", "аптека", "ива", "7704", "семен", "зз"]


def spawn(*args: str) -> tuple[float, dict[str, object]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["KAMDESK_HOME"] = tempfile.mkdtemp(prefix="kamdesk-bench-")
    # An installed KAMdesk runs from compiled .pyc files: without them every module is
    # compiled again at each start (with PYTHONDONTWRITEBYTECODE=1, 2–3 times slower).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(HERE / "out" / "pycache"))
    if KEYRING_FILE in os.environ:  # --keyring: the file-backed stand-in backend
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
        env["PYTHON_KEYRING_BACKEND"] = "_keyring_file.FileKeyring"
        env.pop("KAMDESK_PASSPHRASE", None)
    started = time.time()
    output = subprocess.run(
        [sys.executable, str(CHILD), *args], capture_output=True, text=True, env=env, check=True
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    return float(result.get("ready_at", started)) - started, result


def ensure_store(db: Path | None) -> Path:
    if db is not None:
        return db
    path = HERE / "out" / "demo-100k.sqlite"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {path} (100 000 accounts)…", file=sys.stderr)
        started = time.time()
        subprocess.run(
            [sys.executable, "-m", "kamdesk", "--db", str(path), "demo", "--accounts", "100000"],
            check=True,
        )
        print(f"built in {time.time() - started:.0f} s", file=sys.stderr)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--keyring",
        type=Path,
        metavar="FILE",
        help="take the store's key from a keyring kept in FILE (a stand-in backend, "
        "benchmarks/_keyring_file.py) instead of KAMDESK_PASSPHRASE",
    )
    args = parser.parse_args()
    if args.keyring is not None:
        os.environ[KEYRING_FILE] = str(args.keyring.absolute())
    db = ensure_store(args.db)
    load_before = f"{os.getloadavg()[0]:.1f}"
    spawn("kamdesk", str(db))  # warm the page cache and the .pyc files once

    empty, kamdesk, windows, kamdesk_rss = [], [], [], []
    for _ in range(args.runs):
        seconds, _ = spawn("empty")
        empty.append(seconds)
        seconds, result = spawn("kamdesk", str(db))
        kamdesk.append(seconds)
        windows.append(seconds + float(result["window_at"]) - float(result["ready_at"]))  # type: ignore[arg-type]
        kamdesk_rss.append(float(result["rss_mb"]))  # type: ignore[arg-type]
    _, typed = spawn("typing", str(db), *WORDS)
    latencies = [float(x) for x in typed["latencies_ms"]]  # type: ignore[union-attr]

    empty_median = statistics.median(empty)
    start_median = statistics.median(kamdesk)
    rows = [
        ("store", f"{db.name}, {db.stat().st_size / 2**20:.0f} MB", ""),
        ("empty PySide6 window, start (median)", f"{empty_median * 1000:.0f} ms", ""),
        ("load average (1 min) before / after", f"{load_before} / {os.getloadavg()[0]:.1f}", ""),
        (
            "KAMdesk, start to the first page of clients painted (median)",
            f"{start_median * 1000:.0f} ms",
            "≤ 2000 ms",
        ),
        ("KAMdesk / empty window", f"{start_median / empty_median:.2f}×", "≤ 1.5×"),
        (
            "KAMdesk, start to the whole window in its place (median)",
            f"{statistics.median(windows) * 1000:.0f} ms",
            "",
        ),
        ("whole window / empty window", f"{statistics.median(windows) / empty_median:.2f}×", ""),
        ("keystrokes timed", str(len(latencies)), ""),
        ("keystroke to list updated, median", f"{statistics.median(latencies):.0f} ms", ""),
        (
            "keystroke to list updated, 95th percentile",
            f"{statistics.quantiles(latencies, n=20)[-1]:.0f} ms",
            "",
        ),
        ("keystroke to list updated, worst", f"{max(latencies):.0f} ms", "≤ 100 ms"),
        ("memory after start (max RSS, median)", f"{statistics.median(kamdesk_rss):.0f} MB", ""),
        (
            "memory after typing (max RSS)",
            f"{float(typed['rss_mb']):.0f} MB",  # type: ignore[arg-type]
            "≤ 400 MB",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':>22}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>22}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
