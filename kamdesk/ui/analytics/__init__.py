"""The Analytics section (kamdesk.ui.analytics.page)."""

from kamdesk.ui.analytics.page import AnalyticsPage

__all__ = ["AnalyticsPage"]
