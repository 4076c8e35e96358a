"""Trends of workshop 2: the catalogue copied per démarche, reworded, chosen and ordered.

A démarche gets its own copy of the shipped catalogue (`schemas/tendances.json`) the first
time its trends are asked for; from then on the facilitators add local trends, reword
them, choose which to present and in which order. Risks and opportunities are notes tagged
with the trend of their round (`Note.trend`).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import Any, cast

from peewee import JOIN, fn

from vitalite_tui.db.models import Note, Round, SubGroup, Trend, Workshop
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.text import clean_line, clean_text, fold
from vitalite_tui.domain.trends import (
    MAX_DESCRIPTION,
    MAX_TITLE,
    Catalogue,
    catalogue_problems,
    moved,
    parse_catalogue,
)
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.formats.schemas import TRENDS_SCHEMA, load_json, validate
from vitalite_tui.paths import schemas_dir
from vitalite_tui.store.base import as_uuid, demarche_row, key, live, soft_delete, writing
from vitalite_tui.store.prospective.records import (
    IndicatorCount,
    RoundTrendChoice,
    TrendNoteRecord,
    TrendRecord,
    TrendSheet,
)

DEFAULT_CATALOGUE = "tendances.json"

#: The note kinds a trend's sub-groups find: what could go wrong, what could go right.
RISK_KINDS = (NoteKind.RISQUE, NoteKind.OPPORTUNITE)


# ---------------------------------------------------------------- the catalogue


def check_catalogue(document: Any, source: str) -> Catalogue:
    """The catalogue if it is usable; `InvalidInput` (French, with the place) otherwise."""
    validate(document, TRENDS_SCHEMA, source)
    problems = catalogue_problems(document)
    if problems:
        raise InvalidInput(f"{source} : " + " ; ".join(problems) + ".")
    return parse_catalogue(document)


@cache
def default_catalogue() -> Catalogue:
    """The catalogue shipped in `schemas/`, read once.

    Not checked against its schema here: it ships with the program and the suite checks it
    (tests/store/test_trends.py). Compiling the schema's validator costs a few megabytes of
    memory at its peak, in every export and workshop-2 screen, to learn nothing new.
    """
    return parse_catalogue(load_json(schemas_dir() / DEFAULT_CATALOGUE))


# ---------------------------------------------------------------- rows and records


def clean_title(title: str) -> str:
    return clean_line(title, field="Intitulé de la tendance", max_length=MAX_TITLE)


def clean_description(text: str) -> str:
    cleaned = clean_text(text)
    if len(cleaned) > MAX_DESCRIPTION:
        raise InvalidInput(
            f"Description : {len(cleaned)} caractères, c'est trop long (au plus {MAX_DESCRIPTION})."
        )
    return cleaned


def _note_counts(trend_ids: Iterable[uuid.UUID]) -> dict[str, Counter[str]]:
    """Per trend: live notes by kind (risks, opportunities…) and `"all"`."""
    ids = list(trend_ids)
    found: dict[str, Counter[str]] = {str(i): Counter() for i in ids}
    if not ids:
        return found
    rows = (
        Note.select(Note.trend, Note.kind, fn.COUNT(Note.id))
        .where(Note.trend.in_(ids) & Note.deleted_at.is_null())
        .group_by(Note.trend, Note.kind)
        .tuples()
    )
    for trend_id, kind, count in cast("list[tuple[uuid.UUID, str, int]]", list(rows)):
        counter = found[str(trend_id)]
        counter[kind] += int(count)
        counter["all"] += int(count)
    return found


def _record(row: Trend, counts: Counter[str], catalogue: Catalogue) -> TrendRecord:
    entry = catalogue.get(row.code)
    return TrendRecord(
        id=key(row),
        demarche_id=str(row.demarche_id),
        code=row.code,
        title=row.title,
        description=row.description,
        source=row.source,
        selected=row.selected,
        position=row.position,
        indicators=entry.indicators if entry is not None else (),
        risks=counts[NoteKind.RISQUE.value],
        opportunities=counts[NoteKind.OPPORTUNITE.value],
        notes=counts["all"],
        deleted=row.deleted_at is not None,
    )


def _records(rows: list[Trend]) -> list[TrendRecord]:
    counts = _note_counts(row.id for row in rows)
    catalogue = default_catalogue()
    return [_record(row, counts[key(row)], catalogue) for row in rows]


def _live_rows(demarche_id: str) -> list[Trend]:
    return list(
        Trend.select()
        .where((Trend.demarche == as_uuid(demarche_id)) & Trend.deleted_at.is_null())
        .order_by(Trend.position, Trend.created_at)
    )


def _trend_row(trend_id: str, *, deleted: bool = False) -> Trend:
    condition = Trend.id == as_uuid(trend_id)
    if not deleted:
        condition &= Trend.deleted_at.is_null()
    row: Trend | None = Trend.get_or_none(condition)
    if row is None:
        raise NotFound("Tendance introuvable (supprimée entre-temps ?).")
    return row


def _renumber(rows: list[Trend]) -> None:
    """Positions 0, 1, 2… in the order given (only rows whose position changes are saved)."""
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            row.save()


def catalogue_copied(demarche_id: str) -> bool:
    """The démarche already got its copy of the catalogue (some of it may be removed since)."""
    return bool(
        Trend.select()
        .where((Trend.demarche == as_uuid(demarche_id)) & Trend.code.is_null(False))
        .exists()
    )


def copy_catalogue(demarche_id: str, catalogue: Catalogue) -> int:
    """Copy the catalogue's trends into the démarche once; how many were copied.

    Inside the caller's write transaction. Once any catalogue trend was copied (even if
    removed since), nothing is copied again: a removed trend stays removed.
    """
    demarche = as_uuid(demarche_id)
    if catalogue_copied(demarche_id):
        return 0
    last = Trend.select(fn.MAX(Trend.position)).where(Trend.demarche == demarche).scalar()
    start = 0 if last is None else int(last) + 1
    rows = [
        {
            "id": uuid.uuid4(),
            "demarche": demarche,
            "code": trend.code,
            "title": trend.title,
            "description": trend.description,
            "source": trend.source,
            "selected": False,
            "position": start + index,
        }
        for index, trend in enumerate(catalogue.trends)
    ]
    Trend.insert_many(rows).execute()
    return len(rows)


# ---------------------------------------------------------------- the API


class Trends:
    """The trends a démarche presents at workshop 2, and their risks and opportunities."""

    def ensure(self, demarche_id: str) -> None:
        """Copy the shipped catalogue into the démarche if it never was (idempotent).

        Reading first: once copied, listing the trends takes no write lock.
        """
        demarche_row(demarche_id)
        if catalogue_copied(demarche_id):
            return
        with writing():
            copy_catalogue(demarche_id, default_catalogue())

    def all(self, demarche_id: str, *, removed: bool = False) -> list[TrendRecord]:
        """The démarche's trends in their order (the catalogue copied on the first call).

        With `removed`, the removed ones instead, most recently removed first.
        """
        self.ensure(demarche_id)
        if removed:
            rows = list(
                Trend.select()
                .where((Trend.demarche == as_uuid(demarche_id)) & Trend.deleted_at.is_null(False))
                .order_by(Trend.deleted_at.desc())
            )
            return _records(rows)
        return _records(_live_rows(demarche_id))

    def presented(self, demarche_id: str) -> list[TrendRecord]:
        """The trends chosen for presentation, in their order."""
        return [trend for trend in self.all(demarche_id) if trend.selected]

    def existing(self, demarche_id: str) -> list[TrendRecord]:
        """The live trends without copying the catalogue (for exports: reading only)."""
        demarche_row(demarche_id)
        return _records(_live_rows(demarche_id))

    def get(self, trend_id: str) -> TrendRecord:
        """A trend, even a removed one (its record says `deleted`)."""
        return _records([_trend_row(trend_id, deleted=True)])[0]

    def add(
        self, demarche_id: str, title: str, description: str = "", *, selected: bool = True
    ) -> str:
        """A trend written locally, at the end of the list (presented unless said otherwise)."""
        cleaned = clean_title(title)
        text = clean_description(description)
        with writing():
            demarche_row(demarche_id)
            copy_catalogue(demarche_id, default_catalogue())
            rows = _live_rows(demarche_id)
            if any(fold(row.title) == fold(cleaned) for row in rows):
                raise InvalidInput(f"La tendance « {cleaned} » est déjà dans la liste.")
            last = max((row.position for row in rows), default=-1)
            row = Trend.create(
                demarche=as_uuid(demarche_id),
                code=None,
                title=cleaned,
                description=text,
                selected=selected,
                position=last + 1,
            )
        return key(row)

    def reword(self, trend_id: str, title: str, description: str) -> TrendRecord:
        """New title and description (a catalogue trend keeps its code)."""
        cleaned = clean_title(title)
        text = clean_description(description)
        with writing():
            row = _trend_row(trend_id)
            others = _live_rows(str(row.demarche_id))
            if any(fold(o.title) == fold(cleaned) and o.id != row.id for o in others):
                raise InvalidInput(f"La tendance « {cleaned} » est déjà dans la liste.")
            if (row.title, row.description) != (cleaned, text):
                row.title, row.description = cleaned, text
                row.save()
        return self.get(trend_id)

    def set_selected(self, trend_id: str, selected: bool) -> TrendRecord:
        with writing():
            row = _trend_row(trend_id)
            if row.selected != selected:
                row.selected = selected
                row.save()
        return self.get(trend_id)

    def toggle(self, trend_id: str) -> TrendRecord:
        """Presented ↔ not presented."""
        return self.set_selected(trend_id, not _trend_row(trend_id).selected)

    def move(self, trend_id: str, step: int) -> None:
        """Move a trend up (-1) or down (1) among the live ones; at an end, nothing moves."""
        with writing():
            row = _trend_row(trend_id)
            rows = _live_rows(str(row.demarche_id))
            index = next(i for i, r in enumerate(rows) if r.id == row.id)
            _renumber(moved(rows, index, step))

    def remove(self, trend_id: str) -> TrendRecord:
        """Soft-remove a trend (restorable); its notes and rounds keep pointing to it."""
        with writing():
            soft_delete(_trend_row(trend_id))
        return self.get(trend_id)

    def restore(self, trend_id: str) -> TrendRecord:
        """Bring a removed trend back, at the end of the list."""
        with writing():
            row = _trend_row(trend_id, deleted=True)
            if row.deleted_at is not None:
                rows = _live_rows(str(row.demarche_id))
                row.deleted_at = None
                row.position = max((r.position for r in rows), default=-1) + 1
                row.save()
        return self.get(trend_id)

    # ------------------------------------------------------------ risks and opportunities

    def by_indicator(self, trend_id: str) -> list[IndicatorCount]:
        """Risks and opportunities of a trend per indicator: 1–4, then untagged if any."""
        trend = _trend_row(trend_id, deleted=True)
        rows = (
            Note.select(Note.indicator, Note.kind, fn.COUNT(Note.id))
            .where(
                (Note.trend == trend)
                & Note.deleted_at.is_null()
                & Note.kind.in_([k.value for k in RISK_KINDS])
            )
            .group_by(Note.indicator, Note.kind)
            .tuples()
        )
        counts: Counter[tuple[int | None, str]] = Counter()
        for indicator, kind, count in cast("list[tuple[int | None, str, int]]", list(rows)):
            counts[(indicator, kind)] += int(count)
        numbers: list[int | None] = [shown.number for shown in INDICATORS]
        if counts[(None, NoteKind.RISQUE.value)] or counts[(None, NoteKind.OPPORTUNITE.value)]:
            numbers.append(None)
        return [
            IndicatorCount(
                number,
                counts[(number, NoteKind.RISQUE.value)],
                counts[(number, NoteKind.OPPORTUNITE.value)],
            )
            for number in numbers
        ]

    def round_choice(self, subgroup_id: str) -> RoundTrendChoice:
        """The trends a new round of this sub-group can be about (none outside workshop 2).

        Suggested: the next trend the sub-group has not talked about yet (the one its theme
        names first, then in the order presented), else none: a round on the previous
        round's trend is chosen on purpose, never left there by default.
        """
        group = live(SubGroup, subgroup_id, "Sous-groupe")
        workshop = Workshop.get_by_id(group.workshop_id)
        if workshop.number != 2:
            return RoundTrendChoice((), None)
        presented = self.presented(str(workshop.demarche_id))
        options = tuple((trend.id, trend.title) for trend in presented)
        if not options:
            return RoundTrendChoice((), None)
        rows = (
            Round.select(Round.trend)
            .where((Round.subgroup == group) & Round.deleted_at.is_null())
            .tuples()
        )
        seen = {str(trend_id) for (trend_id,) in cast("list[tuple[uuid.UUID | None]]", list(rows))}
        theme = fold(group.theme.strip())
        named = [t.id for t in presented if theme and fold(t.title) == theme]
        unseen = [t for t in (*named, *(t for t, _ in options)) if t not in seen]
        return RoundTrendChoice(options, unseen[0] if unseen else None)

    # ------------------------------------------------------------ export

    def sheets(self, demarche_id: str) -> list[TrendSheet]:
        """Each live trend with its risks and opportunities (workshop 2, oldest first), then
        those of rounds without a trend. Reads only: the catalogue is not copied here."""
        trends = self.existing(demarche_id)
        rows = (
            Note.select(Note.trend, Note.kind, Note.indicator, Note.text, SubGroup.name)
            .join(Workshop, on=(Note.workshop == Workshop.id))
            .switch(Note)
            .join(SubGroup, JOIN.LEFT_OUTER, on=(Note.subgroup == SubGroup.id))
            .where(
                (Workshop.demarche == as_uuid(demarche_id))
                & (Workshop.number == 2)
                & Note.deleted_at.is_null()
                & Note.kind.in_([k.value for k in RISK_KINDS])
            )
            .order_by(Note.created_at)
            .tuples()
        )
        grouped: dict[str | None, list[TrendNoteRecord]] = {}
        found = cast("list[tuple[uuid.UUID | None, str, int | None, str, str | None]]", list(rows))
        for trend_id, kind, indicator, text, subgroup in found:
            grouped.setdefault(str(trend_id) if trend_id else None, []).append(
                TrendNoteRecord(NoteKind(kind), indicator, text, subgroup or "")
            )
        sheets = [TrendSheet(trend, grouped.pop(trend.id, [])) for trend in trends]
        # Notes of a removed trend, or of rounds without one, are not lost from the sheet.
        orphans = [note for notes in grouped.values() for note in notes]
        if orphans:
            sheets.append(TrendSheet(None, orphans))
        return sheets
