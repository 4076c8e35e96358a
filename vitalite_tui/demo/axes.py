"""The demo's debrief of workshop 1: five work axes, most of the evening's notes filed in them."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from vitalite_tui.demo import data as data
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.text import fold
from vitalite_tui.store.bulk import AxisRow

if TYPE_CHECKING:
    from vitalite_tui.demo.context import DemoContext

#: Of the workshop's live notes, the share the animateurs filed in an axis the next morning.
FILED_SHARE = 0.6
#: When the debrief began, the morning after the workshop: 9:30 in Paris, summer time (UTC).
DEBRIEF_TIME = time(7, 30)
#: Its own seed, so that what is filed does not depend on what earlier fill functions drew
#: (nor changes what later ones draw).
SEED = "vitalite-demo-axes"


@dataclass(frozen=True)
class DemoAxis:
    title: str
    description: str
    indicator: int
    #: Words (folded) that put a note in this axis whatever its indicator.
    words: tuple[str, ...] = ()


#: The axes named at the debrief, in their order. The last one gathers what is said about
#: getting about without a car, whichever indicator the note was tagged with.
AXES: tuple[DemoAxis, ...] = (
    DemoAxis(
        "Recréer des lieux et des moments de rencontre",
        "Cafés, épiceries, marchés, fêtes, salles ouvertes : des occasions de se croiser "
        "entre générations, entre anciens et nouveaux habitants, jusque dans les hameaux.",
        1,
    ),
    DemoAxis(
        "Rapprocher l'information et les services des habitants",
        "Savoir à qui s'adresser, être accompagné dans les démarches en ligne, garder des "
        "permanences et des soins dans les villages.",
        2,
    ),
    DemoAxis(
        "Soutenir l'entraide et relayer ceux qui aident",
        "S'appuyer sur les solidarités de voisinage sans épuiser toujours les mêmes : visites "
        "aux personnes seules, relais des aidants, appui à l'aide à domicile.",
        3,
    ),
    DemoAxis(
        "Ouvrir la vie associative aux jeunes et aux nouveaux venus",
        "Passer le relais dans les associations, donner une place aux idées des jeunes et des "
        "nouveaux habitants, alléger la paperasse de ceux qui veulent agir.",
        4,
    ),
    DemoAxis(
        "Se déplacer sans dépendre de la voiture",
        "Covoiturage entre voisins, transport solidaire, trajets vers le marché, les soins et "
        "le lycée : ne plus dépendre de sa voiture ou de ses proches pour sortir.",
        3,
        words=("voiture", "bus", "permis", "covoiturage", "conduisent", "emmener"),
    ),
)


def axis_for(text: str, indicator: int | None) -> int | None:
    """The rank (0-based) of the axis a note belongs to, by its words, else its indicator."""
    folded = fold(text)
    for rank, axis in enumerate(AXES):
        if any(word in folded for word in axis.words):
            return rank
    if indicator is None:
        return None  # a general remark: no axis fits it
    return next(rank for rank, axis in enumerate(AXES) if axis.indicator == indicator)


def fill_axes(context: DemoContext) -> None:
    """Five axes named the morning after workshop 1, and 60 % of its live notes filed in them.

    Constats are filed first, then images, each in a seeded random order; untagged remarks
    stay out. Notes keep their `updated_at`: filing a note is not editing it.
    """
    if not context.spec.workshops:
        return
    workshop = context.store.workshops.get(context.demarche_id, 1)
    workshop_id = uuid.UUID(workshop.id)
    bulk = context.store.bulk
    day = workshop.date or data.WORKSHOPS[0][0]
    morning = datetime.combine(day + timedelta(days=1), DEBRIEF_TIME)
    rng = random.Random(SEED)
    axis_ids = [uuid.uuid4() for _ in AXES]
    bulk.insert(
        [
            AxisRow(
                id=axis_id,
                created_at=morning + timedelta(minutes=4 * rank),
                demarche=context.demarche,
                workshop=workshop_id,
                title=axis.title,
                description=axis.description,
                indicator=axis.indicator,
                position=rank,
            )
            for rank, (axis_id, axis) in enumerate(zip(axis_ids, AXES, strict=True))
        ]
    )
    notes = bulk.notes(workshop_id)
    wanted = round(FILED_SHARE * len(notes))
    filed: dict[int, list[uuid.UUID]] = {}
    count = 0
    for kind in (NoteKind.CONSTAT, NoteKind.IMAGE):
        chosen = [note for note in notes if note.kind == kind.value]
        rng.shuffle(chosen)
        for note in chosen:
            rank = axis_for(note.text, note.indicator)
            if rank is not None and count < wanted:
                filed.setdefault(rank, []).append(note.id)
                count += 1
    for rank, ids in filed.items():
        bulk.file_notes(axis_ids[rank], ids)
