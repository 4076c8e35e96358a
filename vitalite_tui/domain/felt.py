"""The felt barometer of workshop 1: each person places each indicator on a 0–10 scale.

0 is the indicator's depression pole (Isolement, Impuissance, Dépendance, Passivité), 10 its
vitality pole (Rendez-vous, Perspectives, Solidarités interactives, Initiatives).

The barometer is read from votes: a vote is one value v (0–10) on one indicator, given
`count` times. A person typed in one by one gives votes of count 1 (with their collège); a
group voting with stickers gives, per value, the number of stickers read off the wall
(count N, with a collège when the stickers were counted by collège, else none).

For one indicator, over its votes (v_i, c_i):

- n = Σ c_i (the number of placements);
- the mean m = Σ c_i × v_i / n, on 0–10 (None when n = 0);
- the position p = 10 × m, on 0–100: the same scale as the questionnaire's barometer
  (`domain/barometer.py`: 0 = depression pole, 100 = vitality pole), so both can be
  compared bar against bar;
- the distribution: for each value 0 … 10, the number of placements on it.

By collège, the same over the votes of that collège only; votes with no collège (stickers
counted for everyone) count in the whole, and in no collège.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.errors import InvalidInput
from vitalite_tui.domain.indicators import INDICATORS

#: The rule above in French, as the barometer's help (F1) shows it.
FELT_FORMULA = (
    "Le ressenti (atelier 1) : chaque personne place chaque indicateur de 0 (pôle "
    "dépression) à 10 (pôle vitalité), ou le groupe colle des gommettes sur ces valeurs. "
    "La ligne « ressenti » montre la moyenne de ces placements multipliée par 10, pour se "
    "lire sur la même échelle 0–100 que le mesuré ; n est le nombre de placements. c "
    "montre aussi le ressenti de chaque collège (les gommettes comptées pour tous ne "
    "comptent que dans l'ensemble). Le mesuré n'a pas de collège : le questionnaire ne le "
    "demande pas ; chaque collège se compare donc au mesuré de l'ensemble."
)

#: The scale: 0 (depression pole) to 10 (vitality pole).
LOWEST = 0
HIGHEST = 10
VALUES: tuple[int, ...] = tuple(range(LOWEST, HIGHEST + 1))

#: Most stickers one value of one indicator can get (a workshop holds 50 people or so).
MAX_STICKERS = 200


@dataclass(frozen=True)
class FeltVote:
    """One value on one indicator, given `count` times (1 for a person, N for stickers)."""

    indicator: int
    value: int
    count: int = 1
    college: College | None = None


@dataclass(frozen=True)
class FeltIndicator:
    """The felt barometer of one indicator over a group of votes."""

    indicator: int
    n: int
    #: The mean value, 0–10 (None when nobody placed this indicator).
    mean: float | None
    #: The mean on 0–100 (10 × mean): the questionnaire barometer's scale.
    position: float | None
    #: Placements on each value 0 … 10.
    distribution: tuple[int, ...]


def check_value(value: int) -> int:
    """A value typed for an indicator: 0–10; a French error otherwise."""
    if not LOWEST <= value <= HIGHEST:
        raise InvalidInput(
            f"Valeur {value} : le ressenti va de {LOWEST} (pôle dépression) "
            f"à {HIGHEST} (pôle vitalité)."
        )
    return value


def check_count(count: int) -> int:
    """A number of stickers on one value: 0 to `MAX_STICKERS`; a French error otherwise."""
    if not 0 <= count <= MAX_STICKERS:
        raise InvalidInput(f"Nombre de gommettes : de 0 à {MAX_STICKERS} ({count} saisi).")
    return count


def aggregate_one(number: int, votes: Iterable[FeltVote]) -> FeltIndicator:
    """One indicator over `votes` (votes on other indicators are ignored)."""
    distribution = [0] * len(VALUES)
    for vote in votes:
        if vote.indicator != number:
            continue
        if vote.value not in VALUES:
            raise ValueError(f"felt value out of range: {vote.value}")
        if vote.count < 0:
            raise ValueError(f"negative count: {vote.count}")
        distribution[vote.value] += vote.count
    n = sum(distribution)
    total = sum(value * count for value, count in zip(VALUES, distribution, strict=True))
    mean = total / n if n else None
    return FeltIndicator(
        indicator=number,
        n=n,
        mean=mean,
        position=None if mean is None else 10 * mean,
        distribution=tuple(distribution),
    )


def aggregate(votes: Iterable[FeltVote]) -> list[FeltIndicator]:
    """The four indicators over `votes` (n = 0 where nobody placed one)."""
    kept = list(votes)
    return [aggregate_one(shown.number, kept) for shown in INDICATORS]


def by_college(votes: Iterable[FeltVote]) -> dict[College, list[FeltIndicator]]:
    """The four indicators for each collège, in the collèges' order; votes without one are
    left out here (they count in the whole)."""
    kept = list(votes)
    return {
        college: aggregate(vote for vote in kept if vote.college is college) for college in College
    }


def sticker_voters(votes: Iterable[FeltVote]) -> int:
    """How many people a sticker vote stands for: the most stickers placed on one indicator
    (each person places one sticker per indicator, some may skip one)."""
    per_indicator = {shown.number: 0 for shown in INDICATORS}
    for vote in votes:
        per_indicator[vote.indicator] = per_indicator.get(vote.indicator, 0) + vote.count
    return max(per_indicator.values(), default=0)
