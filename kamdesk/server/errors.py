"""The office server's two kinds of trouble.

`ApiError`: what an HTTP route answers instead of its result, rendered as
`protocol.ErrorBody` (`error` for programs, `detail` in Russian for people) by the
handlers `kamdesk.server.app` installs. `OfficeError`: what an administrator's
command (init, user add, grant…) refuses, one line in English.
"""

from __future__ import annotations


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        error: str,
        detail: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {error}: {detail}")
        self.status = status
        self.error = error
        self.detail = detail
        self.headers = headers


class OfficeError(Exception):
    """A refusal an administrator can act on (a missing database, an unknown login…)."""
