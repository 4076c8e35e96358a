"""The demo's felt barometer and associated images of workshop 1.

Four in five of the people present placed the four indicators one by one; the others, who
arrived late, voted with stickers on the wall. Felt values lean on what the questionnaires
measured, the élus a little more hopeful, the habitants a little less. About one person
in two or three explained a photo-language card in a round: their image is linked to that
note (the demo's notes, their turns and counts stay as they are).
"""

from __future__ import annotations

import random
import re
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from vitalite_tui.demo import data as data
from vitalite_tui.demo.context import paris_to_utc, registry_number
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.felt import HIGHEST, LOWEST
from vitalite_tui.domain.indicators import INDICATORS, Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store.bulk import FeltRatingRow, ImageChoiceRow, NoteRow
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.store.workshops.records import WorkshopRecord

if TYPE_CHECKING:
    from vitalite_tui.demo.context import DemoContext

#: Their own seeds: what they draw does not depend on earlier fill functions (nor changes
#: what later ones draw).
FELT_SEED = "vitalite-demo-felt"
IMAGES_SEED = "vitalite-demo-images"

#: Of the people present, the share typed in one by one; the others voted with stickers.
RATED_SHARE = 0.8
#: How far from the measured position (on 0–10) each collège tends to place itself.
COLLEGE_LEAN: dict[College, float] = {
    College.ELU: 1.2,
    College.ACTEUR: 0.3,
    College.HABITANT: -1.0,
}
SPREAD = 1.5
#: Where nothing was measured, the middle of the scale.
MIDDLE = 5.0
#: One image for this many people present.
PEOPLE_PER_IMAGE = 2.5

#: The felt barometer is taken at the start of the evening, after the welcome.
FELT_AFTER = timedelta(minutes=22)


#: The numbers of the demo deck's cards (`demo_data.IMAGE_CARDS`, in the same order).
CARD_NUMBERS: dict[Pole, tuple[int, ...]] = {
    Pole.VITALITY: (7, 9, 12, 15, 20, 2),
    Pole.DEPRESSION: (23, 31, 33, 40, 47, 44),
}
#: What a card is called, before what it shows: « la photo du … », « l'image des … ».
CARD_WORDS = re.compile(r"^(?:la photo|l'image|la carte)\s+(?:de la |de l'|du |des |d')", re.I)


@dataclass(frozen=True)
class Card:
    """A card of the demo deck: its number, what it shows, and how a note names it."""

    number: int
    phrase: str  # as the notes say it: « la photo du banc vide devant l'église »

    @property
    def card(self) -> str:
        """« 23 · banc vide devant l'église »."""
        return f"{self.number} · {CARD_WORDS.sub('', self.phrase)}"


CARDS: tuple[Card, ...] = tuple(
    Card(number, phrase)
    for pole in Pole
    for number, phrase in zip(CARD_NUMBERS[pole], data.IMAGE_CARDS[pole], strict=True)
)
WHYS: tuple[str, ...] = tuple(why for pole in Pole for why in data.IMAGE_WHYS[pole])


def _workshop(context: DemoContext) -> WorkshopRecord | None:
    if not context.spec.workshops:
        return None
    return context.store.workshops.get(context.demarche_id, 1)


def _evening(workshop: WorkshopRecord) -> datetime:
    """18:30 in Paris on the evening of workshop 1, as naive UTC."""
    return paris_to_utc(workshop.date or data.WORKSHOPS[0][0], data.WORKSHOP_START)


def _present(context: DemoContext) -> list[ParticipantRecord]:
    """The people present at workshop 1, in the order of their codes."""
    present = [e.participant for e in context.store.workshops.present(context.demarche_id, 1)]
    return sorted(present, key=registry_number)


def _placed(rng: random.Random, centre: float) -> int:
    return max(LOWEST, min(HIGHEST, round(rng.gauss(centre, SPREAD))))


def fill_felt(context: DemoContext) -> None:
    """Workshop 1's felt barometer: most people one by one, a late group with stickers."""
    workshop = _workshop(context)
    if workshop is None:
        return
    rng = random.Random(FELT_SEED)
    measured = context.store.barometer.measured(context.demarche_id).indicators
    centres = {
        result.indicator: result.position / 10 if result.n and result.position else MIDDLE
        for result in measured
    }
    present = _present(context)
    rated = set(rng.sample(range(len(present)), round(RATED_SHARE * len(present))))
    start = _evening(workshop) + FELT_AFTER
    rows = []
    for rank, person in enumerate(present):
        if rank not in rated:
            continue
        lean = COLLEGE_LEAN[person.college]
        when = start + timedelta(seconds=15 * rank)
        for shown in INDICATORS:
            value = _placed(rng, centres[shown.number] + lean)
            rows.append(
                FeltRatingRow(
                    created_at=when,
                    workshop=uuid.UUID(workshop.id),
                    participant=uuid.UUID(person.id),
                    college=person.college.value,
                    indicator=shown.number,
                    value=value,
                    count=1,
                )
            )
    late = len(present) - len(rated)
    when = start + timedelta(seconds=15 * len(present) + 60)
    for shown in INDICATORS:
        stickers = Counter(_placed(rng, centres[shown.number]) for _ in range(late))
        for value, count in sorted(stickers.items()):
            rows.append(
                FeltRatingRow(
                    created_at=when,
                    workshop=uuid.UUID(workshop.id),
                    participant=None,
                    college=None,
                    indicator=shown.number,
                    value=value,
                    count=count,
                )
            )
    context.store.bulk.insert(rows)


def _named(text: str) -> tuple[Card, str] | None:
    """The card and the why an image note of the demo names (« J'ai choisi …, parce que … »)."""
    folded = text.casefold()
    card = next((c for c in CARDS if c.phrase.casefold() in folded), None)
    why = next((w for w in WHYS if w.casefold() in folded), None)
    if card is None or why is None:
        return None
    return card, why[:1].upper() + why[1:] + "."


def fill_images(context: DemoContext) -> None:
    """About one image per two or three people present: the card each one explained in a
    round (their first image note), linked to that note."""
    workshop = _workshop(context)
    if workshop is None:
        return
    rng = random.Random(IMAGES_SEED)
    notes = [
        note
        for note in context.store.bulk.notes(uuid.UUID(workshop.id))
        if note.kind == NoteKind.IMAGE.value and note.speaker is not None
    ]
    first: dict[uuid.UUID, tuple[NoteRow, Card, str]] = {}
    for note in notes:
        named, speaker = _named(note.text), note.speaker
        if named is not None and speaker is not None and speaker not in first:
            first[speaker] = (note, *named)
    wanted = round(len(_present(context)) / PEOPLE_PER_IMAGE)
    chosen = sorted(
        rng.sample(list(first.values()), min(wanted, len(first))),
        key=lambda c: c[0].created_at or datetime.min,
    )
    context.store.bulk.insert(
        [
            ImageChoiceRow(
                created_at=note.created_at,
                workshop=uuid.UUID(workshop.id),
                participant=note.speaker,
                note=note.id,
                card=card.card,
                indicator=note.indicator,
                pole=note.pole,
                why=why,
            )
            for note, card, why in chosen
        ]
    )
