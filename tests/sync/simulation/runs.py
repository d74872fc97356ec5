"""How the seeded simulation (world.py) is run by its test modules, and the settings.

The SQLite seeds are split over two modules (test_simulation_sqlite_first.py and
test_simulation_sqlite_second.py, half of the seeds each): `--dist loadfile` keeps a
module on one worker, so the two xdist workers run a half each, side by side.

Environment:
- KAMDESK_SIM_SEEDS (default 8) seeds of KAMDESK_SIM_STEPS (default 2500) steps each on
  SQLite, from KAMDESK_SIM_FIRST_SEED (default 1), run by KAMDESK_SIM_WORKERS processes
  per module (default: 1 under pytest-xdist, whose workers already share the cores;
  else the number of cores, at most 2); KAMDESK_SIM_PG_STEPS (default 600) steps of one
  seed on PostgreSQL (test_simulation.py).
- KAMDESK_SIM_SEED=N replays one seed (`-k replay`), KAMDESK_SIM_DB=postgresql on
  PostgreSQL.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tests.sync.simulation.world import Outcome, run_seed

SEEDS = int(os.environ.get("KAMDESK_SIM_SEEDS", "8"))
# 8 x 2500: the 20 000 steps every CI run walks (issue 10). A step costs about 19 ms of
# CPU whatever the seed's length, so more seeds of fewer steps would not be cheaper.
STEPS = int(os.environ.get("KAMDESK_SIM_STEPS", "2500"))
FIRST_SEED = int(os.environ.get("KAMDESK_SIM_FIRST_SEED", "1"))
_DEFAULT_WORKERS = 1 if "PYTEST_XDIST_WORKER" in os.environ else min(2, os.cpu_count() or 1)
WORKERS = int(os.environ.get("KAMDESK_SIM_WORKERS", str(_DEFAULT_WORKERS)))
PG_STEPS = int(os.environ.get("KAMDESK_SIM_PG_STEPS", "600"))
PG_SEED = 1000

_HALF = FIRST_SEED + (SEEDS + 1) // 2
FIRST_HALF = range(FIRST_SEED, _HALF)
SECOND_HALF = range(_HALF, FIRST_SEED + SEEDS)


def _sqlite_seed(seed: int, steps: int, folder: str, template: str) -> Outcome:
    root = Path(folder) / f"seed-{seed}"
    root.mkdir(parents=True)
    url = f"sqlite:///{root / 'office.sqlite'}"
    return run_seed(seed, steps, url, root, Path(template), "sqlite")


def report(outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        print(outcome.summary)
    total = sum(outcome.steps for outcome in outcomes)
    print(f"simulation: {total} steps over {len(outcomes)} seeds")
    failed = [outcome.failure for outcome in outcomes if outcome.failure]
    assert not failed, "\n\n".join(failed)


def run_sqlite_seeds(seeds: range, folder: Path, template: Path) -> list[Outcome]:
    """Each seed in a process of its own (forked: a crash or a leak stays in it)."""
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=max(1, WORKERS), mp_context=context) as pool:
        futures = [
            pool.submit(_sqlite_seed, seed, STEPS, str(folder), str(template)) for seed in seeds
        ]
        return [future.result() for future in futures]
