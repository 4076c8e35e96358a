"""Workshops (steps 4–7): agenda, attendance and newcomers, counts, recap of the previous one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from vitalite_tui.db.models import (
    Attendance,
    BaseModel,
    Note,
    Participant,
    Round,
    SubGroup,
    SubGroupMember,
    Workshop,
)
from vitalite_tui.domain.colleges import CollegeCounts
from vitalite_tui.domain.dates import format_time
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.text import clean_line, clean_text
from vitalite_tui.domain.workshops import (
    MAX_SESSIONS,
    WORKSHOP_NUMBERS,
    WORKSHOP_TITLES,
    AgendaItem,
    Evening,
    default_agenda,
    previous_evening,
)
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.base import key, soft_delete, writing
from vitalite_tui.store.lookups import (
    evening_rows,
    participant_of,
    present_counts,
    present_participants,
    workshop_row,
)
from vitalite_tui.store.preparation.participants import participant_record
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord
from vitalite_tui.store.preparation.steps import MAX_LINE
from vitalite_tui.store.workshops.recap import previous_contents
from vitalite_tui.store.workshops.records import (
    AgendaSlot,
    AttendanceEntry,
    RecapNote,
    RecapRecord,
    SubGroupRecap,
    TagCount,
    WorkshopRecord,
)

if TYPE_CHECKING:
    from vitalite_tui.store.preparation.participants import Participants
    from vitalite_tui.store.preparation.steps import Steps

M = TypeVar("M", bound=BaseModel)

MAX_AGENDA_ITEMS = 20
MAX_ITEM_MINUTES = 240
MAX_LABEL = 120
MAX_RECAP = 5000

#: Notes of each sub-group a recap shows.
RECAP_NOTES = 3


# ---------------------------------------------------------------- helpers for the store


def revive_or_create(model: type[M], condition: Any, **values: Any) -> M:
    """The row matching `condition` (even soft-deleted: unique indexes) made live, or a new one."""
    row = model.get_or_none(condition)
    if row is None:
        return model.create(**values)
    for name, value in values.items():
        setattr(row, name, value)
    row.deleted_at = None
    row.save()
    return row


def live_subgroups(workshop: Workshop) -> list[SubGroup]:
    return list(
        SubGroup.select()
        .where((SubGroup.workshop == workshop) & SubGroup.deleted_at.is_null())
        .order_by(SubGroup.position, SubGroup.created_at)
    )


def schedule(items: Sequence[AgendaItem], start: time | None) -> list[AgendaSlot]:
    """The agenda with each sequence's start and end, counted from `start`."""
    slots = []
    clock = datetime.combine(date.min, start) if start is not None else None
    for item in items:
        end = clock + timedelta(minutes=item.minutes) if clock is not None else None
        slots.append(
            AgendaSlot(
                item.label,
                item.minutes,
                item.plenary,
                start=clock.time() if clock is not None else None,
                end=end.time() if end is not None else None,
            )
        )
        clock = end
    return slots


def agenda_items(stored: Any, number: int) -> list[AgendaItem]:
    """The agenda kept as JSON; the method's evening for that workshop when none was saved."""
    items = [
        AgendaItem(str(entry["label"]), int(entry["minutes"]), bool(entry.get("plenary", True)))
        for entry in (stored if isinstance(stored, list) else [])
        if isinstance(entry, dict) and "label" in entry and "minutes" in entry
    ]
    return items or list(default_agenda(number))


def to_workshop_record(row: Workshop) -> WorkshopRecord:
    return WorkshopRecord(
        id=key(row),
        demarche_id=str(row.demarche_id),
        number=row.number,
        title=WORKSHOP_TITLES[row.number],
        date=row.date,
        start_time=row.start_time,
        end_time=row.end_time,
        place=row.place,
        agenda=schedule(agenda_items(row.agenda, row.number), row.start_time),
        recap=row.recap,
        session=row.session,
    )


def _clean_agenda(items: Sequence[AgendaItem]) -> list[AgendaItem]:
    if not items:
        raise InvalidInput("L'ordre du jour doit compter au moins une séquence.")
    if len(items) > MAX_AGENDA_ITEMS:
        raise InvalidInput(f"L'ordre du jour compte au plus {MAX_AGENDA_ITEMS} séquences.")
    cleaned = []
    for item in items:
        label = clean_line(item.label, field="Séquence", max_length=MAX_LABEL)
        if not 1 <= item.minutes <= MAX_ITEM_MINUTES:
            raise InvalidInput(
                f"« {label} » : la durée va de 1 à {MAX_ITEM_MINUTES} minutes "
                f"({item.minutes} saisies)."
            )
        cleaned.append(AgendaItem(label, int(item.minutes), bool(item.plenary)))
    return cleaned


