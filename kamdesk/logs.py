"""The log file: every error, warning and notable event of the window and the CLI.

`logging_to_file()` attaches one rotating file handler, `<data folder>/logs/kamdesk.log`
(a few MB, a few old copies kept), to the root logger for as long as the command or
the window runs. Error dialogs name this file, so a KAM can send it to support.

KAMdesk's own loggers (`kamdesk.*`) log from INFO; everything else only from WARNING:
SQLAlchemy logs every statement at INFO once a parent logger allows it.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kamdesk import __version__
from kamdesk.paths import data_dir

LOG_FILE_NAME = "kamdesk.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 4  # kamdesk.log.1 … .4: about 10 MB in all
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


def log_dir() -> Path:
    return data_dir() / "logs"


def log_path() -> Path:
    """Where the log is written (whether or not it exists yet)."""
    return log_dir() / LOG_FILE_NAME


class _KamdeskFileHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler as ours, so setting up twice does not log every line twice."""


def installed_handler() -> logging.Handler | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _KamdeskFileHandler):
            return handler
    return None


def setup_logging() -> logging.Handler | None:
    """Log to the file from now on; returns the handler, or None when the data folder
    cannot be written (then errors still reach stderr and the dialogs)."""
    existing = installed_handler()
    if existing is not None:
        return existing
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _KamdeskFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as error:
        print(f"kamdesk: cannot write the log {path}: {error}", file=sys.stderr)
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(FORMAT))
    logging.getLogger().addHandler(handler)
    kamdesk_logger = logging.getLogger("kamdesk")
    if kamdesk_logger.level == logging.NOTSET or kamdesk_logger.level > logging.INFO:
        kamdesk_logger.setLevel(logging.INFO)
    log.info("KAMdesk %s, Python %s, %s", __version__, sys.version.split()[0], sys.argv)
    return handler


def remove_handler(handler: logging.Handler) -> None:
    logging.getLogger().removeHandler(handler)
    handler.close()


@contextmanager
def logging_to_file() -> Iterator[Path | None]:
    """Log to the file inside the block; yields the file's path (None if not writable).
    A handler installed by an outer block is kept and left in place."""
    had_one = installed_handler() is not None
    kamdesk_logger = logging.getLogger("kamdesk")
    level = kamdesk_logger.level
    handler = setup_logging()
    try:
        yield log_path() if handler is not None else None
    finally:
        if handler is not None and not had_one:
            remove_handler(handler)
            kamdesk_logger.setLevel(level)
