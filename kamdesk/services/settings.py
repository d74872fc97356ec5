"""Settings of the domain (thresholds a KAM or their company tunes), kept in the store."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Self

from sqlalchemy import select

from kamdesk.models import AppSetting, utcnow
from kamdesk.store import Store

ANALYTICS_KEY = "analytics"


@dataclass(frozen=True)
class AnalyticsSettings:
    """Field guide §2: ABC by cumulative share of sales, XYZ by coefficient of variation."""

    abc_a_share: float = 0.80  # A: the largest buyers up to 80 % of the volume
    abc_b_share: float = 0.95  # B: the next 15 %; C: the rest
    xyz_x_max_cv: float = 0.10  # X: stable, CV ≤ 10 %
    xyz_y_max_cv: float = 0.25  # Y: fluctuating, CV ≤ 25 %; Z: irregular
    analysis_months: int = 12
    at_risk_days: int = 60  # no purchase for this long: at risk
    lost_days: int = 120  # no purchase for this long: lost
    mono_dependence_share: float = 0.75  # one client above this share is dangerous

    def validate(self) -> None:
        if not 0 < self.abc_a_share < self.abc_b_share < 1:
            raise ValueError("ABC thresholds must satisfy 0 < A < B < 1")
        if not 0 < self.xyz_x_max_cv < self.xyz_y_max_cv:
            raise ValueError("XYZ thresholds must satisfy 0 < X < Y")
        if not 0 < self.at_risk_days < self.lost_days:
            raise ValueError("at-risk days must be positive and fewer than lost days")
        if self.analysis_months < 3:
            raise ValueError("the analysis needs at least 3 months")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def get_setting(store: Store, key: str, default: Any = None) -> Any:
    with store.session() as session:
        row = session.scalar(select(AppSetting).where(AppSetting.key == key))
        return default if row is None else row.value


def set_setting(store: Store, key: str, value: Any) -> None:
    with store.transaction() as session:
        row = session.get(AppSetting, key)
        if row is None:
            session.add(AppSetting(key=key, value=value, updated_at=utcnow()))
        else:
            row.value = value
            row.updated_at = utcnow()


def load_analytics(store: Store) -> AnalyticsSettings:
    return AnalyticsSettings.from_dict(get_setting(store, ANALYTICS_KEY, {}) or {})


def save_analytics(store: Store, settings: AnalyticsSettings) -> None:
    settings.validate()
    set_setting(store, ANALYTICS_KEY, asdict(settings))


BACKUPS_KEY = "backups"
DEFAULT_BACKUPS_KEPT = 7  # the automatic daily backups: a week
MAX_BACKUPS_KEPT = 365


def load_backups_kept(store: Store) -> int:
    """How many backups of this store are kept (the newest; older ones are deleted)."""
    value = (get_setting(store, BACKUPS_KEY, {}) or {}).get("keep", DEFAULT_BACKUPS_KEPT)
    try:
        return min(max(int(value), 1), MAX_BACKUPS_KEPT)
    except (TypeError, ValueError):
        return DEFAULT_BACKUPS_KEPT


def save_backups_kept(store: Store, keep: int) -> None:
    if not 1 <= keep <= MAX_BACKUPS_KEPT:
        raise ValueError(f"keep between 1 and {MAX_BACKUPS_KEPT} backups")
    set_setting(store, BACKUPS_KEY, {"keep": keep})
