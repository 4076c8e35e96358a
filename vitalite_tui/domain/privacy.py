"""Personal data, pure: the smallest group shown apart, how a signatory is shown, how long
data is kept."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from datetime import date, timedelta
from typing import TypeVar

#: Below this many people a group (a segment of the barometer, a commune within a collège)
#: is never shown apart: one respondent's answers, or one « habitant of Caunes », would be
#: read back to a person. Every screen and export asks here.
MIN_GROUP_SIZE = 5

#: How long personal data is kept after the démarche ends (its last workshop), unless the
#: EPCI sets another date: a year leaves time for the restitution and the follow-up.
RETENTION_DAYS = 365

#: The label of the segments merged because each is too small to be shown apart.
OTHERS = "autres"

K = TypeVar("K", bound=Hashable)


def large_enough(count: int) -> bool:
    """Whether a group of `count` people may be shown apart."""
    return count >= MIN_GROUP_SIZE


def shown_groups(keys: Iterable[K]) -> set[K]:
    """The groups (one key per person) that hold at least `MIN_GROUP_SIZE` people."""
    counts = Counter(keys)
    return {group for group, count in counts.items() if large_enough(count)}


def retention_default(last_workshop: date | None, created: date) -> date:
    """The day personal data should be purged: the démarche's end plus `RETENTION_DAYS`."""
    return (last_workshop or created) + timedelta(days=RETENTION_DAYS)


def retention_period() -> str:
    """The period of `RETENTION_DAYS` as people say it."""
    return "un an" if RETENTION_DAYS == 365 else f"{RETENTION_DAYS} jours"


def retention_passed(until: date | None, today: date) -> bool:
    return until is not None and today > until


def public_signatory(
    name: str, organisation: str, commune: str, *, named: bool, for_structure: bool
) -> tuple[str, str]:
    """(name, structure) as a public document shows a signatory.

    Named only with their consent; otherwise the structure they sign for, when they sign
    for one, else « un·e habitant·e de <commune> »: the signature counts, the person stays
    unnamed.
    """
    if named:
        return name, organisation
    if for_structure and organisation:
        return organisation, ""
    if commune:
        return f"un·e habitant·e de {commune}", ""
    return "un·e habitant·e du territoire", ""
