"""The four evening workshops: their titles, usual timetable and preparation checklist."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import time

WORKSHOP_NUMBERS: tuple[int, ...] = (1, 2, 3, 4)

WORKSHOP_TITLES: dict[int, str] = {
    1: "Le baromètre de la vitalité sociale et les images associées",
    2: "Les tendances, les risques et les opportunités pour l'avenir",
    3: "Le scénario de la vitalité sociale",
    4: "Restitution des travaux et charte de la vitalité sociale",
}

#: The usual evening slot of the method (18:30–21:00).
DEFAULT_START = time(18, 30)
DEFAULT_END = time(21, 0)


def workshop_step(number: int) -> int:
    """The step (4–7) a workshop (1–4) belongs to."""
    if number not in WORKSHOP_NUMBERS:
        raise ValueError(f"workshop number out of range: {number}")
    return number + 3


# ---------------------------------------------------------------- extra evenings
# An extra or make-up evening repeats one of the four workshops with its own date, attendance
# and sub-groups: it is that workshop's session 2, 3… (session 1 is the planned evening) and
# belongs to the same step. Storing it needs a `session` column on Workshop (a migration,
# not made yet): these rules come first so the store and screens can follow them.

#: Sessions a workshop may have: the planned evening and up to two extra ones.
MAX_SESSIONS = 3

_SESSION_SUFFIXES = {1: "", 2: " bis", 3: " ter"}

#: One evening: (workshop number 1–4, session 1–3).
Evening = tuple[int, int]


def check_session(number: int, session: int) -> Evening:
    """The evening as given; ValueError outside workshops 1–4 and sessions 1–MAX_SESSIONS."""
    workshop_step(number)
    if not 1 <= session <= MAX_SESSIONS:
        raise ValueError(f"session out of range: {session}")
    return number, session


def session_label(number: int, session: int = 1) -> str:
    """« Atelier 2 », and « Atelier 2 bis », « Atelier 2 ter » for its extra evenings."""
    check_session(number, session)
    return f"Atelier {number}{_SESSION_SUFFIXES[session]}"


def previous_evening(evening: Evening, held: Collection[Evening]) -> Evening | None:
    """The evening held just before `evening`: what « same attendance as last time » copies
    and the recap opens on. Evenings follow the method's order (workshop, then session),
    whatever their dates; None for the first one."""
    check_session(*evening)
    earlier = [check_session(*other) for other in held if other < evening]
    return max(earlier) if earlier else None


@dataclass(frozen=True)
class AgendaItem:
    """One timed sequence of a workshop evening."""

    label: str
    minutes: int
    plenary: bool


#: The method's evening, 150 minutes from 18:30 to 21:00 (workshops 2–4: see `default_agenda`).
DEFAULT_AGENDA: tuple[AgendaItem, ...] = (
    AgendaItem("Accueil et rappel de l'atelier précédent", 15, plenary=True),
    AgendaItem("Présentation de la séquence", 10, plenary=True),
    AgendaItem("Travaux en sous-groupes (tours d'expression)", 60, plenary=False),
    AgendaItem("Pause dînatoire", 30, plenary=True),
    AgendaItem("Restitution en plénière", 30, plenary=True),
    AgendaItem("Clôture et suite de la démarche", 5, plenary=True),
)

#: The first evening has no previous workshop to recall: its welcome presents the démarche.
FIRST_WELCOME = AgendaItem("Accueil et présentation de la démarche", 15, plenary=True)


def default_agenda(number: int) -> tuple[AgendaItem, ...]:
    """The method's evening for workshop `number` (1–4), same timing for all four."""
    workshop_step(number)  # refuses a number outside 1–4
    if number == 1:
        return (FIRST_WELCOME, *DEFAULT_AGENDA[1:])
    return DEFAULT_AGENDA


#: What the steering committee usually ticks off before each evening.
DEFAULT_LOGISTICS: tuple[str, ...] = (
    "Salle réservée pour les quatre ateliers",
    "Vidéoprojecteur et écran",
    "Rallonges et multiprises",
    "Feuilles murales (paperboards) et feutres",
    "Gommettes pour le vote (atelier 3)",
    "Jeu d'images (photolangage) pour l'atelier 1",
    "Pause dînatoire commandée",
    "Invitations envoyées aux élus",
    "Invitations envoyées aux acteurs locaux",
    "Habitants recrutés lors du questionnaire",
    "Questionnaires imprimés",
    "Ordinateur portable chargé et sauvegarde sur clé USB",
)
