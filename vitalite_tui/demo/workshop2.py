"""The demo's workshop 2: trends presented, rounds on a trend, intentions, the scenario sketch.

Runs after the workshops are held and the axes of workshop 1 are named: the sub-groups of
workshop 2 each worked on the trend their theme names, so their rounds and notes get that
trend; the intentions come from what they said (linked to it); the scenario is the one
written at the next morning's debrief.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time, timedelta
from typing import TYPE_CHECKING

from vitalite_tui.demo import data as data
from vitalite_tui.demo.context import paris_to_utc
from vitalite_tui.domain.intentions import capitalised, promoted
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.text import fold
from vitalite_tui.store.bulk import IntentionRow, LinkRow, ScenarioRow
from vitalite_tui.store.prospective.intentions import PROPOSED

if TYPE_CHECKING:
    from vitalite_tui.demo.context import DemoContext
    from vitalite_tui.store import Store

#: Its own seed: what is drawn here does not depend on the fill functions before it.
SEED = "vitalite-demo-workshop2"

#: The catalogue trend each sub-group theme of workshop 2 (`demo_data.TRENDS_2`) is about.
THEME_CODES: dict[str, str] = dict(
    zip(
        (title for title, _ in data.TRENDS_2),
        ("vieillissement", "mobilites", "numerique", "modes-de-vie"),
        strict=True,
    )
)
#: The trends presented, in the order of the evening: the four worked on, then two more.
PRESENTED: tuple[str, ...] = (*THEME_CODES.values(), "services-publics", "economie-locale")

#: Intentions written at the debrief per trend (small demo): taken from what was said.
SMALL_PER_TREND = 3
#: One intention in this many has no axis yet.
WITHOUT_AXIS_EVERY = 6
#: The debrief of workshop 2: the next morning at 9:30, Paris time.
DEBRIEF_TIME = time(9, 30)

#: The scenario sketch written at the debrief, per indicator.
SCENARIO: dict[int, str] = {
    1: (
        "En 2035, chaque commune du Pays de Lambrenne garde au moins un lieu où l'on se "
        "retrouve sans raison particulière : un café associatif, une épicerie, une salle "
        "ouverte le samedi. Un repas partagé entre générations a lieu chaque mois dans un "
        "village différent ; les nouveaux arrivants y sont invités dès l'automne de leur "
        "installation. Les hameaux ne sont plus des bouts du monde : on y passe, on s'y arrête."
    ),
    2: (
        "Chacun sait à qui s'adresser. Une permanence d'aide aux démarches tient dans chaque "
        "mairie, le bus France Services passe dans les communes les plus éloignées, et la "
        "médiathèque accompagne ceux qui ne sont pas à l'aise avec internet. Le bulletin "
        "papier continue pour ceux qui ne sont pas connectés : personne ne perd ses droits "
        "faute d'un ordinateur."
    ),
    3: (
        "L'entraide ne repose plus sur les mêmes. Un réseau de visiteurs bénévoles passe voir "
        "les personnes seules, le CCAS recense avant chaque hiver ceux qui pourraient être "
        "isolés, et le transport solidaire emmène au marché, chez le médecin ou au lycée ceux "
        "qui ne conduisent pas. Les collégiens aident les aînés sur leurs tablettes ; les "
        "anciens transmettent ce qu'ils savent."
    ),
    4: (
        "Les associations ont trouvé la relève : les jeunes retraités et les nouveaux "
        "habitants rejoignent les bureaux, un agenda commun fait connaître toutes les "
        "initiatives, et un tiers-lieu accueille les télétravailleurs comme ceux qui veulent "
        "monter un projet. Les habitants ne sont plus seulement invités aux fêtes : ils les "
        "organisent."
    ),
}


@dataclass(frozen=True)
class SaidNote:
    """A live note of workshop 2 as the fill reads it."""

    id: uuid.UUID
    text: str
    kind: str
    indicator: int | None
    subgroup: uuid.UUID | None


def fill_workshop2(context: DemoContext) -> None:
    """Trends, rounds on a trend, intentions linked to what was said, the scenario sketch."""
    if len(context.spec.workshops) < 2:
        return

    store = context.store
    demarche = context.demarche
    workshop = store.workshops.get(context.demarche_id, 2)
    workshop_id = uuid.UUID(workshop.id)
    day = workshop.date or data.WORKSHOPS[1][0]
    morning = paris_to_utc(day + timedelta(days=1), DEBRIEF_TIME)
    trends = present_trends(store, context.demarche_id)
    groups = trend_rounds(store, workshop_id, trends)
    notes = said_notes(store, workshop_id)
    rng = random.Random(SEED)
    axes = axis_ids(store, context.demarche_id)
    if context.spec.intentions is not None:
        planned = large_intentions(notes, context.spec.intentions, rng)
    else:
        planned = small_intentions(notes, groups, rng)
    intentions = []
    links = []
    for rank, plan in enumerate(planned):
        when = morning + timedelta(seconds=45 * rank)
        intention_id = uuid.uuid4()
        axis = (
            None
            if rank % WITHOUT_AXIS_EVERY == WITHOUT_AXIS_EVERY - 1
            else axes.get(plan.indicator)
        )
        intentions.append(
            IntentionRow(
                id=intention_id,
                created_at=when,
                demarche=demarche,
                workshop=workshop_id,
                subgroup=plan.subgroup,
                trend=groups[plan.subgroup][1] if plan.subgroup in groups else None,
                axis=axis,
                title=plan.title,
                description=plan.description,
                indicators=[plan.indicator] if plan.indicator else [],
                status=PROPOSED,
            )
        )
        links += [
            LinkRow(
                created_at=when,
                demarche=demarche,
                source_type=LinkKind.NOTE.value,
                source_id=note_id,
                target_type=LinkKind.INTENTION.value,
                target_id=intention_id,
            )
            for note_id in plan.origins
        ]
    store.bulk.insert(intentions)
    store.bulk.insert(links)
    written = morning + timedelta(hours=2)
    store.bulk.insert(
        [
            ScenarioRow(
                created_at=written,
                updated_at=written + timedelta(minutes=number),
                demarche=demarche,
                indicator=number,
                text=text,
            )
            for number, text in SCENARIO.items()
        ]
    )


def present_trends(store: Store, demarche_id: str) -> dict[str, uuid.UUID]:
    """The catalogue copied, six trends presented first in the evening's order; by code."""
    trends = store.trends.all(demarche_id)
    store.bulk.arrange_trends(demarche_id, PRESENTED, set(PRESENTED))
    return {trend.code: uuid.UUID(trend.id) for trend in trends if trend.code is not None}


