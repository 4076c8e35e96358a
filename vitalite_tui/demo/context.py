"""What every part of the demo shares: its sizes, the context being filled, French helpers."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from vitalite_tui.domain.colleges import College

if TYPE_CHECKING:
    from vitalite_tui.store import Store
    from vitalite_tui.store.preparation.records import ParticipantRecord

DemoSize = Literal["small", "large"]
DEMO_SIZES: tuple[DemoSize, ...] = get_args(DemoSize)

#: The seed of every demo: the same people, in the same order, each time.
SEED = 2026


@dataclass(frozen=True)
class WorkshopSpec:
    """One workshop already held: who came, how much was said, in how many rounds."""

    present: int
    #: Of those present, how many come for the first time (workshops 2–4).
    newcomers: int
    #: Live notes of the whole workshop, shared evenly between sub-groups and rounds.
    notes: int
    #: Rounds of each sub-group (its length is the number of sub-groups).
    rounds: tuple[int, ...]


@dataclass(frozen=True)
class DemoSpec:
    """How big a demo is: people per collège, workshops held (later: sheets, votes…)."""

    colleges: dict[College, int]
    #: The workshops already held, from workshop 1 on.
    workshops: tuple[WorkshopSpec, ...] = ()
    #: Questionnaire sheets collected before workshop 1.
    sheets: int = 0
    #: Intentions written at workshop 2's debrief: one per intention note said, up to this
    #: many; None for three per trend, worded from what each sub-group said (small demo).
    intentions: int | None = None
    #: How many times the size's notes, sheets and intentions (benchmarks at ten times).
    scale: int = 1

    @property
    def participants(self) -> int:
        return sum(self.colleges.values())


SPECS: dict[DemoSize, DemoSpec] = {
    # The four workshops are held, so the whole démarche can be walked through (felt
    # barometer, axes, trends, intentions, the vote, action sheets, the charter) and exported.
    "small": DemoSpec(
        {College.ELU: 15, College.ACTEUR: 15, College.HABITANT: 15},
        workshops=(
            WorkshopSpec(present=38, newcomers=0, notes=280, rounds=(2, 2, 2, 2)),
            WorkshopSpec(present=36, newcomers=2, notes=120, rounds=(2, 2, 1, 1)),
            WorkshopSpec(present=34, newcomers=1, notes=60, rounds=(1, 1, 1, 1)),
            WorkshopSpec(present=40, newcomers=3, notes=40, rounds=(1, 1, 1, 1)),
        ),
        sheets=80,
    ),
    # The size the benchmarks use (DESIGN.md, quality bars): the 50-person cap, the four
    # workshops held, 2,000 notes.
    "large": DemoSpec(
        {College.ELU: 17, College.ACTEUR: 17, College.HABITANT: 16},
        workshops=(
            WorkshopSpec(present=42, newcomers=0, notes=500, rounds=(3, 2, 3, 2)),
            WorkshopSpec(present=44, newcomers=3, notes=500, rounds=(2, 3, 3, 2)),
            WorkshopSpec(present=43, newcomers=3, notes=500, rounds=(3, 3, 2, 2)),
            WorkshopSpec(present=46, newcomers=2, notes=500, rounds=(2, 3, 2, 3)),
        ),
        sheets=300,
        intentions=150,
    ),
}


@dataclass(frozen=True)
class Person:
    """A made-up participant before insertion."""

    name: str
    gender: str  # "f" or "m", to agree role titles
    college: College
    commune: str
    organisation: str = ""


@dataclass
class DemoContext:
    """What the fill functions share while the demo is being written."""

    store: Store
    demarche_id: str
    spec: DemoSpec
    rng: random.Random
    #: The made-up people per collège, and their row ids; set by `fill_participants`.
    people: dict[College, list[Person]] = field(default_factory=dict)
    participant_ids: dict[Person, uuid.UUID] = field(default_factory=dict)

    @property
    def demarche(self) -> uuid.UUID:
        return uuid.UUID(self.demarche_id)


def scaled(spec: DemoSpec, scale: int) -> DemoSpec:
    """`spec` with `scale` times its notes, sheets and intentions (the same people)."""
    if scale == 1:
        return spec
    return replace(
        spec,
        workshops=tuple(replace(w, notes=w.notes * scale) for w in spec.workshops),
        sheets=spec.sheets * scale,
        intentions=spec.intentions * scale if spec.intentions is not None else None,
        scale=scale,
    )


def registry_number(person: ParticipantRecord) -> int:
    """The registry number behind a participant's code (P007: 7), to list in sign-up order."""
    return int(person.code.removeprefix("P"))


def agree(gender: str, titles: tuple[str, str]) -> str:
    """The feminine or masculine form of a title given as (feminine, masculine)."""
    return titles[0] if gender == "f" else titles[1]


def of_commune(commune: str) -> str:
    """« de Fontclaire », « du Mas-d'Aiguilhe », « des Issarts »: French contracts de + article."""
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if commune.startswith(article):
            return contracted + commune[len(article) :]
    return f"de {commune}"


def at_commune(commune: str) -> str:
    """« à Fontclaire », « au Mas-d'Aiguilhe », « aux Issarts »: French contracts à + article."""
    for article, contracted in (("Le ", "au "), ("Les ", "aux ")):
        if commune.startswith(article):
            return contracted + commune[len(article) :]
    return f"à {commune}"


def _paris() -> tzinfo | None:
    """Paris time, when the tz database is there (Windows without `tzdata` lacks it)."""
    try:
        return ZoneInfo("Europe/Paris")
    except (ZoneInfoNotFoundError, ValueError):
        return None


PARIS = _paris()


def last_sunday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def paris_to_utc(day: date, clock: time, zone: tzinfo | None = PARIS) -> datetime:
    """Naive UTC of a Paris wall-clock time (the database keeps naive UTC).

    Without a tz database, the EU rule: summer time (UTC+2) from the last Sunday of March
    to the last Sunday of October, winter time (UTC+1) otherwise; exact for evenings.
    """
    local = datetime.combine(day, clock)
    offset = local.replace(tzinfo=zone).utcoffset() if zone is not None else None
    if offset is None:
        summer = last_sunday(day.year, 3) <= day < last_sunday(day.year, 10)
        offset = timedelta(hours=2 if summer else 1)
    return local - offset