# ---------------------------------------------------------------- the API


class Workshops:
    """The four workshop evenings: agenda, who is there, and the recap of the previous one.

    Date, times and place are planned in step 2 (`Store.planning`).
    """

    def __init__(self, steps: Steps, participants: Participants) -> None:
        self._steps = steps
        self._participants = participants

    def get(self, demarche_id: str, number: int, session: int = 1) -> WorkshopRecord:
        return to_workshop_record(workshop_row(demarche_id, number, session))

    # ------------------------------------------------------------ extra evenings

    def extra_evenings(self, demarche_id: str) -> list[WorkshopRecord]:
        """The extra evenings added to the démarche's workshops (« Atelier 2 bis »…), in the
        method's order; the four planned evenings are not in it."""
        return [to_workshop_record(row) for row in evening_rows(demarche_id) if row.session > 1]

    def add_evening(
        self,
        demarche_id: str,
        number: int,
        on: date | None = None,
        place: str | None = None,
        *,
        start: time | None = None,
        end: time | None = None,
    ) -> WorkshopRecord:
        """Add an extra or make-up evening to workshop `number`: its next session, on its own
        date, with a copy of the planned evening's agenda, and its place and times unless
        given; its attendance and sub-groups start empty."""
        if number not in WORKSHOP_NUMBERS:
            raise NotFound(f"Atelier {number} inconnu (1 à 4).")
        where = (
            None
            if place is None
            else clean_line(place, field="Lieu", max_length=MAX_LINE, required=False)
        )
        with writing():
            planned = workshop_row(demarche_id, number)
            session = max(row.session for row in evening_rows(demarche_id, number)) + 1
            if session > MAX_SESSIONS:
                raise InvalidInput(
                    f"L'atelier {number} a déjà ses {MAX_SESSIONS - 1} séances "
                    "supplémentaires (bis et ter) : c'est le maximum."
                )
            row = Workshop.create(
                demarche=planned.demarche_id,
                number=number,
                session=session,
                date=on,
                start_time=start or planned.start_time,
                end_time=end or planned.end_time,
                place=planned.place if where is None else where,
                agenda=list(planned.agenda) if isinstance(planned.agenda, list) else [],
            )
        return to_workshop_record(row)

    def previous(self, demarche_id: str, number: int, session: int = 1) -> Evening | None:
        """The evening before this one in the method's order (what « Idem » copies and the
        recap opens on): the planned evenings always count, extra ones once added."""
        held = {(n, 1) for n in WORKSHOP_NUMBERS}
        held.update(row.evening for row in self.extra_evenings(demarche_id))
        return previous_evening((number, session), held)

    # ------------------------------------------------------------ agenda

    def save_agenda(
        self, demarche_id: str, number: int, items: Sequence[AgendaItem], session: int = 1
    ) -> list[str]:
        """Replace the agenda; returns French warnings (saved anyway)."""
        cleaned = _clean_agenda(items)
        with writing():
            row = workshop_row(demarche_id, number, session)
            row.agenda = [
                {"label": i.label, "minutes": i.minutes, "plenary": i.plenary} for i in cleaned
            ]
            row.save()
        return self.agenda_warnings(demarche_id, number, session)

    def agenda_warnings(self, demarche_id: str, number: int, session: int = 1) -> list[str]:
        """An agenda that runs past the planned end is allowed, but worth a word."""
        record = self.get(demarche_id, number, session)
        finish = record.agenda[-1].end if record.agenda else None
        if finish is None or record.end_time is None or record.start_time is None:
            return []
        # Compare as minutes after the start, so an evening ending after midnight still works.
        start = record.start_time.hour * 60 + record.start_time.minute
        planned = (record.end_time.hour * 60 + record.end_time.minute - start) % (24 * 60)
        if record.total_minutes <= planned:
            return []
        return [
            f"L'ordre du jour finit à {format_time(finish)}, après la fin prévue "
            f"({format_time(record.end_time)})."
        ]

    def save_recap(self, demarche_id: str, number: int, text: str, session: int = 1) -> None:
        """What was kept from this workshop, shown in the recap that opens the next one."""
        cleaned = clean_text(text)
        if len(cleaned) > MAX_RECAP:
            raise InvalidInput(f"Ce qui a été retenu : au plus {MAX_RECAP} caractères.")
        with writing():
            row = workshop_row(demarche_id, number, session)
            row.recap = cleaned
            row.save()

    # ------------------------------------------------------------ attendance

    def attendance(
        self, demarche_id: str, number: int, query: str = "", session: int = 1
    ) -> list[AttendanceEntry]:
        """Every live participant of the registry (filtered by `query`), present or not."""
        marks = self._marks(workshop_row(demarche_id, number, session))
        return [
            AttendanceEntry(person, person.id in marks, marks.get(person.id, False))
            for person in self._participants.all(demarche_id, query)
        ]

    def present(self, demarche_id: str, number: int, session: int = 1) -> list[AttendanceEntry]:
        """Only the people ticked present, in name order."""
        workshop = workshop_row(demarche_id, number, session)
        marks = self._marks(workshop)
        return [
            AttendanceEntry(participant_record(row), True, marks[str(row.id)])
            for row in present_participants(workshop)
        ]

    @staticmethod
    def _marks(workshop: Workshop) -> dict[str, bool]:
        return {
            str(row.participant_id): bool(row.newcomer)
            for row in Attendance.select(Attendance.participant, Attendance.newcomer).where(
                (Attendance.workshop == workshop) & Attendance.deleted_at.is_null()
            )
        }

    def set_present(
        self, demarche_id: str, number: int, participant_id: str, present: bool, session: int = 1
    ) -> AttendanceEntry:
        """Tick or untick one person.

        Ticked at workshop 2 or later without having come before: a newcomer, who will want
        the recap. Unticked: they also leave this workshop's sub-groups (their notes stay).
        """
        with writing():
            workshop = workshop_row(demarche_id, number, session)
            person = participant_of(workshop, participant_id)
            if present:
                row = self._mark(workshop, person, newcomer=None)
                newcomer = bool(row.newcomer)
            else:
                self._unmark(workshop, person)
                newcomer = False
            self._steps.touch(demarche_id, workshop.number + 3)
        return AttendanceEntry(participant_record(person), present, newcomer)

    def not_yet_present(
        self,
        demarche_id: str,
        number: int,
        *,
        came_to: Evening | None = None,
        session: int = 1,
    ) -> list[ParticipantRecord]:
        """Registered people not ticked at this evening yet, in name order; with `came_to`,
        only those present at that evening (« comme la dernière fois »)."""
        workshop = workshop_row(demarche_id, number, session)
        marks = self._marks(workshop)
        wanted = None if came_to is None else set(self._marks(workshop_row(demarche_id, *came_to)))
        return [
            person
            for person in self._participants.all(demarche_id)
            if person.id not in marks and (wanted is None or person.id in wanted)
        ]

    def set_present_many(
        self,
        demarche_id: str,
        number: int,
        participant_ids: Sequence[str],
        present: bool,
        session: int = 1,
    ) -> list[str]:
        """Tick (or untick) several people in one commit; returns those whose tick changed,
        so the same call with `not present` undoes it exactly."""
        changed = []
        with writing():
            workshop = workshop_row(demarche_id, number, session)
            marks = self._marks(workshop)
            for participant_id in participant_ids:
                person = participant_of(workshop, participant_id)
                if (key(person) in marks) == present:
                    continue
                if present:
                    self._mark(workshop, person, newcomer=None)
                else:
                    self._unmark(workshop, person)
                changed.append(key(person))
            if changed:
                self._steps.touch(demarche_id, workshop.number + 3)
        return changed

    def add_newcomer(
        self, demarche_id: str, number: int, draft: ParticipantDraft, session: int = 1
    ) -> str:
        """Register someone who walked in, and tick them present as a newcomer: one commit."""
        with writing():
            workshop = workshop_row(demarche_id, number, session)
            participant_id = self._participants.add(demarche_id, draft)
            person = participant_of(workshop, participant_id)
            self._mark(workshop, person, newcomer=True)
            self._steps.touch(demarche_id, workshop.number + 3)
        return participant_id

    @staticmethod
    def _mark(workshop: Workshop, person: Participant, newcomer: bool | None) -> Attendance:
        existing = Attendance.get_or_none(
            (Attendance.workshop == workshop) & (Attendance.participant == person)
        )
        if existing is not None and existing.deleted_at is None:
            if newcomer and not existing.newcomer:
                existing.newcomer = True
                existing.save()
            return existing
        if newcomer is None:
            newcomer = (workshop.number, workshop.session) > (1, 1) and not _came_before(
                workshop, person
            )
        return revive_or_create(
            Attendance,
            (Attendance.workshop == workshop) & (Attendance.participant == person),
            workshop=workshop,
            participant=person,
            newcomer=newcomer,
        )

    @staticmethod
    def _unmark(workshop: Workshop, person: Participant) -> None:
        row = Attendance.get_or_none(
            (Attendance.workshop == workshop)
            & (Attendance.participant == person)
            & Attendance.deleted_at.is_null()
        )
        if row is not None:
            soft_delete(row)
        groups = [g.id for g in live_subgroups(workshop)]
        if groups:
            for member in SubGroupMember.select().where(
                SubGroupMember.subgroup.in_(groups)
                & (SubGroupMember.participant == person)
                & SubGroupMember.deleted_at.is_null()
            ):
                soft_delete(member)

    def attendance_counts(self, demarche_id: str, number: int, session: int = 1) -> CollegeCounts:
        """People present by collège; `.warnings()` names unbalanced thirds and the 50 cap."""
        return present_counts(workshop_row(demarche_id, number, session))

    # ------------------------------------------------------------ recap

    def recap(
        self,
        demarche_id: str,
        number: int,
        notes_per_group: int = RECAP_NOTES,
        session: int = 1,
    ) -> RecapRecord | None:
        """What the evening before this one did (`previous`: « Atelier 2 » before « Atelier
        2 bis », which comes before « Atelier 3 »); None for the first (nothing before it)."""
        current = workshop_row(demarche_id, number, session)
        before = self.previous(demarche_id, number, session)
        if before is None:
            return None
        previous = workshop_row(demarche_id, *before)
        newcomers = (
            Attendance.select()
            .join(Participant)
            .where(
                (Attendance.workshop == previous)
                & Attendance.newcomer
                & Attendance.deleted_at.is_null()
                & Participant.deleted_at.is_null()
            )
            .count()
        )
        groups = live_subgroups(previous)
        notes = list(
            Note.select(Note.subgroup, Note.text, Note.kind, Note.indicator, Note.pole)
            .where((Note.workshop == previous) & Note.deleted_at.is_null())
            .order_by(Note.created_at)
        )
        rounds = Counter(
            str(r.subgroup_id)
            for r in Round.select(Round.subgroup).where(
                Round.subgroup.in_([g.id for g in groups]) & Round.deleted_at.is_null()
            )
        )
        members = Counter(
            str(m.subgroup_id)
            for m in SubGroupMember.select(SubGroupMember.subgroup).where(
                SubGroupMember.subgroup.in_([g.id for g in groups])
                & SubGroupMember.deleted_at.is_null()
            )
        )
        by_group: dict[str, list[RecapNote]] = {}
        for note in notes:
            by_group.setdefault(str(note.subgroup_id), []).append(_recap_note(note))
        return RecapRecord(
            workshop=to_workshop_record(previous),
            present=present_counts(previous),
            newcomers=newcomers,
            rounds=sum(rounds.values()),
            notes=len(notes),
            notes_by_tag=_tag_counts(_recap_note(n) for n in notes),
            subgroups=[
                SubGroupRecap(
                    id=key(group),
                    name=group.name,
                    theme=group.theme,
                    indicator=group.indicator,
                    members=members[key(group)],
                    rounds=rounds[key(group)],
                    notes=len(by_group.get(key(group), [])),
                    first_notes=by_group.get(key(group), [])[:notes_per_group],
                )
                for group in groups
            ],
            contents=previous_contents(current.demarche, previous),
        )


def _came_before(workshop: Workshop, person: Participant) -> bool:
    """Present at an earlier evening of the same démarche (in the method's order)."""
    return bool(
        Attendance.select()
        .join(Workshop)
        .where(
            (Attendance.participant == person)
            & Attendance.deleted_at.is_null()
            & (Workshop.demarche == workshop.demarche_id)
            & (
                (Workshop.number < workshop.number)
                | ((Workshop.number == workshop.number) & (Workshop.session < workshop.session))
            )
        )
        .exists()
    )


def _recap_note(note: Note) -> RecapNote:
    return RecapNote(
        text=note.text,
        kind=NoteKind(note.kind),
        indicator=note.indicator,
        pole=Pole(note.pole) if note.pole else None,
    )


def _tag_counts(notes: Iterable[RecapNote]) -> list[TagCount]:
    counts = Counter((n.indicator, n.pole) for n in notes)

    def order(tag: tuple[int | None, Pole | None]) -> tuple[int, int]:
        indicator, pole = tag
        return (indicator or 99, [Pole.VITALITY, Pole.DEPRESSION, None].index(pole))

    return [TagCount(i, p, counts[(i, p)]) for i, p in sorted(counts, key=order)]
