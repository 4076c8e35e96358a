"""What a workshop produced beyond its notes, for the recap that opens the next one.

Workshop 1 → its debrief's work axes; workshop 2 → its intentions (by axis) and the scenario
sketch; workshop 3 → the actions kept by the vote. Read in a few queries, no names.
"""

from __future__ import annotations

from collections import Counter
from typing import cast

from peewee import JOIN, fn

from vitalite_tui.db.models import (
    Action,
    Axis,
    Demarche,
    Intention,
    Note,
    Scenario,
    Trend,
    Workshop,
)
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.workshops.records import RecapAxis, RecapContents, RecapIntention


def previous_contents(demarche: Demarche, previous: Workshop) -> RecapContents:
    if previous.number == 1:
        return RecapContents(axes=axes(demarche))
    if previous.number == 2:
        return RecapContents(intentions=intentions(previous), scenario=scenario(demarche))
    if previous.number == 3:
        return RecapContents(kept_actions=kept_actions(demarche))
    return RecapContents()


def axes(demarche: Demarche) -> list[RecapAxis]:
    axis_ids = (
        Note.select(Note.axis)
        .join(Workshop)
        .where(
            (Workshop.demarche == demarche) & Note.axis.is_null(False) & Note.deleted_at.is_null()
        )
        .tuples()
    )
    counts = Counter(str(axis_id) for (axis_id,) in cast("list[tuple[object]]", list(axis_ids)))
    rows = (
        Axis.select()
        .where((Axis.demarche == demarche) & Axis.deleted_at.is_null())
        .order_by(Axis.position, Axis.created_at)
    )
    return [RecapAxis(row.title, row.indicator, counts[str(row.id)]) for row in rows]


def intentions(previous: Workshop) -> list[RecapIntention]:
    """The intentions of `previous`'s workshop, of its planned and extra evenings alike."""
    evenings = Workshop.select(Workshop.id).where(
        (Workshop.demarche == previous.demarche_id) & (Workshop.number == previous.number)
    )
    live_axis = (Intention.axis == Axis.id) & Axis.deleted_at.is_null()
    rows = (
        Intention.select(Intention.title, Axis.title, Trend.title)
        .join(Axis, JOIN.LEFT_OUTER, on=live_axis)
        .switch(Intention)
        .join(Trend, JOIN.LEFT_OUTER, on=(Intention.trend == Trend.id))
        .where(Intention.workshop.in_(evenings) & Intention.deleted_at.is_null())
        .order_by(fn.COALESCE(Axis.position, 1_000_000), Intention.created_at)
        .tuples()
    )
    found = cast("list[tuple[str, str | None, str | None]]", list(rows))
    return [RecapIntention(title, axis or "", trend or "") for title, axis, trend in found]


def scenario(demarche: Demarche) -> dict[int, str]:
    rows = Scenario.select().where(
        (Scenario.demarche == demarche)
        & Scenario.deleted_at.is_null()
        & Scenario.indicator.is_null(False)
    )
    return {
        row.indicator: row.text for row in rows if row.indicator is not None and row.text.strip()
    }


def kept_actions(demarche: Demarche) -> list[str]:
    rows = (
        Action.select(Action.title)
        .where(
            (Action.demarche == as_uuid(str(demarche.id)))
            & Action.kept
            & Action.merged_into.is_null()
            & Action.deleted_at.is_null()
        )
        .order_by(Action.position, Action.created_at)
    )
    return [row.title for row in rows]
