"""Row lookups that several areas of the store share: a démarche's workshops, who was there,
participants' codes and records. Plain functions over rows; the parts stay in their areas."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import cast

from peewee import JOIN, fn

from vitalite_tui.db.models import Attendance, Participant, Workshop
from vitalite_tui.domain.colleges import College, CollegeCounts
from vitalite_tui.domain.text import name_key
from vitalite_tui.domain.workshops import MAX_SESSIONS, WORKSHOP_NUMBERS, session_label
from vitalite_tui.errors import NotFound
from vitalite_tui.store.base import demarche_row, live


def workshop_row(demarche_id: str, number: int, session: int = 1) -> Workshop:
    """One evening of a démarche: workshop 1–4, its planned evening (session 1, created on
    first use) or an extra one added by `Workshops.add_evening` (`NotFound` in French
    otherwise). The session is always part of the lookup: with an extra evening stored, the
    workshop's number alone no longer names one row."""
    if number not in WORKSHOP_NUMBERS:
        raise NotFound(f"Atelier {number} inconnu (1 à 4).")
    if not 1 <= session <= MAX_SESSIONS:
        raise NotFound(f"Séance {session} inconnue (1 à {MAX_SESSIONS}).")
    demarche = demarche_row(demarche_id)
    row = Workshop.get_or_none(
        (Workshop.demarche == demarche)
        & (Workshop.number == number)
        & (Workshop.session == session)
    )
    if row is not None:
        return row
    if session != 1:
        label = session_label(number, session).lower()
        raise NotFound(f"L'{label} n'a pas été ajouté à cette démarche.")
    return Workshop.create(demarche=demarche, number=number)


def evening_rows(demarche_id: str, number: int | None = None) -> list[Workshop]:
    """The démarche's stored evenings (of one workshop when `number` is given), in the
    method's order: workshop, then session."""
    condition = Workshop.demarche == demarche_row(demarche_id)
    if number is not None:
        condition = condition & (Workshop.number == number)
    return list(Workshop.select().where(condition).order_by(Workshop.number, Workshop.session))


def evening_ids(demarche_id: str, number: int, session: int | None = 1) -> list[uuid.UUID]:
    """The ids of one evening's row, or with `session` None of all the workshop's evenings
    (what a workshop's contents gather: the debrief files the notes of Atelier 1 bis too)."""
    if session is not None:
        return [workshop_row(demarche_id, number, session).id]
    workshop_row(demarche_id, number)  # the planned evening exists, even with no note yet
    return [row.id for row in evening_rows(demarche_id, number)]


def participant_of(workshop: Workshop, participant_id: str) -> Participant:
    """A live participant of the workshop's démarche."""
    row = live(Participant, participant_id, "Participant")
    if row.demarche_id != workshop.demarche_id:
        raise NotFound("Ce participant n'appartient pas à cette démarche.")
    return row


def in_name_order(people: Iterable[Participant]) -> list[Participant]:
    """People in French name order (« Émilie » before « Fatou », not after « Zoé »): sorted
    here, not by SQLite, whose LOWER() and ordering know nothing of accents."""
    return sorted(people, key=lambda person: (name_key(person.display_name), person.number))


def present_participants(workshop: Workshop) -> list[Participant]:
    """Live participants ticked present at the workshop, in name order."""
    return in_name_order(
        Participant.select()
        .join(Attendance, on=(Attendance.participant == Participant.id))
        .where(
            (Attendance.workshop == workshop)
            & Attendance.deleted_at.is_null()
            & Participant.deleted_at.is_null()
        )
    )


def present_counts(workshop: Workshop) -> CollegeCounts:
    rows = (
        Participant.select(Participant.college, fn.COUNT(Participant.id).alias("n"))
        .join(Attendance, JOIN.INNER, on=(Attendance.participant == Participant.id))
        .where(
            (Attendance.workshop == workshop)
            & Attendance.deleted_at.is_null()
            & Participant.deleted_at.is_null()
        )
        .group_by(Participant.college)
        .tuples()
    )
    pairs = cast("list[tuple[str, int]]", list(rows))
    return CollegeCounts.from_mapping({College(c): int(n) for c, n in pairs})
