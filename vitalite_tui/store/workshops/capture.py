"""Speaking rounds: questions, turns and notes as they are said, undo, edits kept, balance.

`save_note` is the one call made while people talk: it commits (WAL, synchronous=FULL)
before it returns, so a note the screen shows as saved survives a crash or a power cut.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import cast

from peewee import JOIN, ModelSelect, fn

from vitalite_tui.db.models import (
    KeptVersion,
    Note,
    NoteRevision,
    Participant,
    Round,
    SubGroup,
    Trend,
    Turn,
    Workshop,
    db,
    utcnow,
)
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind, check_indicator, default_kind, kinds_for
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.domain.speaking import (
    LastTurn,
    SpeakingBalance,
    SpeakingEvent,
    joins_last_turn,
    repeats_pass,
    speaking_balance,
)
from vitalite_tui.domain.text import clean_line, clean_text
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.base import as_uuid, dashed, key, live, raw_rows, soft_delete, writing
from vitalite_tui.store.lookups import (
    evening_ids,
    participant_of,
    present_participants,
    workshop_row,
)
from vitalite_tui.store.workshops.records import (
    NoteRecord,
    NoteRevisionRecord,
    RevisionExport,
    RoundRecord,
    TurnRecord,
    WallNote,
    WorkshopRecord,
)
from vitalite_tui.store.workshops.subgroups import member_colleges
from vitalite_tui.store.workshops.workshop import live_subgroups, to_workshop_record

#: Far more than a screenful: a pasted paragraph fits; a pasted book does not.
MAX_NOTE = 20_000
MAX_QUESTION = 300
MAX_TIMEBOX = 180
DEFAULT_TIMEBOX = 20


# ---------------------------------------------------------------- rows and records


def _round_context(round_id: str) -> tuple[Round, SubGroup, Workshop]:
    """A live round with its sub-group and workshop, in one query."""
    row = (
        Round.select(Round, SubGroup, Workshop)
        .join(SubGroup)
        .join(Workshop)
        .where(
            (Round.id == as_uuid(round_id))
            & Round.deleted_at.is_null()
            & SubGroup.deleted_at.is_null()
        )
        .get_or_none()
    )
    if row is None:
        raise NotFound("Tour d'expression introuvable (supprimé entre-temps ?).")
    return row, row.subgroup, row.subgroup.workshop


def _note_select() -> ModelSelect[Note]:
    """Notes with their speaker joined (`note.speaker`: None when anonymous)."""
    return Note.select(Note, Participant).join(Participant, JOIN.LEFT_OUTER)


def to_note_record(note: Note, speaker: Participant | None) -> NoteRecord:
    return NoteRecord(
        id=key(note),
        workshop_id=str(note.workshop_id),
        subgroup_id=str(note.subgroup_id) if note.subgroup_id else None,
        round_id=str(note.round_id) if note.round_id else None,
        speaker_id=key(speaker) if speaker is not None else None,
        speaker_name=speaker.display_name if speaker is not None else "",
        speaker_code=participant_code(speaker.number) if speaker is not None else "",
        speaker_college=College(speaker.college) if speaker is not None else None,
        text=note.text,
        kind=NoteKind(note.kind),
        indicator=note.indicator,
        pole=Pole(note.pole) if note.pole else None,
        created_at=note.created_at,
        updated_at=note.updated_at,
        deleted=note.deleted_at is not None,
    )


def _notes(condition: object) -> list[NoteRecord]:
    """Notes as records, read as SQLite returns them: a workshop holds thousands, and
    peewee's conversions (a UUID per id, a parsed date per moment) cost several times the
    query; ids are stored as 32 hex digits, dates in ISO form."""
    rows = raw_rows(
        Note.select(
            Note.id,
            Note.workshop,
            Note.subgroup,
            Note.round,
            Participant.id,
            Participant.display_name,
            Participant.number,
            Participant.college,
            Note.text,
            Note.kind,
            Note.indicator,
            Note.pole,
            Note.created_at,
            Note.updated_at,
            Note.deleted_at,
        )
        .join(Participant, JOIN.LEFT_OUTER)
        .where(condition)
        .order_by(Note.created_at)
    )
    return [
        NoteRecord(
            id=dashed(note_id),
            workshop_id=dashed(workshop_id),
            subgroup_id=dashed(subgroup_id) if subgroup_id else None,
            round_id=dashed(round_id) if round_id else None,
            speaker_id=dashed(speaker_id) if speaker_id is not None else None,
            speaker_name=name if speaker_id is not None else "",
            speaker_code=participant_code(number) if speaker_id is not None else "",
            speaker_college=College(college) if speaker_id is not None else None,
            text=text,
            kind=NoteKind(kind),
            indicator=indicator,
            pole=Pole(pole) if pole else None,
            created_at=datetime.fromisoformat(created_at),
            updated_at=datetime.fromisoformat(updated_at),
            deleted=deleted_at is not None,
        )
        for (
            note_id,
            workshop_id,
            subgroup_id,
            round_id,
            speaker_id,
            name,
            number,
            college,
            text,
            kind,
            indicator,
            pole,
            created_at,
            updated_at,
            deleted_at,
        ) in rows
    ]


def _note_row(note_id: str, *, deleted: bool = False) -> Note:
    """A note (live only, unless `deleted`), its speaker joined."""
    condition = Note.id == as_uuid(note_id)
    if not deleted:
        condition = condition & Note.deleted_at.is_null()
    row = _note_select().where(condition).get_or_none()
    if row is None:
        raise NotFound("Note introuvable (supprimée entre-temps ?).")
    return row


def _note_record(row: Note) -> NoteRecord:
    return to_note_record(row, row.speaker)


def to_turn_record(row: Turn) -> TurnRecord:
    return TurnRecord(
        id=key(row),
        round_id=str(row.round_id),
        participant_id=str(row.participant_id) if row.participant_id else None,
        position=row.position,
        passed=row.passed,
    )


def to_round_record(row: Round, note_count: int, trend: Trend | None = None) -> RoundRecord:
    """`trend`: the round's trend when read with it (its title is shown with the round)."""
    return RoundRecord(
        id=key(row),
        subgroup_id=str(row.subgroup_id),
        number=row.position + 1,
        question=row.question,
        timebox_minutes=row.timebox_minutes,
        started_at=row.started_at,
        ended_at=row.ended_at,
        note_count=note_count,
        trend=trend.title if trend is not None else "",
    )


