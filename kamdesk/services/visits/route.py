"""The shortest order to drive through a day's visits from a start point.

An open path (the day need not end where it began). Exact by trying every
order for up to EXACT_LIMIT stops (8! = 40 320 paths, a few tens of
milliseconds); beyond that nearest-neighbour then 2-opt, which is within a
few per cent of the optimum for the handful of visits a KAM makes in a day.
Distances are straight lines: the road factor multiplies all of them alike,
so it cannot change the order.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from kamdesk.services.visits.travel import Point, distance_km

EXACT_LIMIT = 8


def path_length(start: Point, points: Sequence[Point], order: Sequence[int]) -> float:
    total, here = 0.0, start
    for index in order:
        total += distance_km(here, points[index])
        here = points[index]
    return total


def shortest_order(start: Point, points: Sequence[Point]) -> list[int]:
    """Indexes of `points` in the order that makes the path from `start` shortest."""
    count = len(points)
    if count <= 1:
        return list(range(count))
    matrix = [[distance_km(a, b) for b in points] for a in points]
    from_start = [distance_km(start, p) for p in points]
    if count <= EXACT_LIMIT:
        return _exact(matrix, from_start)
    return _two_opt(_nearest_neighbour(matrix, from_start), matrix, from_start)


def _length(order: Sequence[int], matrix: list[list[float]], from_start: list[float]) -> float:
    total = from_start[order[0]]
    for a, b in itertools.pairwise(order):
        total += matrix[a][b]
    return total


def _exact(matrix: list[list[float]], from_start: list[float]) -> list[int]:
    best = min(
        itertools.permutations(range(len(from_start))),
        key=lambda order: _length(order, matrix, from_start),
    )
    return list(best)


def _nearest_neighbour(matrix: list[list[float]], from_start: list[float]) -> list[int]:
    remaining = set(range(len(from_start)))
    current = min(remaining, key=lambda i: from_start[i])
    order = [current]
    remaining.remove(current)
    while remaining:
        row = matrix[current]
        current = min(remaining, key=row.__getitem__)
        order.append(current)
        remaining.remove(current)
    return order


def _two_opt(order: list[int], matrix: list[list[float]], from_start: list[float]) -> list[int]:
    """Reverse segments while that shortens the path (the start stays fixed)."""
    best = order[:]
    best_length = _length(best, matrix, from_start)
    improved = True
    while improved:
        improved = False
        for i in range(len(best) - 1):
            for j in range(i + 1, len(best)):
                candidate = best[:i] + best[i : j + 1][::-1] + best[j + 1 :]
                length = _length(candidate, matrix, from_start)
                if length < best_length - 1e-9:
                    best, best_length, improved = candidate, length, True
    return best
