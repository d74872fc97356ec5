"""The manager's «Команда»: the team's submitted visit reports, read-only, and the
manager export of one KAM's period (shown on a laptop enrolled as manager only)."""

from kamdesk.ui.team.page import TeamPage

__all__ = ["TeamPage"]