def _trend_of(row: Round) -> Trend | None:
    trend: Trend | None = row.trend if row.trend_id is not None else None
    return trend


def _note_counts(round_ids: Iterable[uuid.UUID]) -> Counter[str]:
    ids = list(round_ids)
    if not ids:
        return Counter()
    rows = (
        Note.select(Note.round, fn.COUNT(Note.id))
        .where(Note.round.in_(ids) & Note.deleted_at.is_null())
        .group_by(Note.round)
        .tuples()
    )
    pairs = cast("list[tuple[uuid.UUID, int]]", list(rows))
    return Counter({str(round_id): int(count) for round_id, count in pairs})


# ---------------------------------------------------------------- validation


def clean_note_text(text: str) -> str:
    """The note as it will be stored: accents, emoji, newlines and a leading = or - kept."""
    cleaned = clean_text(text)
    if not cleaned:
        raise InvalidInput("Note vide : rien n'a été enregistré.")
    if len(cleaned) > MAX_NOTE:
        raise InvalidInput(
            f"Note trop longue : {len(cleaned)} caractères, au plus {MAX_NOTE}. "
            "Rien n'a été enregistré : coupez-la en plusieurs notes."
        )
    return cleaned


def check_tags(
    workshop_number: int, kind: NoteKind | str | None, indicator: int | None, pole: Pole | None
) -> tuple[NoteKind, int | None, Pole | None]:
    """Kind (the workshop's default when None), indicator and pole, or a French error."""
    offered = kinds_for(workshop_number)
    try:
        chosen = default_kind(workshop_number) if kind is None else NoteKind(kind)
    except ValueError:
        chosen = None
    if chosen is None or chosen not in offered:
        labels = ", ".join(k.label for k in offered)
        shown = chosen.label if chosen is not None else str(kind)
        raise InvalidInput(
            f"Type de note « {shown} » non proposé à l'atelier {workshop_number} "
            f"(au choix : {labels})."
        )
    return chosen, check_indicator(indicator), Pole(pole) if pole is not None else None


def _round_trend(group: SubGroup, trend_id: str | None) -> Trend | None:
    """The live trend of the sub-group's démarche a new round is about (None: none)."""
    if trend_id is None:
        return None
    trend: Trend | None = (
        Trend.select()
        .join(Workshop, on=(Trend.demarche == Workshop.demarche))
        .where(
            (Trend.id == as_uuid(trend_id))
            & Trend.deleted_at.is_null()
            & (Workshop.id == group.workshop_id)
        )
        .get_or_none()
    )
    if trend is None:
        raise NotFound("Tendance introuvable (supprimée entre-temps ?).")
    return trend


