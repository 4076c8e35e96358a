"""What the Excel workbook reads: plain records of a whole démarche, in a few queries each.

The workbook never queries models itself; it calls these methods inside `reading()`, so that
every sheet shows the database as it was at one instant even while notes are being typed.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, NamedTuple, cast

from peewee import JOIN, fn

from vitalite_tui.db.models import (
    Attendance,
    Note,
    NoteRevision,
    Participant,
    Round,
    SubGroup,
    SubGroupMember,
    Turn,
    Workshop,
    db,
    execute,
)
from vitalite_tui.domain.colleges import College, CollegeCounts
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.domain.speaking import SpeakingEvent, SpeakingKind, Tally, speaking_balance
from vitalite_tui.domain.workshops import WORKSHOP_NUMBERS
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.base import demarche_row, raw_cursor
from vitalite_tui.store.preparation.participants import participant_record
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.store.questionnaire.barometer import Pool
from vitalite_tui.store.questionnaire.records import QuestionnaireExport
from vitalite_tui.store.questionnaire.responses import Responses
from vitalite_tui.store.reports.export_records import (
    ExportNoteRecord,
    PersonSpeaking,
    PresenceRecord,
    SpeakingRecord,
    SubGroupSpeaking,
)
from vitalite_tui.store.workshops.records import WorkshopRecord
from vitalite_tui.store.workshops.workshop import to_workshop_record


def check_workshop(number: int | None) -> int | None:
    """A workshop number to restrict an export to: 1–4 or None (all); French error otherwise."""
    if number is not None and number not in WORKSHOP_NUMBERS:
        raise InvalidInput(f"Atelier {number} inconnu : les ateliers vont de 1 à 4.")
    return number


def _in_scope(demarche_id: str, workshop: int | None) -> Any:
    """The condition on `Workshop` for the démarche, and the one workshop when asked."""
    condition = Workshop.demarche == demarche_row(demarche_id)
    if check_workshop(workshop) is not None:
        condition = condition & (Workshop.number == workshop)
    return condition


#: Stored texts to enum members, for the rows read raw: a look-up is several times faster
#: than calling the enum, and a large démarche has thousands of notes.
_COLLEGES: dict[str | None, College | None] = {None: None} | {c.value: c for c in College}
_KINDS = {kind.value: kind for kind in NoteKind}
_POLES: dict[str | None, Pole | None] = {None: None, "": None} | {p.value: p for p in Pole}

#: SQLite's page cache while an export reads, in KiB (the connection's own is 16 MB). The
#: export reads each table in a few passes and the file stays in the system's cache: a large
#: page cache would only hold a copy of the whole base, megabytes of the export's peak memory.
READING_CACHE_KIB = 256


def _export_note(row: tuple[Any, ...], shared: dict[str, str]) -> ExportNoteRecord:
    """A note's record; `shared` gives one string object per distinct sub-group name,
    question and code (each row of the cursor brings its own copy of them: thousands of
    notes, a few dozen distinct values)."""
    number, group, position, question, code, college = row[:6]
    text, kind, indicator, pole, created_at, edited, session = row[6:]
    group = group or ""
    question = question or ""
    speaker = "" if code is None else participant_code(code)
    return ExportNoteRecord(
        workshop_number=int(number),
        subgroup_name=shared.setdefault(group, group),
        round_number=None if position is None else int(position) + 1,
        question=shared.setdefault(question, question),
        speaker_code=shared.setdefault(speaker, speaker),
        speaker_college=_COLLEGES[college],
        text=text,
        kind=_KINDS[kind],
        indicator=indicator,
        pole=_POLES[pole],
        created_at=datetime.fromisoformat(created_at),
        edited=bool(edited),
        session=int(session),
    )


class Exports:
    """Read-only queries for the workbook (see `vitalite_tui.workbook`)."""

    def __init__(self, responses: Responses) -> None:
        self._responses = responses

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction: every query inside sees the same state of the file (WAL).

        With a small page cache meanwhile (`READING_CACHE_KIB`), set back afterwards.
        """
        with db.atomic():
            (previous,) = execute(db, "PRAGMA cache_size").fetchone()
            execute(db, f"PRAGMA cache_size = -{READING_CACHE_KIB:d}")
            try:
                yield
            finally:
                execute(db, f"PRAGMA cache_size = {int(previous):d}")

    def participants(self, demarche_id: str) -> list[ParticipantRecord]:
        """Live participants in the order of their codes (P001, P002…), never by name."""
        rows = (
            Participant.select()
            .where(
                (Participant.demarche == demarche_row(demarche_id))
                & Participant.deleted_at.is_null()
            )
            .order_by(Participant.number)
        )
        return [participant_record(row) for row in rows]

    def workshops(self, demarche_id: str) -> list[WorkshopRecord]:
        """The workshops' evenings in the method's order (each workshop, then its extra
        evenings), with date, place and agenda."""
        rows = (
            Workshop.select()
            .where(_in_scope(demarche_id, None))
            .order_by(Workshop.number, Workshop.session)
        )
        return [to_workshop_record(row) for row in rows]

    def presences(self, demarche_id: str, workshop: int | None = None) -> list[PresenceRecord]:
        """Who was ticked present, workshop by workshop, in the order of the codes."""
        rows = (
            Attendance.select(
                Workshop.number, Attendance.participant, Attendance.newcomer, Workshop.session
            )
            .join(Workshop)
            .switch(Attendance)
            .join(Participant)
            .where(
                _in_scope(demarche_id, workshop)
                & Attendance.deleted_at.is_null()
                & Participant.deleted_at.is_null()
            )
            .order_by(Workshop.number, Workshop.session, Participant.number)
            .tuples()
        )
        found = cast("list[tuple[int, uuid.UUID, bool, int]]", list(rows))
        return [
            PresenceRecord(number, str(pid), bool(new), session)
            for number, pid, new, session in found
        ]

    def notes(self, demarche_id: str, workshop: int | None = None) -> list[ExportNoteRecord]:
        """Every live note with its workshop, sub-group, round and speaker's code, in order."""
        revised = NoteRevision.select(NoteRevision.id).where(
            (NoteRevision.note == Note.id) & NoteRevision.deleted_at.is_null()
        )
        rows = (
            Note.select(
                Workshop.number,
                SubGroup.name,
                Round.position,
                Round.question,
                Participant.number,
                Participant.college,
                Note.text,
                Note.kind,
                Note.indicator,
                Note.pole,
                Note.created_at.cast("TEXT"),  # parsed below: much faster than peewee does
                fn.EXISTS(revised),
                Workshop.session,
            )
            .join(Workshop)
            .switch(Note)
            .join(SubGroup, JOIN.LEFT_OUTER)
            .switch(Note)
            .join(Round, JOIN.LEFT_OUTER)
            .switch(Note)
            .join(Participant, JOIN.LEFT_OUTER)
            .where(_in_scope(demarche_id, workshop) & Note.deleted_at.is_null())
            .order_by(
                Workshop.number,
                Workshop.session,
                SubGroup.position,
                Round.position,
                Note.created_at,
            )
        )
        shared: dict[str, str] = {}
        return [_export_note(row, shared) for row in raw_cursor(rows)]

    def speaking(
        self,
        demarche_id: str,
        workshop: int | None = None,
        presences: Sequence[PresenceRecord] | None = None,
    ) -> SpeakingRecord:
        """Turns, notes and passes by sub-group and collège, and by person, per workshop.

        Counted by `domain.speaking` as the capture screen counts them (live rounds of live
        sub-groups); the people present are listed even when they never spoke. `presences`:
        `self.presences(demarche_id, workshop)` when the caller already read them.
        """
        scope = _in_scope(demarche_id, workshop)
        groups = list(
            SubGroup.select(SubGroup, Workshop)
            .join(Workshop)
            .where(scope & SubGroup.deleted_at.is_null())
            .order_by(Workshop.number, Workshop.session, SubGroup.position, SubGroup.created_at)
        )
        everyone = _everyone(demarche_id)
        members = _members(scope, everyone)
        events = _events(scope, everyone)
        round_rows = (
            Round.select(Round.subgroup.cast("TEXT"))
            .join(SubGroup)
            .join(Workshop)
            .where(scope & Round.deleted_at.is_null() & SubGroup.deleted_at.is_null())
        )
        rounds = Counter(group_id for (group_id,) in raw_cursor(round_rows))
        subgroups = []
        # A person's tally over a workshop: the sum of their tallies in its sub-groups.
        tallies: dict[tuple[int, str], Tally] = defaultdict(Tally)
        group_of: dict[tuple[int, str], str] = {}
        for group in groups:
            number = int(group.workshop.number)
            people = members.get(group.id.hex, [])
            balance = speaking_balance(
                events.get(group.id.hex, []), [(p.id, p.college) for p in people]
            )
            subgroups.append(
                SubGroupSpeaking(
                    workshop_number=number,
                    position=group.position + 1,
                    name=group.name,
                    rounds=rounds[group.id.hex],
                    members=CollegeCounts.of(p.college for p in people),
                    colleges=balance.colleges,
                    anonymous=balance.anonymous,
                    session=int(group.workshop.session),
                )
            )
            for person in people:
                group_of[(number, person.id)] = group.name
            for spoke in balance.people:
                found = (number, spoke.participant_id)
                tallies[found] = tallies[found] + spoke.tally
                # Someone moved out of a sub-group after speaking in it: name that one.
                group_of.setdefault(found, group.name)
        listed = set(tallies)
        if presences is None:
            presences = self.presences(demarche_id, workshop)
        listed.update((presence.workshop_number, presence.participant_id) for presence in presences)
        people_rows = [
            PersonSpeaking(
                workshop_number=number,
                participant_id=pid,
                code=everyone[pid].code,
                college=everyone[pid].college,
                subgroup_name=group_of.get((number, pid), ""),
                tally=tallies.get((number, pid), Tally()),
            )
            for number, pid in listed
        ]
        people_rows.sort(key=lambda p: (p.workshop_number, p.code))
        return SpeakingRecord(subgroups, people_rows)

    def questionnaire(self, demarche_id: str) -> QuestionnaireExport:
        """Every live sheet with its definition, and the barometer whole and by each segment.

        The sheets are read once for all of it: reading them is the slow part.
        """
        form = self._responses.form(demarche_id)
        typed = self._responses.all_with_forms(demarche_id)
        pool = Pool(form, typed)
        forms = {form.label: form}
        for _, sheet_form in typed:
            forms.setdefault(sheet_form.label, sheet_form)
        return QuestionnaireExport(
            form=form,
            forms=list(forms.values()),
            sheets=[record for record, _ in typed],
            barometer=pool.whole,
            segments=pool.every_segment(),
        )


