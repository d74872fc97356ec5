"""Which laptops this office accepts: protocol versions and laptop schema versions.

A laptop outside them is told to update (426) and keeps its outbox.
"""

from __future__ import annotations

from kamdesk.schema_version import SCHEMA_HEAD
from kamdesk.server.errors import ApiError
from kamdesk.sync.protocol import PROTOCOL_VERSION

PROTOCOLS: tuple[int, ...] = (PROTOCOL_VERSION,)
# 0006 added an account kind (insurance_fund) that a laptop of 0005 or older cannot store,
# so older laptops are told to update (they keep their outbox). Before that, 0003–0005 were
# accepted together: 0004 added a table old laptops ignored, 0005 changed local storage only.
# 0007 changed local storage only (the client list's name order): 0006 and 0007 together.
SCHEMA_VERSIONS: tuple[str, ...] = ("0006", SCHEMA_HEAD)


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