# ---------------------------------------------------------------- turns


def _last_turn(rnd: Round) -> Turn | None:
    row: Turn | None = (
        Turn.select()
        .where((Turn.round == rnd) & Turn.deleted_at.is_null())
        .order_by(Turn.position.desc())
        .first()
    )
    return row


def _as_last(turn: Turn | None) -> LastTurn | None:
    if turn is None:
        return None
    return (_id(turn.participant_id), bool(turn.passed))


def _new_turn(rnd: Round, speaker: Participant | None, passed: bool) -> Turn:
    last = Turn.select(fn.MAX(Turn.position)).where(Turn.round == rnd).scalar()
    position = 0 if last is None else int(last) + 1
    return Turn.create(round=rnd, participant=speaker, position=position, passed=passed)


def _turn_for_note(rnd: Round, speaker: Participant | None) -> Turn:
    """The turn a note belongs to: the current one if the same person goes on, else a new one."""
    last = _last_turn(rnd)
    if last is not None and joins_last_turn(_as_last(last), _id(speaker.id if speaker else None)):
        return last
    return _new_turn(rnd, speaker, passed=False)


def _remove_note(note: Note) -> None:
    """Soft-delete a note, and its turn if nothing else was said in it."""
    soft_delete(note)
    if note.turn_id is None:
        return
    still = Note.select().where((Note.turn == note.turn_id) & Note.deleted_at.is_null()).exists()
    if not still:
        now = utcnow()
        Turn.update(deleted_at=now, updated_at=now).where(
            (Turn.id == note.turn_id) & Turn.deleted_at.is_null()
        ).execute()


def write_note(
    workshop: Workshop,
    group: SubGroup | None,
    rnd: Round | None,
    speaker: Participant | None,
    text: str,
    kind: NoteKind,
    indicator: int | None,
    pole: Pole | None,
) -> Note:
    """Insert a checked note (inside `writing()`); in a round, it joins the speaker's turn.

    `save_note` and the images of workshop 1 (`store/images.py`) both write notes this way.
    """
    return Note.create(
        workshop=workshop,
        subgroup=group,
        round=rnd,
        turn=_turn_for_note(rnd, speaker) if rnd is not None else None,
        speaker=speaker,
        text=text,
        kind=kind.value,
        indicator=indicator,
        pole=pole.value if pole is not None else None,
        # In workshop 2 a round is about one trend: its risks and opportunities are too.
        trend=rnd.trend_id if rnd is not None else None,
    )


# ---------------------------------------------------------------- saving a note fast

#: Everything `save_note` checks and needs, in one statement: the live round with its
#: sub-group and workshop, its latest live turn, the highest turn position, the speaker.
#: Written out rather than built by peewee (like the two inserts below): while people talk,
#: building the three joins took longer than SQLite took to run them.
_NOTE_CONTEXT_SQL = """
SELECT r.subgroup_id, s.workshop_id, w.number, w.demarche_id, r.trend_id,
       t.id, t.participant_id, t.passed,
       (SELECT MAX(position) FROM "turn" WHERE round_id = r.id),
       p.demarche_id, p.display_name, p.number, p.college
FROM "round" AS r
JOIN "sub_group" AS s ON s.id = r.subgroup_id AND s.deleted_at IS NULL
JOIN "workshop" AS w ON w.id = s.workshop_id
LEFT JOIN "turn" AS t ON t.id = (
    SELECT id FROM "turn" WHERE round_id = r.id AND deleted_at IS NULL
    ORDER BY position DESC LIMIT 1)
LEFT JOIN "participant" AS p ON p.id = ? AND p.deleted_at IS NULL
WHERE r.id = ? AND r.deleted_at IS NULL
"""


#: The note and its new turn, as peewee would insert them (keys as 32 hex digits, times as
#: `DateTimeField` stores them); the columns left out are NULL.
_INSERT_NOTE_SQL = """
INSERT INTO "note" ("id", "created_at", "updated_at", "workshop_id", "subgroup_id",
    "round_id", "turn_id", "speaker_id", "text", "kind", "indicator", "pole", "trend_id")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_INSERT_TURN_SQL = """
INSERT INTO "turn" ("id", "created_at", "updated_at", "round_id", "participant_id",
    "position", "passed")