class _Person(NamedTuple):
    id: str
    code: str
    college: College


def _everyone(demarche_id: str) -> dict[str, _Person]:
    """Every participant of the démarche (removed ones too: they may have spoken), by id.

    Keyed both by the id as screens carry it and by the hex form SQLite stores, so that
    the speaking events can be read raw: thousands of UUID conversions saved.
    """
    rows = (
        Participant.select(Participant.id, Participant.number, Participant.college)
        .where(Participant.demarche == demarche_row(demarche_id))
        .tuples()
    )
    everyone: dict[str, _Person] = {}
    for pid, number, college in cast("list[tuple[uuid.UUID, int, str]]", list(rows)):
        person = _Person(str(pid), participant_code(number), College(college))
        everyone[person.id] = everyone[pid.hex] = person
    return everyone


def _members(scope: Any, everyone: dict[str, _Person]) -> dict[str, list[_Person]]:
    """Live members of the live sub-groups in speaking order, by sub-group id (hex)."""
    rows = (
        SubGroupMember.select(
            SubGroupMember.subgroup.cast("TEXT"), SubGroupMember.participant.cast("TEXT")
        )
        .join(SubGroup)
        .join(Workshop)
        .switch(SubGroupMember)
        .join(Participant)
        .where(
            scope
            & SubGroup.deleted_at.is_null()
            & SubGroupMember.deleted_at.is_null()
            & Participant.deleted_at.is_null()
        )
        .order_by(SubGroupMember.position, SubGroupMember.created_at)
    )
    members: dict[str, list[_Person]] = defaultdict(list)
    for group, person in raw_cursor(rows):
        members[group].append(everyone[person])
    return members


