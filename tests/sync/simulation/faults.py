"""Faults between a laptop and the office: an httpx transport wrapped around the office
app (Starlette's TestClient transport), and the office's push killed before commit.

Each laptop has its own `FaultyTransport`. Before a sync the scheduler arms at most one
`Fault` at one request of that sync (`arm`); every other request passes. A request may
also be held back ("late") and reach the office later, after newer requests: a
reordered, replayed old batch.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import httpx


class Fault(StrEnum):
    REQUEST_LOST = "request_lost"  # never reaches the office
    RESPONSE_LOST = "response_lost"  # applied on the office, the laptop never hears
    DUPLICATED = "duplicated"  # the office gets the request twice
    LATE = "late"  # held back, reaches the office later (after newer requests)
    REPLAY_OLD = "replay_old"  # an old push of this laptop arrives again first
    UNAVAILABLE = "unavailable"  # 503 before the office did anything
    ERROR_AFTER = "error_after"  # the office did the work, then a 500 on the way back
    KILL_BEFORE = "kill_before"  # the laptop dies before sending (nothing committed)
    KILL_AFTER = "kill_after"  # the laptop dies after the office answered, before its commit
    OFFICE_KILLED = "office_killed"  # the office's push raises before its commit


class LaptopKilled(Exception):
    """The laptop process died here: the SyncClient is abandoned mid-way."""


class OfficeKilled(Exception):
    """The office process died inside a push transaction, before its commit."""


@dataclass
class OfficeSwitch:
    """Armed by a transport around one push: that push's transaction raises before commit."""

    armed: bool = False
    killed: int = 0


@dataclass
class Held:
    """A request held back on the way; `owner` names the laptop that sent it."""

    owner: str
    request: httpx.Request


@dataclass
class Network:
    """What every laptop's transport shares: the office, late requests, counters."""

    inner: httpx.BaseTransport
    office: OfficeSwitch
    held: list[Held] = field(default_factory=list)
    injected: dict[str, int] = field(default_factory=dict)
    unexpected: list[str] = field(default_factory=list)  # 5xx the office gave by itself

    def count(self, fault: Fault) -> None:
        self.injected[fault.value] = self.injected.get(fault.value, 0) + 1

    def forward(self, request: httpx.Request, *, expected_failure: bool = False) -> httpx.Response:
        response = self.inner.handle_request(_copy(request))
        response.read()
        if response.status_code >= 500 and not expected_failure:
            self.unexpected.append(
                f"{request.method} {request.url.path}: {response.status_code} {response.text[:300]}"
            )
        return response

    def deliver_held(self, how_many: int | None = None) -> int:
        """Let held-back requests reach the office now (their answers go nowhere)."""
        taken = self.held[: how_many if how_many is not None else len(self.held)]
        del self.held[: len(taken)]
        for held in taken:
            self.forward(held.request)
        return len(taken)


def _copy(request: httpx.Request) -> httpx.Request:
    return httpx.Request(
        request.method, request.url, headers=request.headers, content=request.content
    )


class FaultyTransport(httpx.BaseTransport):
    """One laptop's way to the office."""

    def __init__(self, network: Network, owner: str) -> None:
        self.network = network
        self.owner = owner
        self.offline = False
        self.fault: Fault | None = None
        self.fault_at = 0  # the index (from 0) of the request of this sync that fails
        self.seen = 0  # requests since `arm`
        self.pushes: list[httpx.Request] = []  # every push this laptop sent (for replays)
        self.replay_choice = 0

    def arm(self, fault: Fault | None, at: int = 0, replay_choice: int = 0) -> None:
        self.fault, self.fault_at, self.seen = fault, at, 0
        self.replay_choice = replay_choice

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        index = self.seen
        self.seen += 1
        if self.offline:
            raise httpx.ConnectError("[Errno 101] Network is unreachable (offline)")
        request.read()
        is_push = request.url.path.endswith("/push")
        if is_push:
            self.pushes.append(_copy(request))
        fault = self.fault if index == self.fault_at else None
        if fault is None:
            return self.network.forward(request)
        self.network.count(fault)
        match fault:
            case Fault.REQUEST_LOST:
                raise httpx.ConnectError("the request was lost on the way")
            case Fault.RESPONSE_LOST:
                self.network.forward(request)
                raise httpx.ReadTimeout("the answer was lost on the way")
            case Fault.DUPLICATED:
                self.network.forward(request)
                return self.network.forward(request)
            case Fault.LATE:
                self.network.held.append(Held(self.owner, _copy(request)))
                raise httpx.ReadTimeout("no answer yet (the request is still on its way)")
            case Fault.REPLAY_OLD:
                older = self.pushes[:-1] if is_push else self.pushes
                if older:
                    self.network.forward(older[self.replay_choice % len(older)])
                return self.network.forward(request)
            case Fault.UNAVAILABLE:
                return httpx.Response(
                    503,
                    json={"error": "unavailable", "detail": "injected"},
                    headers={"Retry-After": "5"},
                )
            case Fault.ERROR_AFTER:
                self.network.forward(request)
                return httpx.Response(500, json={"error": "internal", "detail": "injected"})
            case Fault.KILL_BEFORE:
                raise LaptopKilled("killed before sending")
            case Fault.KILL_AFTER:
                self.network.forward(request)
                raise LaptopKilled("killed after the office answered")
            case Fault.OFFICE_KILLED:
                if not is_push:
                    return self.network.forward(request)
                with self.office_killed():
                    return self.network.forward(request, expected_failure=True)
        raise AssertionError(fault)  # pragma: no cover

    @contextlib.contextmanager
    def office_killed(self) -> Iterator[None]:
        self.network.office.armed = True
        try:
            yield
        finally:
            self.network.office.armed = False


def killing_apply_push(real: Any, switch: OfficeSwitch) -> Any:
    """kamdesk.server.sync_routes.apply_push, which dies after doing its work and before
    the route's transaction commits when `switch` is armed."""

    def apply_push(connection: Any, caller: Any, request: Any, now: Any = None) -> Any:
        answer = real(connection, caller, request, now)
        if switch.armed:
            switch.killed += 1
            raise OfficeKilled("the office died before committing this push")
        return answer

    return apply_push