VALUES (?, ?, ?, ?, ?, ?, 0)
"""


def _execute(sql: str, params: tuple[object, ...]) -> sqlite3.Cursor:
    cursor: sqlite3.Cursor = db.execute_sql(sql, params)
    return cursor


def _stamp(moment: datetime) -> object:
    """A time as `DateTimeField` hands it to SQLite."""
    return Note.created_at.db_value(moment)  # type: ignore[no-untyped-call]


@dataclass(frozen=True)
class _Speaker:
    display_name: str
    number: int
    college: College


@dataclass(frozen=True)
class _NoteContext:
    """What one `_NOTE_CONTEXT_SQL` row says about the round a note is saved in."""

    round_id: uuid.UUID
    subgroup_id: uuid.UUID
    workshop_id: uuid.UUID
    workshop_number: int
    demarche_id: str
    trend_id: uuid.UUID | None
    last_turn_id: uuid.UUID | None
    last_turn: LastTurn | None
    top_position: int | None
    speaker_row: tuple[str, str, int, str] | None  # démarche, name, number, collège

    @classmethod
    def read(cls, round_id: uuid.UUID, speaker_id: uuid.UUID | None) -> _NoteContext:
        speaker_hex = speaker_id.hex if speaker_id is not None else None
        row = _execute(_NOTE_CONTEXT_SQL, (speaker_hex, round_id.hex)).fetchone()
        if row is None:
            raise NotFound("Tour d'expression introuvable (supprimé entre-temps ?).")
        (subgroup, workshop, number, demarche, trend, turn, turn_speaker, passed, top) = row[:9]
        return cls(
            round_id=round_id,
            subgroup_id=uuid.UUID(subgroup),
            workshop_id=uuid.UUID(workshop),
            workshop_number=int(number),
            demarche_id=demarche,
            trend_id=uuid.UUID(trend) if trend is not None else None,
            last_turn_id=uuid.UUID(turn) if turn is not None else None,
            last_turn=((_hex_id(turn_speaker), bool(passed)) if turn is not None else None),
            top_position=int(top) if top is not None else None,
            speaker_row=row[9:] if row[9] is not None else None,
        )

    def speaker(self, speaker_id: uuid.UUID | None) -> _Speaker | None:
        """The live speaker of this démarche (None: anonymous), or `participant_of`'s error."""
        if speaker_id is None:
            return None
        if self.speaker_row is None:
            raise NotFound("Participant introuvable (supprimé entre-temps ?).")
        demarche, name, number, college = self.speaker_row
        if demarche != self.demarche_id:
            raise NotFound("Ce participant n'appartient pas à cette démarche.")
        return _Speaker(name, int(number), College(college))

    def turn_for(self, speaker_id: uuid.UUID | None, now: datetime) -> uuid.UUID:
        """The turn the note joins: the latest one, or a new one inserted after all others."""
        if self.last_turn_id is not None and joins_last_turn(self.last_turn, _id(speaker_id)):
            return self.last_turn_id
        turn_id = uuid.uuid4()
        position = 0 if self.top_position is None else self.top_position + 1
        speaker = speaker_id.hex if speaker_id is not None else None
        stamp = _stamp(now)
        values = (turn_id.hex, stamp, stamp, self.round_id.hex, speaker, position)
        _execute(_INSERT_TURN_SQL, values)
        return turn_id


def _hex_id(value: str | None) -> str | None:
    """A key as stored (32 hex digits) as the string screens carry (with dashes)."""
    return None if value is None else str(uuid.UUID(value))


# ---------------------------------------------------------------- earlier speakers

#: A `NoteRevision` has no speaker column (schema 3, and no migration here): when an edit
#: changes who said a note, the earlier speaker is kept beside the revision as a
#: `KeptVersion` of it, `{"speaker_id": …}` (None: anonymous), which travels in bundles
#: like the revision. A revision without one had the speaker of the state after it.
REVISION_TABLE = "note_revision"


class Same(Enum):
    """`edit_note`'s speaker when the correction leaves it as it is."""

    SPEAKER = "same"


SAME_SPEAKER = Same.SPEAKER


def _keep_earlier_speaker(
    revision: NoteRevision, speaker_id: uuid.UUID | None, demarche_id: uuid.UUID
) -> None:
    KeptVersion.create(
        demarche=demarche_id,
        table_name=REVISION_TABLE,
        row_id=revision.id,
        texts={"speaker_id": str(speaker_id) if speaker_id is not None else None},
        created_at=revision.created_at,
        updated_at=revision.created_at,
    )