def _events(scope: Any, everyone: dict[str, _Person]) -> dict[str, list[SpeakingEvent]]:
    """Every live turn, pass and note of the live rounds, by sub-group id (hex)."""
    live_rounds = scope & Round.deleted_at.is_null() & SubGroup.deleted_at.is_null()
    turns = (
        Turn.select(SubGroup.id.cast("TEXT"), Turn.participant.cast("TEXT"), Turn.passed)
        .join(Round)
        .join(SubGroup)
        .join(Workshop)
        .where(live_rounds & Turn.deleted_at.is_null())
        .order_by(Turn.position)
    )
    notes = (
        Note.select(SubGroup.id.cast("TEXT"), Note.speaker.cast("TEXT"))
        .join(Round, on=(Note.round == Round.id))
        .join(SubGroup, on=(Round.subgroup == SubGroup.id))
        .join(Workshop, on=(SubGroup.workshop == Workshop.id))
        .where(live_rounds & Note.deleted_at.is_null())
        .order_by(Note.created_at)
    )
    rows: list[tuple[str, str | None, SpeakingKind]] = [
        (group, person, "pass" if passed else "turn") for group, person, passed in raw_cursor(turns)
    ]
    rows += [(group, person, "note") for group, person in raw_cursor(notes)]
    events: dict[str, list[SpeakingEvent]] = defaultdict(list)
    for group, raw, kind in rows:
        person = everyone.get(raw) if raw is not None else None
        event = (
            SpeakingEvent(person.id, person.college, kind)
            if person is not None
            else SpeakingEvent(None, None, kind)
        )
        events[group].append(event)
    return events