def trend_rounds(
    store: Store, workshop_id: uuid.UUID, trends: dict[str, uuid.UUID]
) -> dict[uuid.UUID, tuple[str, uuid.UUID]]:
    """Each sub-group's rounds, and the notes said in them, get the trend of its theme.

    Returns, per sub-group (in their order), the code and id of its trend.
    """
    groups: dict[uuid.UUID, tuple[str, uuid.UUID]] = {}
    for group in store.bulk.subgroups(workshop_id):
        code = THEME_CODES.get(group.theme)
        if code is None:
            continue
        trend = trends[code]
        groups[group.id] = (code, trend)
        store.bulk.round_trend(group.id, trend)
    return groups


def said_notes(store: Store, workshop_id: uuid.UUID) -> list[SaidNote]:
    return [
        SaidNote(note.id, note.text, note.kind, note.indicator, note.subgroup)
        for note in store.bulk.notes(workshop_id)
    ]


def axis_ids(store: Store, demarche_id: str) -> dict[int | None, uuid.UUID]:
    """The first live axis of each indicator, if workshop 1's debrief named any."""
    found: dict[int | None, uuid.UUID] = {}
    for axis in store.bulk.axes(demarche_id):
        found.setdefault(axis.indicator, axis.id)
    return found


@dataclass(frozen=True)
class PlannedIntention:
    title: str
    description: str
    indicator: int | None
    subgroup: uuid.UUID | None
    origins: tuple[uuid.UUID, ...]


def _findings(
    notes: Sequence[SaidNote],
    subgroup: uuid.UUID | None,
    indicator: int | None,
    rng: random.Random,
) -> list[uuid.UUID]:
    """One or two risks or opportunities of the sub-group on the same indicator."""
    pool = [
        n.id
        for n in notes
        if n.subgroup == subgroup
        and n.indicator == indicator
        and n.kind in (NoteKind.RISQUE.value, NoteKind.OPPORTUNITE.value)
    ]
    return rng.sample(pool, min(len(pool), rng.choice((1, 1, 2))))


def small_intentions(
    notes: Sequence[SaidNote],
    groups: dict[uuid.UUID, tuple[str, uuid.UUID]],
    rng: random.Random,
) -> list[PlannedIntention]:
    """Three intentions per trend, worded at the debrief from what the sub-group said;
    each linked to the notes that said it and to a risk or an opportunity behind it."""
    group_of: dict[str, uuid.UUID] = {}
    for group, (code, _) in groups.items():
        group_of.setdefault(code, group)
    planned = []
    for title, said in data.TRENDS_2:
        subgroup = group_of.get(THEME_CODES[title])
        for indicator, clause in said[NoteKind.INTENTION][:SMALL_PER_TREND]:
            origins: list[uuid.UUID] = []
            if subgroup is not None:
                origins = [
                    n.id
                    for n in notes
                    if n.subgroup == subgroup
                    and n.kind == NoteKind.INTENTION.value
                    and fold(clause) in fold(n.text)
                ][:1]
                origins += _findings(notes, subgroup, indicator, rng)
            planned.append(
                PlannedIntention(capitalised(clause), "", indicator, subgroup, tuple(origins))
            )
    return planned


def large_intentions(
    notes: Sequence[SaidNote], wanted: int, rng: random.Random
) -> list[PlannedIntention]:
    """One intention per intention note, up to `wanted` (the rest left for `p`)."""
    planned = []
    for note in [n for n in notes if n.kind == NoteKind.INTENTION.value][:wanted]:
        title, description = promoted(note.text)
        origins = [note.id, *_findings(notes, note.subgroup, note.indicator, rng)]
        planned.append(
            PlannedIntention(title, description, note.indicator, note.subgroup, tuple(origins))
        )
    return planned