def _earlier_speakers(revision_ids: list[uuid.UUID]) -> dict[str, str | None]:
    """Revision id → the speaker it kept, for the revisions whose edit changed the speaker."""
    if not revision_ids:
        return {}
    rows = KeptVersion.select(KeptVersion.row_id, KeptVersion.texts).where(
        (KeptVersion.table_name == REVISION_TABLE)
        & KeptVersion.row_id.in_(revision_ids)
        & KeptVersion.deleted_at.is_null()
    )
    return {str(row.row_id): row.texts.get("speaker_id") for row in rows}


def _speaker_rows(ids: Iterable[str | None]) -> dict[str, Participant]:
    wanted = [as_uuid(value) for value in {i for i in ids if i is not None}]
    if not wanted:
        return {}
    return {key(p): p for p in Participant.select().where(Participant.id.in_(wanted))}


def _revision_records(
    rows: list[NoteRevision], speakers_now: dict[str, str | None]
) -> list[NoteRevisionRecord]:
    """Records of `rows` (oldest first per note), each with the speaker of its time: the one
    kept beside it, else that of the next state (the note's own for the newest)."""
    kept = _earlier_speakers([r.id for r in rows])
    speaker_of: dict[str, str | None] = {}
    newer = dict(speakers_now)
    for row in reversed(rows):
        revision_id, note_id = key(row), str(row.note_id)
        speaker = kept[revision_id] if revision_id in kept else newer.get(note_id)
        speaker_of[revision_id] = newer[note_id] = speaker
    people = _speaker_rows(speaker_of.values())
    records = []
    for row in rows:
        person = people.get(speaker_of[key(row)] or "")
        records.append(
            NoteRevisionRecord(
                id=key(row),
                note_id=str(row.note_id),
                text=row.text,
                kind=NoteKind(row.kind),
                indicator=row.indicator,
                pole=Pole(row.pole) if row.pole else None,
                created_at=row.created_at,
                speaker_id=key(person) if person is not None else None,
                speaker_name=person.display_name if person is not None else "",
                speaker_code=participant_code(person.number) if person is not None else "",
            )
        )
    return records


def _follow_speaker(note: Note, speaker_id: uuid.UUID | None) -> None:
    """A note given to another speaker takes its turn along when it was the turn's only
    note (the turn was really theirs), else starts a turn of theirs."""
    if note.turn_id is None:
        return
    others = Note.select().where(
        (Note.turn == note.turn_id) & (Note.id != note.id) & Note.deleted_at.is_null()
    )
    if not others.exists():
        Turn.update(participant=speaker_id, updated_at=utcnow()).where(
            Turn.id == note.turn_id
        ).execute()
        return
    last = Turn.select(fn.MAX(Turn.position)).where(Turn.round == note.round_id).scalar()
    turn = Turn.create(
        round=note.round_id,
        participant=speaker_id,
        position=0 if last is None else int(last) + 1,
        passed=False,
    )
    note.turn = turn


# ---------------------------------------------------------------- the API


