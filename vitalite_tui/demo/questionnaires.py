"""Questionnaire sheets of the demo: plausible answers that vary by commune and age band.

Each made-up respondent has a leaning per indicator (towards vitality or depression) drawn
around what their profile suggests: isolation is higher among the over-75s and in the
remote hamlets, dependence too; initiative is higher where associations are active;
newcomers know fewer people. Items then scatter around that leaning on the 1–4 scale.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from vitalite_tui.demo import data as data
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.questionnaire_form import NO_ANSWER, QuestionnaireForm
from vitalite_tui.store.questionnaire.records import SheetMode
from vitalite_tui.store.questionnaire.responses import CleanSheet

if TYPE_CHECKING:
    from vitalite_tui.demo.context import DemoContext

#: Its own seed, so that the sheets do not depend on what earlier fill functions drew.
SEED = "vitalite-demo-questionnaires"

#: The sheets were collected over the four weeks before workshop 1.
COLLECTION_DAYS = 32
IMPORTED_SHARE = 0.15  # typed by volunteers in KoboToolbox on a phone
VERIFIED_SHARE = 0.12  # paper sheets retyped by a second person


@dataclass(frozen=True)
class Place:
    """What the demo assumes of a commune: how many answer, how far, how lively."""

    weight: int  # share of the sheets
    remote: float  # 0 (bourg-centre) … 1 (end of the valley)
    associations: float  # -0.3 (none left) … 1 (very active)


#: By commune of `demo_data.COMMUNES`, in the same order.
PLACES: tuple[Place, ...] = (
    Place(6, 0.0, 0.6),  # Pradelle-sur-Lambrenne, the bourg-centre
    Place(3, 0.3, 0.9),  # Fontclaire: comité des fêtes, foyer rural, jardins partagés
    Place(2, 0.4, 0.2),
    Place(2, 0.5, 0.3),
    Place(1, 0.6, 0.0),
    Place(3, 0.3, 0.9),  # Vernessac: harmonie, union sportive
    Place(1, 0.9, -0.2),
    Place(2, 0.5, 0.1),
    Place(1, 1.0, -0.3),  # Saint-Julien-des-Combes, at the end of the valley
    Place(1, 0.7, 0.0),
    Place(1, 1.0, -0.1),  # Le Mas-d'Aiguilhe
    Place(2, 0.4, 0.4),
)

#: Age bands: share of the sheets, and leaning per indicator 1–4 (+: towards vitality).
AGES: dict[str, tuple[float, tuple[float, float, float, float]]] = {
    "moins-25": (0.08, (0.1, -0.3, -0.1, -0.4)),
    "25-39": (0.17, (0.0, 0.2, 0.0, -0.1)),
    "40-59": (0.27, (0.1, 0.3, 0.1, 0.2)),
    "60-74": (0.28, (0.2, 0.0, 0.1, 0.3)),
    "75-plus": (0.20, (-0.8, -0.5, -0.6, -0.2)),
}

#: The territory as a whole, per indicator: lively enough, but taking part is not for all.
BASE = {1: 0.25, 2: 0.15, 3: 0.3, 4: -0.25}

#: Years on the territory, by age band: (value, share).
SETTLED: dict[str, tuple[tuple[str, float], ...]] = {
    "moins-25": (("moins-2", 0.1), ("2-10", 0.2), ("plus-10", 0.2), ("toujours", 0.5)),
    "75-plus": (("moins-2", 0.03), ("2-10", 0.1), ("plus-10", 0.47), ("toujours", 0.4)),
}
SETTLED_DEFAULT = (("moins-2", 0.12), ("2-10", 0.25), ("plus-10", 0.38), ("toujours", 0.25))

#: Situation, by age band: (value, share).
SITUATIONS: dict[str, tuple[tuple[str, float], ...]] = {
    "moins-25": (("etudes", 0.6), ("emploi", 0.25), ("recherche", 0.15)),
    "25-39": (("emploi", 0.7), ("recherche", 0.12), ("foyer", 0.12), ("autre", 0.06)),
    "40-59": (("emploi", 0.75), ("recherche", 0.1), ("foyer", 0.1), ("autre", 0.05)),
    "60-74": (("retraite", 0.75), ("emploi", 0.2), ("autre", 0.05)),
    "75-plus": (("retraite", 1.0),),
}


@dataclass(frozen=True)
class Respondent:
    commune: int  # index in demo_data.COMMUNES
    age: str
    settled: str
    situation: str

    @property
    def place(self) -> Place:
        return PLACES[self.commune]


def _pick(rng: random.Random, weighted: Sequence[tuple[str, float]]) -> str:
    values = [value for value, _ in weighted]
    return rng.choices(values, weights=[share for _, share in weighted])[0]


def make_respondent(rng: random.Random) -> Respondent:
    commune = rng.choices(range(len(PLACES)), weights=[p.weight for p in PLACES])[0]
    age = _pick(rng, [(band, share) for band, (share, _) in AGES.items()])
    return Respondent(
        commune=commune,
        age=age,
        settled=_pick(rng, SETTLED.get(age, SETTLED_DEFAULT)),
        situation=_pick(rng, SITUATIONS[age]),
    )


def leaning(person: Respondent, indicator: int) -> float:
    """Where the profile puts the respondent on an indicator (+: towards vitality)."""
    place = person.place
    value = BASE[indicator] + AGES[person.age][1][indicator - 1]
    value += {1: -0.7, 2: -0.6, 3: -0.2, 4: 0.0}[indicator] * place.remote
    value += {1: 0.3, 2: 0.1, 3: 0.3, 4: 0.9}[indicator] * place.associations
    if person.settled == "moins-2":
        value += {1: -0.5, 2: -0.2, 3: -0.5, 4: -0.2}[indicator]
    elif person.settled == "toujours":
        value += {1: 0.1, 2: 0.0, 3: 0.3, 4: 0.0}[indicator]
    return value


def item_push(code: str, person: Respondent) -> float:
    """What makes one statement more agreed with than its indicator alone suggests."""
    old = person.age == "75-plus"
    remote = person.place.remote
    pushes = {
        "I1_D2": 0.9 * remote + (0.5 if old else 0.0),  # « sans voiture… »
        "I2_D1": {"75-plus": 1.0, "60-74": 0.4, "moins-25": -0.5}.get(person.age, 0.0),
        "I2_D2": 1.1 * remote,  # « les services sont trop loin »
        "I3_D1": (0.9 if old else 0.0) + 0.4 * remote,  # « je dépends d'autres personnes »
        "I4_V1": 0.6 * person.place.associations,
        "I4_V2": 0.4 * person.place.associations,
    }
    return pushes.get(code, 0.0)


def answers_of(form: QuestionnaireForm, person: Respondent, rng: random.Random) -> dict[str, int]:
    mood = rng.gauss(0, 0.35)  # some people see everything brighter (or darker)
    leanings = {n: leaning(person, n) + mood + rng.gauss(0, 0.45) for n in (1, 2, 3, 4)}
    skip = 0.07 if person.age == "75-plus" else 0.03
    answers = {}
    for item in form.items:
        if rng.random() < skip:
            answers[item.code] = NO_ANSWER
            continue
        lean = leanings.get(item.indicator, 0.0) + rng.gauss(0, 0.55)
        agreement = lean if item.pole is Pole.VITALITY else -lean
        agreement += item_push(item.code, person)
        middle = (1 + item.size) / 2
        answers[item.code] = min(item.size, max(1, round(middle + agreement)))
    return answers


def profile_of(form: QuestionnaireForm, person: Respondent, rng: random.Random) -> dict[str, str]:
    values = {
        "commune": data.COMMUNES[person.commune],
        "age": person.age,
        "anciennete": person.settled,
        "situation": person.situation,
    }
    profile = {}
    for field in form.profile:
        value = values.get(field.code, "")
        allowed = {choice.value for choice in field.choices}
        # A few respondents leave a box empty; a definition of its own may not ask this.
        if value and (not allowed or value in allowed) and rng.random() > 0.02:
            profile[field.code] = value
    return profile


def fill_questionnaire_sheets(context: DemoContext) -> None:
    """About 80 sheets for the small demo, 300 for the large one, numbered as collected."""
    rng = random.Random(SEED)
    form = context.store.responses.form(context.demarche_id)
    start = datetime.combine(data.STEP3_START, time(9, 0))
    moments = sorted(
        start + timedelta(days=rng.randrange(COLLECTION_DAYS), minutes=rng.randrange(9 * 60))
        for _ in range(context.spec.sheets)
    )
    sheets = []
    for number, moment in enumerate(moments, start=1):
        person = make_respondent(rng)
        imported = rng.random() < IMPORTED_SHARE
        verified = not imported and rng.random() < VERIFIED_SHARE
        sheets.append(
            CleanSheet(
                sheet_number=number,
                profile=profile_of(form, person, rng),
                answers=answers_of(form, person, rng),
                mode=SheetMode.IMPORT if imported else SheetMode.PAPER,
                collected_at=moment,
                source_key=f"id:{uuid.UUID(int=rng.getrandbits(128), version=4)}"
                if imported
                else None,
                verified_at=moment + timedelta(days=3) if verified else None,
            )
        )
    # The demo's sheets were typed in during the collection, not today: the "typed this
    # evening" count of a fresh demo starts at zero.
    context.store.bulk.sheets(context.demarche_id, sheets)
