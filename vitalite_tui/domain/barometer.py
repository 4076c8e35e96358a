"""The barometer of social vitality, computed from questionnaire answers.

For one respondent and one indicator:

- each answer on an agreement scale of k choices (1 … k) becomes an agreement a on 0–100:
  a = 100 × (value − 1) / (k − 1); "sans réponse" (0 or missing) is left out;
- the **vitality score** V is the mean agreement over the answered items of the vitality
  pole, the **depression score** D the same over the depression pole;
- the **position** between the poles (0 = depression pole, 100 = vitality pole) is
  (V + (100 − D)) / 2, or V alone, or 100 − D alone when only one pole was answered;
- the indicator is left out for a respondent who answered fewer than half of its items.

For a group of respondents the barometer gives, per indicator, the count n of respondents
kept, the means of V, D and the position, and the distribution of positions in five bands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from math import fsum
from statistics import fmean

from vitalite_tui.domain.indicators import INDICATORS, Pole

#: Bands of the position, for the distribution: [0, 20), [20, 40), … [80, 100].
BANDS: tuple[str, ...] = ("0–19", "20–39", "40–59", "60–79", "80–100")

#: The formula above in French, as the barometer's help (F1) shows it; exports/README.md
#: states the same words (a test checks).
FORMULA = (
    "Pour chaque répondant et chaque indicateur : chaque réponse sur une échelle de k choix "
    "(1 à k) devient un accord a de 0 à 100, a = 100 × (réponse − 1) / (k − 1) (sur "
    "l'échelle en quatre points : 1 → 0, 2 → 33, 3 → 67, 4 → 100) ; « sans réponse » n'est "
    "pas compté. Le score de vitalité V est la moyenne des accords aux phrases du pôle "
    "vitalité, le score de dépression D la même moyenne pour les phrases du pôle "
    "dépression. La position entre les deux pôles (0 = pôle dépression, 100 = pôle "
    "vitalité) vaut (V + (100 − D)) / 2, ou V seul, ou 100 − D seul quand un seul pôle a "
    "reçu des réponses. Un répondant qui a répondu à moins de la moitié des phrases d'un "
    "indicateur n'est pas compté pour cet indicateur. Pour un groupe de répondants, le "
    "baromètre donne pour chaque indicateur le nombre n de répondants comptés, les "
    "moyennes de V, de D et de la position, et la répartition des positions en cinq "
    "tranches : 0–19, 20–39, 40–59, 60–79, 80–100."
)


@dataclass(frozen=True)
class Item:
    """What the barometer needs of a questionnaire item."""

    code: str
    indicator: int
    pole: Pole
    choices: int  # k: the number of answers on its scale, 1 … k


@dataclass(frozen=True)
class Sheet:
    """One respondent's answers (item code → value; 0 or absent: sans réponse)."""

    answers: Mapping[str, int | None]
    profile: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Score:
    """One respondent on one indicator."""

    indicator: int
    vitality: float | None
    depression: float | None
    position: float


@dataclass(frozen=True)
class IndicatorBarometer:
    indicator: int
    n: int
    vitality: float | None
    depression: float | None
    position: float | None
    distribution: tuple[int, ...]  # respondents per band of BANDS


def agreement(value: int, choices: int) -> float:
    """1 … k on the scale → 0 … 100."""
    return 100.0 * (value - 1) / (choices - 1)


def score(sheet: Sheet, items: Sequence[Item], indicator: int) -> Score | None:
    """The respondent's scores on one indicator, or None when too few items were answered."""
    return _score(sheet, [item for item in items if item.indicator == indicator], indicator)