class Capture:
    """What the capture screen calls while a sub-group talks."""

    # ------------------------------------------------------------ rounds

    def start_round(
        self,
        subgroup_id: str,
        question: str,
        timebox_minutes: int = DEFAULT_TIMEBOX,
        trend_id: str | None = None,
    ) -> RoundRecord:
        """A new round on `question`; the sub-group's open round, if any, ends now.

        `trend_id`: the trend the round is about (workshop 2); its notes carry it.
        """
        text = clean_line(question, field="Question du tour", max_length=MAX_QUESTION)
        if not 1 <= timebox_minutes <= MAX_TIMEBOX:
            raise InvalidInput(f"Durée du tour : de 1 à {MAX_TIMEBOX} minutes.")
        with writing():
            group = live(SubGroup, subgroup_id, "Sous-groupe")
            trend = _round_trend(group, trend_id)
            now = utcnow()
            Round.update(ended_at=now, updated_at=now).where(
                (Round.subgroup == group) & Round.ended_at.is_null() & Round.deleted_at.is_null()
            ).execute()
            position = Round.select().where(Round.subgroup == group).count()
            row = Round.create(
                subgroup=group,
                position=position,
                question=text,
                timebox_minutes=timebox_minutes,
                trend=trend,
                started_at=now,
            )
        return to_round_record(row, 0, trend)

    def get_round(self, round_id: str) -> RoundRecord:
        rnd, _, _ = _round_context(round_id)
        return to_round_record(rnd, _note_counts([rnd.id])[key(rnd)], _trend_of(rnd))

    def workshop_of(self, subgroup_id: str) -> WorkshopRecord:
        """The workshop a sub-group belongs to: its démarche, number and agenda."""
        group = live(SubGroup, subgroup_id, "Sous-groupe")
        return to_workshop_record(Workshop.get_by_id(group.workshop_id))

    def suggested_timebox(self, subgroup_id: str) -> int:
        """Minutes offered for a new round: the previous round's, else the agenda's.

        The agenda's sub-group sequence (its first non-plenary slot) gives the first round's
        timebox, within the allowed range; without one, `DEFAULT_TIMEBOX`.
        """
        previous = self.rounds(subgroup_id)
        if previous:
            return previous[-1].timebox_minutes
        slots = [s for s in self.workshop_of(subgroup_id).agenda if not s.plenary]
        if not slots:
            return DEFAULT_TIMEBOX
        return max(1, min(MAX_TIMEBOX, slots[0].minutes))

    def rounds(self, subgroup_id: str) -> list[RoundRecord]:
        """The sub-group's rounds, first to last, with their live note counts."""
        group = live(SubGroup, subgroup_id, "Sous-groupe")
        rows = list(
            Round.select(Round, Trend)
            .join(Trend, JOIN.LEFT_OUTER)
            .where((Round.subgroup == group) & Round.deleted_at.is_null())
            .order_by(Round.position)
        )
        counts = _note_counts(r.id for r in rows)
        return [to_round_record(r, counts[key(r)], _trend_of(r)) for r in rows]

    # ------------------------------------------------------------ notes

    def save_note(
        self,
        round_id: str,
        speaker_id: str | None,
        text: str,
        kind: NoteKind | str | None = None,
        indicator: int | None = None,
        pole: Pole | None = None,
    ) -> NoteRecord:
        """Store a note for `speaker_id` (None: anonymous); committed when this returns.

        Empty or blank text raises `InvalidInput` and stores nothing. The note joins the
        speaker's current turn, or opens a new turn when the speaker changed.
        """
        cleaned = clean_note_text(text)
        round_key = as_uuid(round_id)
        speaker_key = as_uuid(speaker_id) if speaker_id is not None else None
        with writing():
            # Checked inside the transaction: the round (or its sub-group, or the speaker)
            # may have been removed by another copy of the program a moment ago.
            context = _NoteContext.read(round_key, speaker_key)
            chosen, indicator, pole = check_tags(context.workshop_number, kind, indicator, pole)
            speaker = context.speaker(speaker_key)
            now = utcnow()
            turn_id = context.turn_for(speaker_key, now)
            note_id = uuid.uuid4()
            stamp = _stamp(now)
            values = (
                note_id.hex,
                stamp,
                stamp,
                context.workshop_id.hex,
                context.subgroup_id.hex,
                round_key.hex,
                turn_id.hex,
                speaker_key.hex if speaker_key is not None else None,
                cleaned,
                chosen.value,
                indicator,
                pole.value if pole is not None else None,
                # In workshop 2 a round is about one trend: its risks and opportunities are too.
                context.trend_id.hex if context.trend_id is not None else None,
            )
            _execute(_INSERT_NOTE_SQL, values)
        return NoteRecord(
            id=str(note_id),
            workshop_id=str(context.workshop_id),
            subgroup_id=str(context.subgroup_id),
            round_id=str(round_key),
            speaker_id=str(speaker_key) if speaker_key is not None else None,
            speaker_name=speaker.display_name if speaker is not None else "",
            speaker_code=participant_code(speaker.number) if speaker is not None else "",
            speaker_college=speaker.college if speaker is not None else None,
            text=cleaned,
            kind=chosen,
            indicator=indicator,
            pole=pole,
            created_at=now,
            updated_at=now,
        )

    def notes(self, round_id: str) -> list[NoteRecord]:
        """The round's live notes, oldest first (newest at the bottom of the screen)."""
        rnd, _, _ = _round_context(round_id)
        return _notes((Note.round == rnd) & Note.deleted_at.is_null())

    def workshop_notes(
        self, demarche_id: str, number: int, session: int | None = 1
    ) -> list[NoteRecord]:
        """Every live note of an evening (`session` None: of all the workshop's evenings,
        planned and extra), oldest first."""
        evenings = evening_ids(demarche_id, number, session)
        return _notes(Note.workshop.in_(evenings) & Note.deleted_at.is_null())

    def wall_notes(self, demarche_id: str, number: int, session: int = 1) -> list[WallNote]:
        """Every live note of an evening as the plenary wall shows it, oldest first.

        Only the four columns the wall needs: a workshop holds thousands of notes.
        """
        workshop = workshop_row(demarche_id, number, session)
        rows = (
            Note.select(Note.subgroup, Note.indicator, Note.pole, Note.text)
            .where((Note.workshop == workshop) & Note.deleted_at.is_null())
            .order_by(Note.created_at)
            .tuples()
        )
        return [
            WallNote(str(group) if group else None, indicator, Pole(pole) if pole else None, text)
            for group, indicator, pole, text in cast(
                "Iterable[tuple[uuid.UUID | None, int | None, str | None, str]]", rows
            )
        ]

    def get_note(self, note_id: str) -> NoteRecord:
        """A note, even a removed one (its record says `deleted`)."""
        return _note_record(_note_row(note_id, deleted=True))

    def undo_last(self, round_id: str) -> NoteRecord | None:
        """Remove the round's newest live note (restorable); None when there is none."""
        with writing():
            rnd, _, _ = _round_context(round_id)
            row = (
                _note_select()
                .where((Note.round == rnd) & Note.deleted_at.is_null())
                .order_by(Note.created_at.desc())
                .first()
            )
            if row is None:
                return None
            _remove_note(row)
        return _note_record(row)

    def remove_note(self, note_id: str) -> NoteRecord:
        """Remove any one note (restorable), e.g. from a list of the round's notes."""
        with writing():
            row = _note_row(note_id)
            _remove_note(row)
        return _note_record(row)

    def restore(self, note_id: str) -> NoteRecord:
        """Bring back a removed note (and its turn); a live note is left as it is."""
        with writing():
            row = _note_row(note_id, deleted=True)
            if row.deleted_at is not None:
                row.deleted_at = None
                row.save()
                if row.turn_id is not None:
                    Turn.update(deleted_at=None, updated_at=utcnow()).where(
                        Turn.id == row.turn_id
                    ).execute()
        return _note_record(row)

    def edit_note(
        self,
        note_id: str,
        text: str,
        kind: NoteKind | str | None,
        indicator: int | None,
        pole: Pole | None,
        speaker_id: str | Same | None = SAME_SPEAKER,
    ) -> NoteRecord:
        """Change a note; its earlier state is kept as a revision first (same transaction).

        `speaker_id`: who said it after all (None: anonymous), a participant of the
        démarche; the earlier speaker stays in the note's history.
        """
        cleaned = clean_note_text(text)
        with writing():
            row = _note_row(note_id)
            workshop = Workshop.get_by_id(row.workshop_id)
            chosen, indicator, pole = check_tags(int(workshop.number), kind, indicator, pole)
            before_speaker = row.speaker_id
            speaker = before_speaker
            if not isinstance(speaker_id, Same):
                speaker = participant_of(workshop, speaker_id).id if speaker_id else None
            after = (cleaned, chosen.value, indicator, pole.value if pole is not None else None)
            if after == (row.text, row.kind, row.indicator, row.pole) and speaker == before_speaker:
                return _note_record(row)
            revision = NoteRevision.create(
                note=row, text=row.text, kind=row.kind, indicator=row.indicator, pole=row.pole
            )
            if speaker != before_speaker:
                _keep_earlier_speaker(revision, before_speaker, workshop.demarche_id)
                _follow_speaker(row, speaker)
                row.speaker_id = speaker
            row.text, row.kind, row.indicator, row.pole = after
            row.save()
        return _note_record(_note_row(note_id))

    def revisions(self, note_id: str) -> list[NoteRevisionRecord]:
        """Earlier states of a note, oldest first, each with who had said it then."""
        note = _note_row(note_id, deleted=True)
        rows = list(
            NoteRevision.select()
            .where((NoteRevision.note == note) & NoteRevision.deleted_at.is_null())
            .order_by(NoteRevision.created_at)
        )
        speaker = str(note.speaker_id) if note.speaker_id is not None else None
        return _revision_records(rows, {key(note): speaker})

    def workshop_revisions(self, demarche_id: str, numbers: Iterable[int]) -> list[RevisionExport]:
        """Every earlier state of the live notes of these workshops, note by note, for the
        workbook: what was first written, and by whom, before a correction."""
        rows = list(
            NoteRevision.select(NoteRevision, Note, Workshop, SubGroup, Round)
            .join(Note)
            .join(Workshop)
            .switch(Note)
            .join(SubGroup, JOIN.LEFT_OUTER)
            .switch(Note)
            .join(Round, JOIN.LEFT_OUTER)
            .where(
                (Workshop.demarche == as_uuid(demarche_id))
                & Workshop.number.in_(list(numbers))
                & Note.deleted_at.is_null()
                & NoteRevision.deleted_at.is_null()
            )
            .order_by(Workshop.number, Note.created_at, NoteRevision.created_at)
        )
        notes = {str(r.note_id): r.note for r in rows}
        speakers_now = {
            note_id: str(note.speaker_id) if note.speaker_id is not None else None
            for note_id, note in notes.items()
        }
        people_now = _speaker_rows(speakers_now.values())
        records = _revision_records(rows, speakers_now)
        exports = []
        for row, record in zip(rows, records, strict=True):
            note = row.note
            group, rnd = note.subgroup, note.round
            now = people_now.get(speakers_now[record.note_id] or "")
            exports.append(
                RevisionExport(
                    workshop_number=int(note.workshop.number),
                    subgroup_name=group.name if group is not None else "",
                    round_number=rnd.position + 1 if rnd is not None else None,
                    note_id=record.note_id,
                    text_now=note.text,
                    code_now=participant_code(now.number) if now is not None else "",
                    revision=record,
                )
            )
        return exports

    # ------------------------------------------------------------ turns

    def record_pass(self, round_id: str, participant_id: str) -> TurnRecord:
        """`participant_id` chose not to speak this time (recorded once in a row)."""
        with writing():
            rnd, _, workshop = _round_context(round_id)
            person = participant_of(workshop, participant_id)
            last = _last_turn(rnd)
            if last is not None and repeats_pass(_as_last(last), key(person)):
                return to_turn_record(last)
            turn = _new_turn(rnd, person, passed=True)
        return to_turn_record(turn)

    def turns(self, round_id: str) -> list[TurnRecord]:
        """The round's live turns in order: who took the floor, who passed."""
        rnd, _, _ = _round_context(round_id)
        rows = (
            Turn.select()
            .where((Turn.round == rnd) & Turn.deleted_at.is_null())
            .order_by(Turn.position)
        )
        return [to_turn_record(r) for r in rows]

    # ------------------------------------------------------------ speaking balance

    def round_balance(self, round_id: str) -> SpeakingBalance:
        """Who spoke, wrote or passed in this round; members in speaking order first."""
        rnd, group, _ = _round_context(round_id)
        return _balance([rnd.id], member_colleges(group.id))

    def balance(self, subgroup_id: str) -> SpeakingBalance:
        """The same over all the sub-group's rounds."""
        group = live(SubGroup, subgroup_id, "Sous-groupe")
        rounds = Round.select(Round.id).where(
            (Round.subgroup == group) & Round.deleted_at.is_null()
        )
        return _balance([r.id for r in rounds], member_colleges(group.id))

    def workshop_balance(self, demarche_id: str, number: int, session: int = 1) -> SpeakingBalance:
        """The same over a whole evening; the people present are the expected speakers."""
        workshop = workshop_row(demarche_id, number, session)
        groups = [g.id for g in live_subgroups(workshop)]
        rounds = (
            Round.select(Round.id).where(Round.subgroup.in_(groups) & Round.deleted_at.is_null())
            if groups
            else []
        )
        members = [(key(p), College(p.college)) for p in present_participants(workshop)]
        return _balance([r.id for r in rounds], members)


