"""The seeded simulation on SQLite, the second half of the seeds (runs.py says why it is
split and which environment variables set it). A failing seed is printed with the
command that replays it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.simulation.runs import SECOND_HALF, report, run_sqlite_seeds

pytestmark = pytest.mark.slow


def test_seeded_simulation_on_sqlite_second_half(scratch: Path, migrated_template: Path) -> None:
    report(run_sqlite_seeds(SECOND_HALF, scratch, migrated_template))
