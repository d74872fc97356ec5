"""Rewrite the baseline migration from the models — only while no store has shipped.

Until the first release every schema change goes into revision 0001 itself;
after it, each change is a new Alembic revision and this script must not be used.
Usage: python scripts/regenerate_baseline.py
"""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSIONS = ROOT / "kamdesk" / "migrations" / "versions"
BASELINE = VERSIONS / "0001_baseline.py"


def main() -> int:
    with open(Path(tempfile.gettempdir()) / "kamdesk-baseline.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        header = BASELINE.read_text(encoding="utf-8").split("def upgrade() -> None:")[0]
        with tempfile.TemporaryDirectory() as scratch:
            aside = Path(scratch) / BASELINE.name
            BASELINE.rename(aside)
            try:
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "alembic",
                        "-c",
                        str(ROOT / "alembic.ini"),
                        "revision",
                        "--autogenerate",
                        "-m",
                        "regenerated",
                        "--rev-id",
                        "0001",
                    ],
                    cwd=scratch,
                    check=True,
                    env={**os.environ, "PYTHONPATH": str(ROOT)},
                )
                generated = next(VERSIONS.glob("*0001_regenerated.py"))
                body = generated.read_text(encoding="utf-8").split("def upgrade() -> None:", 1)[1]
                generated.unlink()
            except BaseException:
                aside.rename(BASELINE)
                raise
            body = body.replace("kamdesk.models.base.UTCDateTime()", "sa.DateTime()")
            body = body.replace("kamdesk.models.base.ScaledDecimal()", "sa.BigInteger()")
            body = re.sub(r"\n    # ### .*? ###", "", body)
            BASELINE.write_text(header + "def upgrade() -> None:" + body, encoding="utf-8")
            aside.unlink()
    print(f"rewrote {BASELINE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