def _balance(round_ids: list[uuid.UUID], members: list[tuple[str, College]]) -> SpeakingBalance:
    """Turns, passes and notes of these rounds, counted by `domain.speaking`."""
    if not round_ids:
        return speaking_balance([], members)
    turns = (
        Turn.select(Turn.participant, Turn.passed, Participant.college)
        .join(Participant, JOIN.LEFT_OUTER, on=(Turn.participant == Participant.id))
        .where(Turn.round.in_(round_ids) & Turn.deleted_at.is_null())
        .order_by(Turn.position)
        .tuples()
    )
    notes = (
        Note.select(Note.speaker, Participant.college)
        .join(Participant, JOIN.LEFT_OUTER, on=(Note.speaker == Participant.id))
        .where(Note.round.in_(round_ids) & Note.deleted_at.is_null())
        .order_by(Note.created_at)
        .tuples()
    )
    turn_rows = cast("list[tuple[uuid.UUID | None, bool, str | None]]", list(turns))
    note_rows = cast("list[tuple[uuid.UUID | None, str | None]]", list(notes))
    events = [
        SpeakingEvent(_id(pid), _college(college), "pass" if passed else "turn")
        for pid, passed, college in turn_rows
    ]
    events += [SpeakingEvent(_id(pid), _college(college), "note") for pid, college in note_rows]
    return speaking_balance(events, members)


def _id(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def _college(value: str | None) -> College | None:
    return None if value is None else College(value)
