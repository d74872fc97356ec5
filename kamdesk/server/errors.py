"""The office server's two kinds of trouble.

`ApiError`: what an HTTP route answers instead of its result, rendered as
`protocol.ErrorBody` (`error` for programs, `detail` in Russian for people) by the
handlers `kamdesk.server.app` installs. `OfficeError`: what an administrator's
command (init, user add, grant…) refuses: a template marked for `pyside6-lupdate`
(context "OfficeError") and its parameters, which the command line translates into
the run's language (`kamdesk.commands.language.say`); `str()` gives the English line.
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


OFFICE_ERROR = "OfficeError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    # lupdate knows the marker by its name; a plain one keeps the office free of
    # kamdesk.i18n and Qt.
    return text


class OfficeError(Exception):
    """A refusal an administrator can act on (a missing database, an unknown login…).

    `text` is a literal marked with `QT_TRANSLATE_NOOP("OfficeError", …)`; the values
    go in `params`, so the translated template gets them too."""

    context = OFFICE_ERROR

    def __init__(self, text: str, /, **params: object) -> None:
        self.text = text
        self.params = params
        super().__init__(self.format())

    def format(self, template: str | None = None) -> str:
        """The refusal with its parameters, from a translated `template` if given."""
        # A text without parameters is not a template: a brace in it is the reader's.
        chosen = template or self.text
        return chosen.format(**self.params) if self.params else chosen
