"""Which laptops this office accepts: protocol versions and laptop schema versions.

A laptop outside them is told to update (426) and keeps its outbox.
"""

from __future__ import annotations

from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.server.errors import ApiError
from kamdesk.sync.protocol import PROTOCOL_VERSION

PROTOCOLS: tuple[int, ...] = (PROTOCOL_VERSION,)
# 0003 differs only by what 0004 added (office_settings): such a laptop ignores the rows it
# does not know and keeps syncing until it is updated. 0005 changed only how a laptop stores
# its sales rows (indexes, local times), nothing on the wire.
SCHEMA_VERSIONS: tuple[str, ...] = ("0003", "0004", SCHEMA_HEAD)


def check_versions(protocol: int, schema_version: str) -> None:
    """ApiError 426 when the laptop speaks a protocol or schema this office does not."""
    if protocol not in PROTOCOLS:
        raise ApiError(
            426,
            "protocol",
            f"Офис не понимает версию протокола {protocol} (принимает "
            f"{', '.join(map(str, PROTOCOLS))}). Обновите KAMdesk; неотправленное сохранено.",
        )
    if schema_version not in SCHEMA_VERSIONS:
        raise ApiError(
            426,
            "schema",
            f"Версия данных ноутбука {schema_version} не поддерживается офисом (принимает "
            f"{', '.join(SCHEMA_VERSIONS)}). Обновите KAMdesk или сервер офиса; "
            "неотправленное сохранено.",
        )
