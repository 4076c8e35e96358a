"""Work axes of the workshop-1 debrief: named, ordered, removed and restored; notes filed in them.

An axis belongs to a démarche (and to its workshop 1). A note's axis is `Note.axis` (one at
most), an intention's is `Intention.axis`. Removing an axis is soft and leaves those links as
they are: the axis no longer shows and its notes show as in none, until it is restored.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, cast

from peewee import JOIN, fn

from vitalite_tui.db.models import Axis, Intention, Note, SubGroup, Workshop, utcnow
from vitalite_tui.domain.debrief import DebriefFilter
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind, check_indicator
from vitalite_tui.domain.text import clean_line, clean_text, fold
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.base import (
    as_uuid,
    dashed,
    demarche_row,
    key,
    raw_rows,
    soft_delete,
    writing,
)
from vitalite_tui.store.felt.debrief_records import (
    AxesExport,
    AxisDraft,
    AxisRecord,
    DebriefNote,
    FiledNote,
)
from vitalite_tui.store.lookups import evening_ids, workshop_row

if TYPE_CHECKING:
    from vitalite_tui.store.workshops.capture import Capture

MAX_TITLE = 120
MAX_DESCRIPTION = 2000
#: The workshop whose debrief names the axes.
AXES_WORKSHOP = 1


# ---------------------------------------------------------------- rows and records


def live_axes(demarche_id: str | uuid.UUID) -> list[Axis]:
    """The démarche's live axes in the order shown."""
    return list(
        Axis.select()
        .where((Axis.demarche == as_uuid(demarche_id)) & Axis.deleted_at.is_null())
        .order_by(Axis.position, Axis.created_at)
    )


def _counts(model: type[Note] | type[Intention], axis_ids: Sequence[uuid.UUID]) -> Counter[str]:
    """Live rows of `model` (notes or intentions) per axis id."""
    if not axis_ids:
        return Counter()
    rows = (
        model.select(model.axis, fn.COUNT(model.id))
        .where(model.axis.in_(list(axis_ids)) & model.deleted_at.is_null())
        .group_by(model.axis)
        .tuples()
    )
    pairs = cast("list[tuple[uuid.UUID, int]]", list(rows))
    return Counter({str(axis_id): int(count) for axis_id, count in pairs})


def _records(rows: Sequence[Axis], numbers: Iterable[int | None]) -> list[AxisRecord]:
    ids = [row.id for row in rows]
    notes, intentions = _counts(Note, ids), _counts(Intention, ids)
    return [
        AxisRecord(
            id=key(row),
            demarche_id=str(row.demarche_id),
            number=number,
            title=row.title,
            description=row.description,
            indicator=row.indicator,
            note_count=notes[key(row)],
            intention_count=intentions[key(row)],
            removed=row.deleted_at is not None,
        )
        for row, number in zip(rows, numbers, strict=True)
    ]


def _renumber(rows: Sequence[Axis]) -> None:
    """Positions 0, 1, … in this order (only the rows that change are written)."""
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            row.save()


def _axis_row(axis_id: str, *, removed: bool = False) -> Axis:
    """A live axis (or a removed one too, when `removed`)."""
    condition = Axis.id == as_uuid(axis_id)
    if not removed:
        condition &= Axis.deleted_at.is_null()
    row: Axis | None = Axis.get_or_none(condition)
    if row is None:
        raise NotFound("Axe introuvable (supprimé entre-temps ?).")
    return row


def _clean(draft: AxisDraft) -> tuple[str, str, int | None]:
    title = clean_line(draft.title, field="Titre de l'axe", max_length=MAX_TITLE)
    description = clean_text(draft.description)
    if len(description) > MAX_DESCRIPTION:
        raise InvalidInput(
            f"Description : {len(description)} caractères, c'est trop long "
            f"(au plus {MAX_DESCRIPTION})."
        )
    return title, description, check_indicator(draft.indicator)


def _check_title_free(demarche_id: uuid.UUID, title: str, axis_id: uuid.UUID | None) -> None:
    """Two live axes never share a title (accents and capitals aside): digits would mislead."""
    for row in live_axes(demarche_id):
        if row.id != axis_id and fold(row.title) == fold(title):
            raise InvalidInput(
                f"Un axe s'appelle déjà « {row.title} » : choisissez un autre titre."
            )


