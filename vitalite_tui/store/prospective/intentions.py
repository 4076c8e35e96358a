"""Action intentions of workshop 2: written or promoted from notes, tied to an axis and a trend.

Each intention keeps the notes it comes from as `Link` rows note → intention (risks,
opportunities, the intention notes said in the sub-groups, any note); its axis (from the
debrief of workshop 1) is the `Intention.axis` column.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, cast

from peewee import JOIN, ModelSelect, fn

from vitalite_tui.db.models import Axis, Intention, Link, Note, SubGroup, Trend, Workshop, utcnow
from vitalite_tui.domain.indicators import INDICATORS, Pole
from vitalite_tui.domain.intentions import MAX_TITLE, promoted
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.domain.notes import NoteKind, check_indicator
from vitalite_tui.domain.text import clean_line, clean_text
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.base import as_uuid, demarche_row, key, writing
from vitalite_tui.store.links import add_link, remove_links
from vitalite_tui.store.lookups import workshop_row
from vitalite_tui.store.prospective.records import (
    AxisChoice,
    IntentionDraft,
    IntentionRecord,
    IntentionSheetRow,
    OriginRecord,
)
from vitalite_tui.store.prospective.trends import RISK_KINDS

MAX_DESCRIPTION = 4000
#: The status of an intention written in workshop 2 (the vote of workshop 3 comes later).
PROPOSED = "proposed"


# ---------------------------------------------------------------- checks


def check_draft(draft: IntentionDraft) -> IntentionDraft:
    """The draft as it will be stored (title, description, indicators), or a French error."""
    title = clean_line(draft.title, field="Intitulé de l'intention", max_length=MAX_TITLE)
    description = clean_text(draft.description)
    if len(description) > MAX_DESCRIPTION:
        raise InvalidInput(
            f"Description : {len(description)} caractères, c'est trop long (au plus "
            f"{MAX_DESCRIPTION})."
        )
    indicators = sorted({n for n in draft.indicators if check_indicator(n) is not None})
    return replace(draft, title=title, description=description, indicators=tuple(indicators))


def _trend_of(demarche: uuid.UUID, trend_id: str | None) -> uuid.UUID | None:
    if trend_id is None:
        return None
    exists = (
        Trend.select()
        .where(
            (Trend.id == as_uuid(trend_id))
            & (Trend.demarche == demarche)
            & Trend.deleted_at.is_null()
        )
        .exists()
    )
    if not exists:
        raise NotFound("Tendance introuvable (supprimée entre-temps ?).")
    return as_uuid(trend_id)


def _kept_or_live_trend(row: Intention, demarche: uuid.UUID, trend_id: str | None) -> Any:
    """The trend an edit gives: the one it had is kept even if removed since, else a live one."""
    current = row.trend_id
    if trend_id is not None and current is not None and str(current) == str(as_uuid(trend_id)):
        return current
    return _trend_of(demarche, trend_id)


def _axis_of(demarche: uuid.UUID, axis_id: str | None) -> uuid.UUID | None:
    if axis_id is None:
        return None
    exists = (
        Axis.select()
        .where(
            (Axis.id == as_uuid(axis_id)) & (Axis.demarche == demarche) & Axis.deleted_at.is_null()
        )
        .exists()
    )
    if not exists:
        raise NotFound("Axe introuvable (supprimé entre-temps ?).")
    return as_uuid(axis_id)


def _row(intention_id: str, *, deleted: bool = False) -> Intention:
    condition = Intention.id == as_uuid(intention_id)
    if not deleted:
        condition &= Intention.deleted_at.is_null()
    row: Intention | None = Intention.get_or_none(condition)
    if row is None:
        raise NotFound("Intention introuvable (supprimée entre-temps ?).")
    return row


def _update(row: Intention, **values: Any) -> None:
    """Write these columns of an intention (ids for its foreign keys), `updated_at` too."""
    Intention.update(**values, updated_at=utcnow()).where(Intention.id == row.id).execute()


# ---------------------------------------------------------------- reading


def _origin_counts(intention_ids: Sequence[uuid.UUID]) -> dict[str, int]:
    """Live notes linked to each intention."""
    if not intention_ids:
        return {}
    rows = (
        Link.select(Link.target_id, fn.COUNT(Link.id))
        .join(Note, on=(Link.source_id == Note.id))
        .where(
            (Link.target_type == LinkKind.INTENTION.value)
            & Link.target_id.in_(list(intention_ids))
            & (Link.source_type == LinkKind.NOTE.value)
            & Link.deleted_at.is_null()
            & Note.deleted_at.is_null()
        )
        .group_by(Link.target_id)
        .tuples()
    )
    return {str(target): int(count) for target, count in cast("list[tuple[Any, int]]", list(rows))}


def _records(condition: Any, order: Sequence[Any]) -> list[IntentionRecord]:
    live_axis = (Intention.axis == Axis.id) & Axis.deleted_at.is_null()
    query = (
        Intention.select(
            Intention.id,
            Intention.demarche,
            Intention.subgroup,
            Intention.trend,
            Intention.title,
            Intention.description,
            Intention.indicators,
            Intention.status,
            Intention.created_at,
            Intention.deleted_at,
            Axis.id.alias("axis_id"),
            Axis.title.alias("axis_title"),
            Trend.title.alias("trend_title"),
            SubGroup.name.alias("subgroup_name"),
        )
        .join(Axis, JOIN.LEFT_OUTER, on=live_axis)
        .switch(Intention)
        .join(Trend, JOIN.LEFT_OUTER, on=(Intention.trend == Trend.id))
        .switch(Intention)
        .join(SubGroup, JOIN.LEFT_OUTER, on=(Intention.subgroup == SubGroup.id))
        .where(condition)
        .order_by(*order)
        .dicts()
    )
    rows = cast("list[dict[str, Any]]", list(query))
    counts = _origin_counts([row["id"] for row in rows])
    return [
        IntentionRecord(
            id=str(row["id"]),
            demarche_id=str(row["demarche"]),
            subgroup_id=str(row["subgroup"]) if row["subgroup"] else None,
            subgroup_name=row["subgroup_name"] or "",
            trend_id=str(row["trend"]) if row["trend"] else None,
            trend_title=row["trend_title"] or "",
            axis_id=str(row["axis_id"]) if row["axis_id"] else None,
            axis_title=row["axis_title"] or "",
            title=row["title"],
            description=row["description"],
            indicators=tuple(row["indicators"] or ()),
            status=row["status"],
            origins=counts.get(str(row["id"]), 0),
            created_at=row["created_at"],
            deleted=row["deleted_at"] is not None,
        )
        for row in rows
    ]


#: Intentions by axis (in the debrief's order, those without one last), then as written.
_BY_AXIS = (fn.COALESCE(Axis.position, 1_000_000), Axis.created_at, Intention.created_at)


def _origin_select(*first: Any) -> ModelSelect[Note]:
    """Notes with what an `OriginRecord` shows (the last columns), after the `first` ones."""
    return (
        Note.select(
            *first,
            Note.id,
            Note.text,
            Note.kind,
            Note.indicator,
            Note.pole,
            Note.trend,
            Note.subgroup,
            SubGroup.name,
            Workshop.number,
        )
        .join(Workshop, on=(Note.workshop == Workshop.id))
        .switch(Note)
        .join(SubGroup, JOIN.LEFT_OUTER, on=(Note.subgroup == SubGroup.id))
    )


def _origin_record(row: Sequence[Any]) -> OriginRecord:
    """A row of `_origin_select` (without its `first` columns) as a record."""
    note_id, text, kind, indicator, pole, trend, subgroup_id, subgroup, number = row
    return OriginRecord(
        id=str(note_id),
        text=text,
        kind=NoteKind(kind),
        indicator=indicator,
        pole=Pole(pole) if pole else None,
        trend_id=str(trend) if trend else None,
        subgroup_id=str(subgroup_id) if subgroup_id else None,
        subgroup_name=subgroup or "",
        workshop_number=number,
    )


def _origin_query(condition: Any) -> list[OriginRecord]:
    rows = (
        _origin_select()
        .where(condition & Note.deleted_at.is_null())
        .order_by(Note.created_at)
        .tuples()
    )
    return [_origin_record(row) for row in cast("list[tuple[Any, ...]]", list(rows))]


def _origins_by_intention(intentions: Any) -> dict[str, list[OriginRecord]]:
    """The live notes the intentions matching `intentions` (a condition on `Intention`) come
    from, oldest link first, by intention id: one query however many intentions there are."""
    rows = (
        _origin_select(Link.target_id)
        .switch(Note)
        .join(Link, on=(Link.source_id == Note.id))
        .join(Intention, on=(Link.target_id == Intention.id))
        .where(
            intentions
            & (Link.target_type == LinkKind.INTENTION.value)
            & (Link.source_type == LinkKind.NOTE.value)
            & Link.deleted_at.is_null()
            & Note.deleted_at.is_null()
        )
        .order_by(Link.created_at)
        .tuples()
    )
    found: dict[str, list[OriginRecord]] = defaultdict(list)
    for target, *note in cast("list[tuple[Any, ...]]", list(rows)):
        found[str(target)].append(_origin_record(note))
    return found


def _linked_note_ids(intention_ids: Sequence[uuid.UUID]) -> dict[str, list[uuid.UUID]]:
    """Per intention, the ids of the notes its live links come from, oldest link first."""
    found: dict[str, list[uuid.UUID]] = {str(i): [] for i in intention_ids}
    if not intention_ids:
        return found
    rows = (
        Link.select(Link.target_id, Link.source_id)
        .where(
            (Link.target_type == LinkKind.INTENTION.value)
            & Link.target_id.in_(list(intention_ids))
            & (Link.source_type == LinkKind.NOTE.value)
            & Link.deleted_at.is_null()
        )
        .order_by(Link.created_at)
        .tuples()
    )
    for target, source in cast("list[tuple[uuid.UUID, uuid.UUID]]", list(rows)):
        found[str(target)].append(source)
    return found


def candidate_order(note: OriginRecord, trend_id: str | None) -> tuple[int, int]:
    """Risks and opportunities first, then the intention notes, then the rest; within each,
    the notes of the intention's own trend first."""
    if note.kind in RISK_KINDS:
        kind = 0
    elif note.kind is NoteKind.INTENTION:
        kind = 1
    else:
        kind = 2
    same = 0 if trend_id is not None and note.trend_id == trend_id else 1
    return kind, same


