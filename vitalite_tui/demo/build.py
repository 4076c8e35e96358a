"""The demo démarche: a fictional rural communauté de communes to explore the app.

The demo is built by a sequence of small fill functions (`FILLS`), a few per write
transaction, from a fixed random seed: the same demo every time, on every laptop. Later
features add their own fill function at the end of `FILLS`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vitalite_tui.demo import data as data
from vitalite_tui.demo.axes import fill_axes
from vitalite_tui.demo.charter import fill_action_sheets, fill_charter
from vitalite_tui.demo.context import (
    DEMO_SIZES,
    SEED,
    SPECS,
    DemoContext,
    DemoSize,
    scaled,
)
from vitalite_tui.demo.felt import fill_felt, fill_images
from vitalite_tui.demo.preparation import (
    fill_committee,
    fill_logistics,
    fill_participants,
    fill_planning,
    fill_questionnaire,
    fill_step1,
    fill_step2_done,
)
from vitalite_tui.demo.questionnaires import fill_questionnaire_sheets
from vitalite_tui.demo.votes import fill_votes
from vitalite_tui.demo.workshop2 import fill_workshop2
from vitalite_tui.demo.workshops import fill_workshop_steps, fill_workshops
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.workshops import WORKSHOP_NUMBERS
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.batches import Pace, write_in_batches

if TYPE_CHECKING:
    from vitalite_tui.store import Store


@dataclass(frozen=True)
class DemoResult:
    """The demo démarche, whether this call made it, and what it holds."""

    demarche_id: str
    territory: str
    created: bool
    counts: dict[str, int] = field(default_factory=dict)


def demo_key(size: DemoSize, scale: int = 1) -> str:
    return f"demo-{size}" if scale == 1 else f"demo-{size}-x{scale}"


#: Half a second per transaction: its longest fill (the workshops' notes) holds the lock
#: about that long by itself, and fewer pauses keep the small demo quick to make.
DEMO_PACE = Pace(seconds=0.5)

#: The demo's name while it is being built (and if its build is cut short).
UNFINISHED_TERRITORY = f"{data.TERRITORY} (démo en cours de création)"


#: Told how far the build is: (fills done, fills in all).
Progress = Callable[[int, int], None]


def create_demo(
    store: Store,
    size: DemoSize = "small",
    scale: int = 1,
    *,
    progress: Progress | None = None,
    pace: Pace = DEMO_PACE,
) -> DemoResult:
    """Create the demo démarche of this size, or return the existing one (never duplicated).

    `scale` multiplies its notes, sheets and intentions, for benchmarks: a scaled demo is
    a démarche of its own, built once like the others. `progress` is called before each
    fill and once at the end (from the caller's thread).

    The fills are committed a few at a time (`pace`), so that a copy of the program open
    on the same base can save a note meanwhile. Until the last one, the démarche is
    marked unfinished and named so: a build cut short never passes for the demo, and
    the next one removes it.
    """
    if size not in SPECS:
        sizes = ", ".join(DEMO_SIZES)
        raise InvalidInput(f"Taille de démo inconnue : « {size} » (au choix : {sizes}).")
    if scale < 1:
        raise InvalidInput(f"Échelle de démo invalide : {scale} (au moins 1).")
    import_key = demo_key(size, scale)
    with store.bulk.transaction():
        existing = store.bulk.imported(import_key)
        if existing is not None:
            territory = store.demarches.get(existing).territory
            return DemoResult(existing, territory, False, demo_counts(store, existing))
        demarche_id = store.demarches.create(UNFINISHED_TERRITORY, list(data.COMMUNES))
        store.bulk.start_import(demarche_id, import_key)
    spec = scaled(SPECS[size], scale)
    context = DemoContext(store, demarche_id, spec, random.Random(SEED))

    def run(step: tuple[int, Callable[[DemoContext], None]]) -> None:
        done, fill = step
        if progress is not None:
            progress(done, len(FILLS))
        fill(context)

    try:
        write_in_batches(list(enumerate(FILLS)), run, pace)
        store.bulk.finish_import(demarche_id, import_key, data.TERRITORY)
    except BaseException:
        _drop_unfinished(store, import_key)
        raise
    if progress is not None:
        progress(len(FILLS), len(FILLS))
    return DemoResult(demarche_id, data.TERRITORY, True, demo_counts(store, demarche_id))


def _drop_unfinished(store: Store, import_key: str) -> None:
    """Remove the démarche of a build that failed, if the base still lets us write."""
    # Otherwise the next build removes it; the error to tell is the one that stopped this.
    with suppress(Exception):
        store.bulk.drop_unfinished(import_key)


def demo_counts(store: Store, demarche_id: str) -> dict[str, int]:
    """What a demo holds, for the message shown once it is ready."""
    colleges = store.participants.counts(demarche_id)
    plans = store.planning.all(demarche_id)
    return {
        "communes": len(store.demarches.get(demarche_id).communes),
        "participants": colleges.total,
        **{college.value: colleges[college] for college in College},
        "committee": len(store.committee.all(demarche_id)),
        "workshops_planned": sum(1 for plan in plans if plan.date is not None),
        "logistics_done": sum(1 for item in store.logistics.all(demarche_id) if item.done),
        "questionnaire": int(store.questionnaires.chosen(demarche_id) is not None),
        "workshops_held": sum(
            1
            for number in WORKSHOP_NUMBERS
            if store.workshops.attendance_counts(demarche_id, number).total
        ),
        "notes": store.bulk.note_count(demarche_id),
    }


#: The demo, step by step; a new feature appends its own fill function here.
FILLS: tuple[Callable[[DemoContext], None], ...] = (
    fill_participants,
    fill_step1,
    fill_committee,
    fill_planning,
    fill_logistics,
    fill_questionnaire,
    fill_step2_done,
    fill_workshops,
    fill_workshop_steps,
    fill_questionnaire_sheets,
    # -- workshop 1 contents: felt barometer, images, then axes (in that order)
    fill_felt,
    fill_images,
    fill_axes,
    # -- workshop 2 contents: trends, risks and opportunities, intentions, scenario
    fill_workshop2,
    # -- workshop 3 contents: candidates and the vote, then action sheets
    fill_votes,
    # -- workshop 4 contents: the charter and its signatories
    fill_action_sheets,
    fill_charter,
)