# ---------------------------------------------------------------- the API


class Axes:
    """The axes of a démarche, and the notes of workshop 1 as the debrief groups them."""

    def __init__(self, capture: Capture) -> None:
        self._capture = capture

    # ------------------------------------------------------------ axes

    def all(self, demarche_id: str, *, removed: bool = False) -> list[AxisRecord]:
        """Live axes numbered 1, 2, … in order, with their counts; then, if asked, removed ones."""
        demarche = demarche_row(demarche_id)
        rows = live_axes(demarche.id)
        records = _records(rows, range(1, len(rows) + 1))
        if removed:
            gone = list(
                Axis.select()
                .where((Axis.demarche == demarche) & Axis.deleted_at.is_null(False))
                .order_by(Axis.position, Axis.created_at)
            )
            records += _records(gone, [None] * len(gone))
        return records

    def get(self, axis_id: str) -> AxisRecord:
        """An axis, even a removed one (its record says `removed`)."""
        row = _axis_row(axis_id, removed=True)
        if row.deleted_at is not None:
            return _records([row], [None])[0]
        rows = live_axes(row.demarche_id)
        number = [r.id for r in rows].index(row.id) + 1
        return _records([row], [number])[0]

    def create(self, demarche_id: str, draft: AxisDraft) -> AxisRecord:
        """A new axis, last in order; `InvalidInput` (French) when the draft cannot be stored."""
        title, description, indicator = _clean(draft)
        with writing():
            demarche = demarche_row(demarche_id)
            _check_title_free(demarche.id, title, None)
            row = Axis.create(
                demarche=demarche,
                workshop=workshop_row(demarche_id, AXES_WORKSHOP),
                title=title,
                description=description,
                indicator=indicator,
                position=len(live_axes(demarche.id)),
            )
        return self.get(key(row))

    def edit(self, axis_id: str, draft: AxisDraft) -> AxisRecord:
        """Change an axis's title, description or indicator; its notes stay filed in it."""
        title, description, indicator = _clean(draft)
        with writing():
            row = _axis_row(axis_id)
            _check_title_free(row.demarche_id, title, row.id)
            row.title, row.description, row.indicator = title, description, indicator
            row.save()
        return self.get(axis_id)

    def move(self, axis_id: str, offset: int) -> bool:
        """Move an axis up (-1) or down (+1) in the order; False when it is already at the end."""
        with writing():
            row = _axis_row(axis_id)
            rows = live_axes(row.demarche_id)
            index = [r.id for r in rows].index(row.id)
            target = index + offset
            if not 0 <= target < len(rows):
                return False
            rows.insert(target, rows.pop(index))
            _renumber(rows)
        return True

    def remove(self, axis_id: str) -> AxisRecord:
        """Remove an axis (restorable): its notes and intentions keep their link to it."""
        with writing():
            row = _axis_row(axis_id)
            soft_delete(row)
            _renumber(live_axes(row.demarche_id))
        return self.get(axis_id)

    def restore(self, axis_id: str) -> AxisRecord:
        """Bring a removed axis back where it was in the order, with its notes."""
        with writing():
            row = _axis_row(axis_id, removed=True)
            if row.deleted_at is None:
                return self.get(axis_id)
            rows = live_axes(row.demarche_id)
            _check_title_free(row.demarche_id, row.title, row.id)
            rows.insert(min(row.position, len(rows)), row)
            row.deleted_at = None
            row.position = -1  # always rewritten by the renumbering below
            _renumber(rows)
        return self.get(axis_id)

    # ------------------------------------------------------------ notes

    def assign(self, note_ids: Sequence[str], axis_id: str | None) -> int:
        """File live notes in an axis (None: in no axis), in one transaction; how many changed."""
        ids = list(dict.fromkeys(as_uuid(note_id) for note_id in note_ids))
        if not ids:
            return 0
        with writing():
            axis = _axis_row(axis_id) if axis_id is not None else None
            query = (
                Note.select(Note.id, Note.axis, Workshop.demarche)
                .join(Workshop)
                .where(Note.id.in_(ids) & Note.deleted_at.is_null())
                .tuples()
            )
            notes = cast("list[tuple[uuid.UUID, uuid.UUID | None, uuid.UUID]]", list(query))
            if len(notes) != len(ids):
                raise NotFound("Note introuvable (supprimée entre-temps ?).")
            if axis is not None and any(demarche != axis.demarche_id for _, _, demarche in notes):
                raise InvalidInput("Cet axe appartient à une autre démarche que ces notes.")
            target = axis.id if axis is not None else None
            changed = [note_id for note_id, current, _ in notes if current != target]
            if changed:
                Note.update(axis=target, updated_at=utcnow()).where(Note.id.in_(changed)).execute()
        return len(changed)

    def notes(
        self,
        demarche_id: str,
        number: int = AXES_WORKSHOP,
        chosen: DebriefFilter | None = None,
    ) -> list[DebriefNote]:
        """Live notes of a workshop that pass the filter, by sub-group then oldest first."""
        chosen = chosen or DebriefFilter()
        # The workshop's extra evenings too: their notes are filed in the same axes.
        evenings = evening_ids(demarche_id, number, None)
        records = self._capture.workshop_notes(demarche_id, number, None)
        # Ids as stored, dashed as the records carry them: no UUID parsed per note.
        filed = {
            dashed(note_id): dashed(axis_id)
            for note_id, axis_id in raw_rows(
                Note.select(Note.id, Note.axis).where(
                    Note.workshop.in_(evenings)
                    & Note.deleted_at.is_null()
                    & Note.axis.is_null(False)
                )
            )
        }
        axes = {axis.id: axis for axis in self.all(demarche_id)}
        groups = {
            key(row): row
            for row in SubGroup.select(SubGroup.id, SubGroup.name, SubGroup.position).where(
                SubGroup.workshop.in_(evenings)
            )
        }
        shown = []
        for record in records:
            group = groups.get(record.subgroup_id or "")
            axis_key = filed.get(record.id)
            axis = axes.get(axis_key) if axis_key is not None else None
            note = DebriefNote(
                note=record,
                subgroup_name=group.name if group is not None else "",
                subgroup_number=group.position + 1 if group is not None else None,
                axis_id=axis.id if axis is not None else None,
                axis_number=axis.number if axis is not None else None,
                axis_title=axis.title if axis is not None else "",
            )
            if note.passes(chosen):
                shown.append(note)
        # Stable: within a sub-group the notes keep their time order.
        shown.sort(key=lambda n: n.subgroup_number or 0)
        return shown

    def export(self, demarche_id: str) -> AxesExport:
        """The live axes, then the workshop-1 notes filed in them (by axis, then sub-group as
        `notes` orders them, then time), for the workbook: only the columns it shows."""
        axes = self.all(demarche_id)
        live = {as_uuid(axis.id): axis for axis in axes}
        rows = (
            Note.select(
                Note.axis,
                SubGroup.name,
                SubGroup.position,
                Note.kind,
                Note.indicator,
                Note.pole,
                Note.text,
            )
            .join(SubGroup, JOIN.LEFT_OUTER, on=(Note.subgroup == SubGroup.id))
            .where(
                (Note.workshop == workshop_row(demarche_id, AXES_WORKSHOP))
                & Note.deleted_at.is_null()
                & Note.axis.is_null(False)
            )
            .order_by(Note.created_at)
            .tuples()
        )
        filed: list[tuple[tuple[int, int], FiledNote]] = []
        for axis_id, group, position, kind, indicator, pole, text in cast(
            "list[tuple[uuid.UUID, str | None, int | None, str, int | None, str | None, str]]",
            list(rows),
        ):
            axis = live.get(axis_id)
            if axis is None:
                continue  # filed in a removed axis: in none until it is restored
            note = FiledNote(
                axis_number=axis.number,
                axis_title=axis.title,
                subgroup_name=group or "",
                kind=NoteKind(kind),
                indicator=indicator,
                pole=Pole(pole) if pole else None,
                text=text,
            )
            filed.append(((axis.number or 0, 0 if position is None else position + 1), note))
        filed.sort(key=lambda pair: pair[0])  # stable: time order within a sub-group
        return AxesExport(axes, [note for _, note in filed])
