"""The roles a committee member can hold at a workshop evening, and their French labels."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from vitalite_tui.domain.workshops import WORKSHOP_NUMBERS


class WorkshopRole(str, Enum):
    """One role at one workshop; the value is what the base and the bundles keep."""

    ANIMATEUR = "animateur"
    CO_ANIMATEUR = "co-animateur"
    NOTES = "notes"
    TIMEKEEPER = "temps"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def short(self) -> str:
        """A few letters, for a list at 80 columns."""
        return SHORT_LABELS[self]


ROLE_LABELS: Mapping[WorkshopRole, str] = {
    WorkshopRole.ANIMATEUR: "animateur",
    WorkshopRole.CO_ANIMATEUR: "co-animateur",
    WorkshopRole.NOTES: "prise de notes",
    WorkshopRole.TIMEKEEPER: "gardien du temps",
}

SHORT_LABELS: Mapping[WorkshopRole, str] = {
    WorkshopRole.ANIMATEUR: "anim.",
    WorkshopRole.CO_ANIMATEUR: "co-anim.",
    WorkshopRole.NOTES: "notes",
    WorkshopRole.TIMEKEEPER: "temps",
}

#: A member's roles: the workshop's number (1–4) to its role; a workshop left out: none.
WorkshopRoles = dict[int, WorkshopRole]


def roles_from_data(data: object) -> WorkshopRoles:
    """The roles as the base keeps them ({"1": "animateur"}); anything unknown is left out.

    A bundle from a later version may hold a role this one does not know: it is not
    shown rather than refused (the row itself keeps it until it is edited here).
    """
    roles: WorkshopRoles = {}
    if not isinstance(data, Mapping):
        return roles
    for number, value in data.items():
        if str(number).isdigit() and int(number) in WORKSHOP_NUMBERS:
            try:
                roles[int(number)] = WorkshopRole(str(value))
            except ValueError:
                continue
    return dict(sorted(roles.items()))


def roles_to_data(roles: Mapping[int, WorkshopRole]) -> dict[str, str]:
    """The form the base keeps: {"1": "animateur"}, workshops in order."""
    return {str(number): roles[number].value for number in sorted(roles)}


def roles_summary(roles: Mapping[int, WorkshopRole]) -> str:
    """« anim. 1, 2 · notes 3 »: each role and its workshops, short enough for a list."""
    parts = []
    for role in WorkshopRole:
        numbers = [str(number) for number in sorted(roles) if roles[number] is role]
        if numbers:
            parts.append(f"{role.short} {', '.join(numbers)}")
    return " · ".join(parts)
