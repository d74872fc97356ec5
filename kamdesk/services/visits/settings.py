"""The visit settings a KAM (or their company) tunes, stored under the key "visits"."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Self

from kamdesk.i18n import QT_TRANSLATE_NOOP, Message
from kamdesk.timezone import system_time_zone

if TYPE_CHECKING:
    from kamdesk.store import Store

VISITS_KEY = "visits"
CONTEXT = "Visits"


DEFAULT_TIME_ZONE = system_time_zone()


class VisitSettingsError(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class VisitSettings:
    # Travel: the road is the straight-line distance × road factor. Its first
    # `town_road_km` are driven at the town speed (streets, lights, parking), the rest
    # at the intercity speed, so a leg across town takes as long as it always did and
    # a leg to the next town (Тверь → Кимры, 85 km straight: 119 km of road) comes out
    # at about two hours, not four. The time never drops as the distance grows.
    road_factor: float = 1.4  # roads are rarely straight; 1.3–1.5 is usual
    town_speed_kmh: float = 30.0  # door to door in city traffic
    town_road_km: float = 15.0  # the part of any leg driven in town
    intercity_speed_kmh: float = 70.0  # on the road between towns (limit 90, trucks, villages)
    buffer_min: int = 15  # arrive this much before the start
    # A visit that ends this long before the next one starts is not the same trip:
    # the KAM went back to the office or home, so no leg joins them.
    same_trip_max_gap_min: int = 360
    # Where the day starts (office or home); None: the first leg of a day is unknown.
    home_latitude: float | None = None
    home_longitude: float | None = None
    reminder_before_departure_min: int = 15
    default_duration_min: int = 60
    # How often each ABC class should be visited, in days (field guide §2: the
    # ABC–XYZ matrix drives visit frequency). Unclassified accounts get no target.
    visit_every_days_a: int = 30
    visit_every_days_b: int = 91
    visit_every_days_c: int = 182
    # A next step agreed at a visit is due this many working days later unless the KAM
    # gives a date (5: a working week; holidays of the production calendar skipped).
    next_step_after_working_days: int = 5
    # The pre-meeting checklist.
    min_open_questions: int = 3
    dossier_threshold: int = 60  # completeness (0–100) needed before a visit
    birthday_window_days: int = 14
    past_reports_to_review: int = 3
    readiness_green_from: int = 80
    readiness_amber_from: int = 50

    def visit_every_days(self, abc_class: str | None) -> int | None:
        return {
            "A": self.visit_every_days_a,
            "B": self.visit_every_days_b,
            "C": self.visit_every_days_c,
        }.get((abc_class or "").upper())

    @property
    def home(self) -> tuple[float, float] | None:
        if self.home_latitude is None or self.home_longitude is None:
            return None
        return (self.home_latitude, self.home_longitude)

    def validate(self) -> None:
        def fail(text: str) -> None:
            raise VisitSettingsError(Message(CONTEXT, text))

        if not 1.0 <= self.road_factor <= 3.0:
            fail(QT_TRANSLATE_NOOP("Visits", "The road factor must be between 1.0 and 3.0"))
        if not 3 <= self.town_speed_kmh <= 150:
            fail(QT_TRANSLATE_NOOP("Visits", "The speed in town must be between 3 and 150 km/h"))
        if not 0 <= self.town_road_km <= 200:
            fail(QT_TRANSLATE_NOOP("Visits", "The distance in town must be between 0 and 200 km"))
        if not self.town_speed_kmh <= self.intercity_speed_kmh <= 150:
            fail(
                QT_TRANSLATE_NOOP(
                    "Visits",
                    "The speed between towns must be at least the speed in town and at most "
                    "150 km/h",
                )
            )
        if not 0 <= self.buffer_min <= 120:
            fail(QT_TRANSLATE_NOOP("Visits", "The buffer must be between 0 and 120 minutes"))
        if not 0 < self.same_trip_max_gap_min <= 24 * 60:
            fail(QT_TRANSLATE_NOOP("Visits", "The same-trip gap must be between 1 and 1440 min"))
        if (self.home_latitude is None) != (self.home_longitude is None):
            fail(QT_TRANSLATE_NOOP("Visits", "Give both the latitude and the longitude of home"))
        if self.home is not None and not (
            -90 <= self.home[0] <= 90 and -180 <= self.home[1] <= 180
        ):
            fail(QT_TRANSLATE_NOOP("Visits", "The home coordinates are out of range"))
        if not 0 <= self.reminder_before_departure_min <= 240:
            fail(QT_TRANSLATE_NOOP("Visits", "The reminder must be between 0 and 240 minutes"))
        if not 5 <= self.default_duration_min <= 600:
            fail(QT_TRANSLATE_NOOP("Visits", "The default duration must be 5 to 600 minutes"))
        if not (0 < self.visit_every_days_a <= self.visit_every_days_b <= self.visit_every_days_c):
            fail(
                QT_TRANSLATE_NOOP(
                    "Visits", "Visit frequencies must be positive and A ≤ B ≤ C in days"
                )
            )
        if not 1 <= self.next_step_after_working_days <= 60:
            fail(
                QT_TRANSLATE_NOOP(
                    "Visits", "A next step must be due 1 to 60 working days after the visit"
                )
            )
        if not 0 <= self.min_open_questions <= 20:
            fail(QT_TRANSLATE_NOOP("Visits", "Minimum open questions must be between 0 and 20"))
        if not 0 <= self.dossier_threshold <= 100:
            fail(QT_TRANSLATE_NOOP("Visits", "The dossier threshold must be between 0 and 100"))
        if not 0 <= self.birthday_window_days <= 60:
            fail(QT_TRANSLATE_NOOP("Visits", "The birthday window must be between 0 and 60 days"))
        if not 0 <= self.past_reports_to_review <= 20:
            fail(QT_TRANSLATE_NOOP("Visits", "Past reports to review must be between 0 and 20"))
        if not 0 < self.readiness_amber_from < self.readiness_green_from <= 100:
            fail(QT_TRANSLATE_NOOP("Visits", "Readiness thresholds must satisfy 0 < amber < green"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Unknown keys (from a newer or older version) are ignored, missing ones default."""
        known = {f.name for f in fields(cls)}
        data = dict(data)
        # Older versions had one speed for every leg, the one in town.
        if "average_speed_kmh" in data:
            data.setdefault("town_speed_kmh", data.pop("average_speed_kmh"))
        return cls(**{key: value for key, value in data.items() if key in known})


def load_visit_settings(store: Store) -> VisitSettings:
    from kamdesk.services.settings import get_setting

    settings = VisitSettings.from_dict(get_setting(store, VISITS_KEY, {}) or {})
    try:
        settings.validate()
    except VisitSettingsError:
        return VisitSettings()  # a damaged setting must not stop the calendar
    return settings


def save_visit_settings(store: Store, settings: VisitSettings) -> None:
    from kamdesk.services.settings import set_setting

    settings.validate()
    set_setting(store, VISITS_KEY, asdict(settings))