# ---------------------------------------------------------------- the API


class Intentions:
    """Action intentions: what the sub-groups of workshop 2 propose to do."""

    def all(self, demarche_id: str, *, removed: bool = False) -> list[IntentionRecord]:
        """Live intentions by axis, then as written; with `removed`, the removed ones,
        most recently removed first."""
        demarche = demarche_row(demarche_id)
        if removed:
            return _records(
                (Intention.demarche == demarche) & Intention.deleted_at.is_null(False),
                (Intention.deleted_at.desc(),),
            )
        return _records((Intention.demarche == demarche) & Intention.deleted_at.is_null(), _BY_AXIS)

    def removed_count(self, demarche_id: str) -> int:
        """How many intentions were removed (`all(removed=True)`, counted by SQLite)."""
        demarche = demarche_row(demarche_id)
        return int(
            Intention.select()
            .where((Intention.demarche == demarche) & Intention.deleted_at.is_null(False))
            .count()
        )

    def get(self, intention_id: str) -> IntentionRecord:
        """An intention, even a removed one (its record says `deleted`)."""
        found = _records(Intention.id == as_uuid(intention_id), ())
        if not found:
            raise NotFound("Intention introuvable (supprimée entre-temps ?).")
        return found[0]

    def axes(self, demarche_id: str) -> list[AxisChoice]:
        """The live work axes of the démarche, in the debrief's order."""
        rows = (
            Axis.select(Axis.id, Axis.title, Axis.indicator)
            .where((Axis.demarche == demarche_row(demarche_id)) & Axis.deleted_at.is_null())
            .order_by(Axis.position, Axis.created_at)
            .tuples()
        )
        found = cast("list[tuple[uuid.UUID, str, int | None]]", list(rows))
        return [AxisChoice(str(axis_id), title, number) for axis_id, title, number in found]

    def create(
        self,
        demarche_id: str,
        draft: IntentionDraft,
        *,
        subgroup_id: str | None = None,
        origins: Iterable[str] = (),
    ) -> str:
        """A new intention of workshop 2, linked to the notes `origins` if given."""
        checked = check_draft(draft)
        with writing():
            demarche = as_uuid(key(demarche_row(demarche_id)))
            workshop = workshop_row(demarche_id, 2)
            group = None
            if subgroup_id is not None:
                group = SubGroup.get_or_none(
                    (SubGroup.id == as_uuid(subgroup_id)) & (SubGroup.workshop == workshop)
                )
                if group is None:
                    raise NotFound("Sous-groupe introuvable dans l'atelier 2.")
            row = Intention.create(
                demarche=demarche,
                workshop=workshop,
                subgroup=group,
                trend=_trend_of(demarche, checked.trend_id),
                axis=_axis_of(demarche, checked.axis_id),
                title=checked.title,
                description=checked.description,
                indicators=list(checked.indicators),
                status=PROPOSED,
            )
            self._link(row, origins)
        return key(row)

    def edit(self, intention_id: str, draft: IntentionDraft) -> IntentionRecord:
        """Change title, description, trend, axis and indicators."""
        checked = check_draft(draft)
        with writing():
            row = _row(intention_id)
            demarche = row.demarche_id
            _update(
                row,
                title=checked.title,
                description=checked.description,
                trend=_kept_or_live_trend(row, demarche, checked.trend_id),
                axis=_axis_of(demarche, checked.axis_id),
                indicators=list(checked.indicators),
            )
        return self.get(intention_id)

    def set_axis(self, intention_id: str, axis_id: str | None) -> IntentionRecord:
        """Give the intention an axis (None: none)."""
        with writing():
            row = _row(intention_id)
            _update(row, axis=_axis_of(row.demarche_id, axis_id))
        return self.get(intention_id)

    def remove(self, intention_id: str) -> IntentionRecord:
        """Soft-remove (restorable); its links stay, so it comes back with its origins."""
        with writing():
            row = _row(intention_id)
            row.deleted_at = utcnow()
            row.save()
        return self.get(intention_id)

    def restore(self, intention_id: str) -> IntentionRecord:
        with writing():
            row = _row(intention_id, deleted=True)
            if row.deleted_at is not None:
                row.deleted_at = None
                row.save()
        return self.get(intention_id)

    # ------------------------------------------------------------ origins

    def origins(self, intention_id: str) -> list[OriginRecord]:
        """The live notes the intention comes from, in the order they were linked."""
        row = _row(intention_id, deleted=True)
        ids = _linked_note_ids([row.id])[key(row)]
        return self._notes_in_order(ids, linked=True)

    def _notes_in_order(self, ids: list[uuid.UUID], *, linked: bool) -> list[OriginRecord]:
        if not ids:
            return []
        notes = {n.id: n for n in _origin_query(Note.id.in_(ids))}
        return [replace(notes[str(i)], linked=linked) for i in ids if str(i) in notes]

    def candidates(self, intention_id: str) -> list[OriginRecord]:
        """Live notes of workshop 2 to pick origins from, linked ones marked: risks and
        opportunities first, the intention's own trend first (see `candidate_order`).

        Notes of another workshop already linked are listed too, at the end.
        """
        row = _row(intention_id)
        record = self.get(intention_id)
        linked = set(map(str, _linked_note_ids([row.id])[key(row)]))
        workshop = workshop_row(str(row.demarche_id), 2)
        notes = _origin_query(Note.workshop == workshop)
        others = [n for n in self.origins(intention_id) if n.workshop_number != 2]
        ordered = sorted(notes, key=lambda n: candidate_order(n, record.trend_id))
        return [replace(n, linked=n.id in linked) for n in ordered] + others

    def set_origins(self, intention_id: str, note_ids: Iterable[str]) -> int:
        """Make exactly these notes the intention's origins; how many it now has."""
        wanted = list(dict.fromkeys(str(as_uuid(n)) for n in note_ids))
        with writing():
            row = _row(intention_id)
            current = {str(i) for i in _linked_note_ids([row.id])[key(row)]}
            dropped = current - set(wanted)
            if dropped:
                remove_links(LinkKind.INTENTION, row.id, LinkKind.NOTE, dropped)
            self._link(row, [i for i in wanted if i not in current])
        return len(self.origins(intention_id))

    @staticmethod
    def _link(row: Intention, note_ids: Iterable[str]) -> None:
        """Link notes of the intention's démarche to it (inside `writing()`)."""
        ids = [as_uuid(i) for i in note_ids]
        if not ids:
            return
        demarche = row.demarche_id
        found = {
            note_id
            for (note_id,) in cast(
                "list[tuple[uuid.UUID]]",
                list(
                    Note.select(Note.id)
                    .join(Workshop, on=(Note.workshop == Workshop.id))
                    .where(
                        Note.id.in_(ids)
                        & (Workshop.demarche == demarche)
                        & Note.deleted_at.is_null()
                    )
                    .tuples()
                ),
            )
        }
        if len(found) != len(set(ids)):
            raise NotFound("Une des notes choisies est introuvable (supprimée entre-temps ?).")
        for note_id in ids:
            add_link(demarche, LinkKind.NOTE, note_id, LinkKind.INTENTION, row.id)

    # ------------------------------------------------------------ promotion

    def pending(self, demarche_id: str) -> int:
        """Intention notes of workshop 2 that no intention comes from yet (`promote` them).

        Counted by SQLite (the notes `promote` would take): a list shows only the count.
        """
        workshop = workshop_row(demarche_id, 2)
        taken = Link.select(Link.source_id).where(
            (Link.source_type == LinkKind.NOTE.value)
            & (Link.target_type == LinkKind.INTENTION.value)
            & Link.deleted_at.is_null()
        )
        return int(
            Note.select()
            .where(
                (Note.workshop == workshop)
                & (Note.kind == NoteKind.INTENTION.value)
                & Note.deleted_at.is_null()
                & Note.id.not_in(taken)
            )
            .count()
        )

    def _unpromoted(self, demarche_id: str) -> list[OriginRecord]:
        workshop = workshop_row(demarche_id, 2)
        notes = _origin_query((Note.workshop == workshop) & (Note.kind == NoteKind.INTENTION.value))
        if not notes:
            return []
        taken = {
            str(source)
            for (source,) in cast(
                "list[tuple[uuid.UUID]]",
                list(
                    Link.select(Link.source_id)
                    .where(
                        (Link.source_type == LinkKind.NOTE.value)
                        & (Link.target_type == LinkKind.INTENTION.value)
                        & Link.source_id.in_([as_uuid(n.id) for n in notes])
                        & Link.deleted_at.is_null()
                    )
                    .tuples()
                ),
            )
        }
        return [note for note in notes if note.id not in taken]

    def promote(self, demarche_id: str) -> list[str]:
        """Each intention note of workshop 2 that no intention comes from becomes one.

        Title from the note (see `domain.intentions.intention_title`; the whole note goes
        into the description when the title had to be cut), its trend, sub-group and
        indicator; linked to its note. Idempotent: a note linked to an intention, even a
        removed one, is not promoted again. Returns the ids of the intentions made.
        """
        made: list[str] = []
        with writing():
            demarche = as_uuid(key(demarche_row(demarche_id)))
            workshop = workshop_row(demarche_id, 2)
            notes = self._unpromoted(demarche_id)
            for note in notes:
                title, description = promoted(note.text)
                row = Intention.create(
                    demarche=demarche,
                    workshop=workshop,
                    subgroup=as_uuid(note.subgroup_id) if note.subgroup_id else None,
                    trend=as_uuid(note.trend_id) if note.trend_id else None,
                    title=title,
                    description=description,
                    indicators=[note.indicator] if note.indicator is not None else [],
                    status=PROPOSED,
                )
                add_link(demarche, LinkKind.NOTE, note.id, LinkKind.INTENTION, row.id)
                made.append(key(row))
        return made

    # ------------------------------------------------------------ export and scenario

    def sheet(self, demarche_id: str) -> list[IntentionSheetRow]:
        """Every live intention (by axis) with its origins, for the workbook."""
        intentions = self.all(demarche_id)
        live = (Intention.demarche == as_uuid(demarche_id)) & Intention.deleted_at.is_null()
        origins = _origins_by_intention(live) if intentions else {}
        return [IntentionSheetRow(i, origins.get(i.id, [])) for i in intentions]

    def titles_by_indicator(self, demarche_id: str) -> dict[int, list[str]]:
        """The titles of the live intentions tagged with each indicator (1–4), by axis."""
        found: dict[int, list[str]] = {shown.number: [] for shown in INDICATORS}
        for intention in self.all(demarche_id):
            for number in intention.indicators:
                if number in found:
                    found[number].append(intention.title)
        return found