def _score(sheet: Sheet, own: Sequence[Item], indicator: int) -> Score | None:
    """`score` over the indicator's own items, already picked out."""
    if not own:
        return None
    vitalities: list[float] = []
    depressions: list[float] = []
    answers = sheet.answers
    for item in own:
        value = answers.get(item.code)
        if value is None or value == 0:
            continue
        choices = item.choices
        if not 1 <= value <= choices:
            raise ValueError(f"{item.code}: {value} outside 1…{choices}")
        pole = vitalities if item.pole == Pole.VITALITY else depressions
        # `agreement`, written out: called for every answer of thousands of sheets.
        pole.append(100.0 * (value - 1) / (choices - 1))
    if (len(vitalities) + len(depressions)) * 2 < len(own):
        return None
    # fsum / n is what `fmean` computes for a list, without its checks.
    vitality = fsum(vitalities) / len(vitalities) if vitalities else None
    depression = fsum(depressions) / len(depressions) if depressions else None
    if vitality is not None and depression is not None:
        position = (vitality + 100.0 - depression) / 2
    elif vitality is not None:
        position = vitality
    else:
        assert depression is not None  # answered > 0 since len(own) > 0
        position = 100.0 - depression
    return Score(indicator, vitality, depression, position)


def band(position: float) -> int:
    """Index in BANDS of a position on 0–100."""
    return min(int(position // 20), len(BANDS) - 1)


@dataclass(frozen=True)
class ScoredSheet:
    """A sheet with its scores on each indicator it counts for (scored once, split often)."""

    sheet: Sheet
    scores: dict[int, Score]


def score_sheets(sheets: Iterable[Sheet], items: Sequence[Item]) -> list[ScoredSheet]:
    # Each indicator's items picked out once, not once per sheet: 3,000 sheets at ten times
    # the large demo.
    owned = [(i.number, [item for item in items if item.indicator == i.number]) for i in INDICATORS]
    scored = []
    for sheet in sheets:
        results = {number: _score(sheet, own, number) for number, own in owned}
        scored.append(ScoredSheet(sheet, {n: r for n, r in results.items() if r is not None}))
    return scored


def aggregate(scored: Iterable[ScoredSheet]) -> list[IndicatorBarometer]:
    """The four indicators over already scored sheets (n = 0 where nobody is kept)."""
    kept: dict[int, list[Score]] = {i.number: [] for i in INDICATORS}
    for sheet in scored:
        for number, result in sheet.scores.items():
            kept[number].append(result)
    return [_aggregate(number, scores) for number, scores in kept.items()]


def barometer(sheets: Iterable[Sheet], items: Sequence[Item]) -> list[IndicatorBarometer]:
    """The four indicators over a group of respondents (n = 0 where nobody is kept)."""
    return aggregate(score_sheets(sheets, items))


def _mean(values: list[float]) -> float | None:
    return fmean(values) if values else None


def _aggregate(number: int, scores: list[Score]) -> IndicatorBarometer:
    counts = [0] * len(BANDS)
    for result in scores:
        counts[band(result.position)] += 1
    return IndicatorBarometer(
        indicator=number,
        n=len(scores),
        vitality=_mean([s.vitality for s in scores if s.vitality is not None]),
        depression=_mean([s.depression for s in scores if s.depression is not None]),
        position=_mean([s.position for s in scores]),
        distribution=tuple(counts),
    )


def by_segment(
    sheets: Iterable[Sheet], items: Sequence[Item], segment: Callable[[Sheet], str]
) -> dict[str, list[IndicatorBarometer]]:
    """The barometer of each segment (commune, age band, any profile field), sorted by name."""
    return split_scored(score_sheets(sheets, items), segment)


def split_scored(
    scored: Iterable[ScoredSheet], segment: Callable[[Sheet], str]
) -> dict[str, list[IndicatorBarometer]]:
    """`by_segment` over sheets scored once: the workbook splits the same pool many ways."""
    groups: dict[str, list[ScoredSheet]] = {}
    for item in scored:
        groups.setdefault(segment(item.sheet) or "non renseigné", []).append(item)
    return {name: aggregate(groups[name]) for name in sorted(groups)}
