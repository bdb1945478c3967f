"""Helpers for the notification tests."""
from assessor.notifications.kinds import kinds_for


def every_choice(user, chosen: dict[str, str]) -> dict[str, str]:
    """A choice for every kind open to the person: `chosen` where it names the kind, else the kind's default."""
    return {kind.name: kind.default for kind in kinds_for(user)} | chosen
