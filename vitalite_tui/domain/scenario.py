"""The scenario sketch of workshop 2's debrief: a first text per indicator from the intentions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from vitalite_tui.domain.indicators import INDICATORS, indicator
from vitalite_tui.domain.text import fold, of

#: Titles quoted in a proposal; the others are counted.
MAX_LISTED = 8


def _unique(titles: Sequence[str]) -> list[str]:
    """Titles in order, blanks and repeats (accents and case aside) left out."""
    seen: set[str] = set()
    kept = []
    for title in titles:
        line = " ".join(title.split())
        if line and fold(line) not in seen:
            seen.add(fold(line))
            kept.append(line)
    return kept


def _enumeration(quoted: Sequence[str], rest: int) -> str:
    """« « A » », « « A » et « B » », « « A », « B » et 3 autres »."""
    items = list(quoted) + ([f"{rest} autres"] if rest else [])
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " et " + items[-1]


def draft_text(number: int, titles: Sequence[str]) -> str:
    """A short French paragraph for indicator `number` listing the intentions' titles.

    Empty when there is no intention: nothing to propose. Titles are quoted as written, so
    their capitals stay right; beyond `MAX_LISTED`, the others are counted.
    """
    unique = _unique(titles)
    if not unique:
        return ""
    shown = indicator(number)
    listed = [f"« {title} »" for title in unique[:MAX_LISTED]]
    rest = len(unique) - len(listed)
    opening = (
        f"{shown.short_name} : pour que le territoire passe {of(f'« {shown.depression} »')} "
        f"à « {shown.vitality} », "
    )
    if len(unique) == 1:
        return opening + f"les sous-groupes proposent une intention : {listed[0]}."
    if rest:
        return (
            opening + f"les sous-groupes proposent {len(unique)} intentions, dont "
            f"{_enumeration(listed, rest)}."
        )
    return (
        opening + f"les sous-groupes proposent {len(unique)} intentions : "
        f"{_enumeration(listed, 0)}."
    )


def draft_texts(titles_by_indicator: Mapping[int, Sequence[str]]) -> dict[int, str]:
    """`draft_text` for each of the four indicators ("" where no intention is tagged)."""
    return {
        shown.number: draft_text(shown.number, titles_by_indicator.get(shown.number, ()))
        for shown in INDICATORS
    }


def filled(
    current: Mapping[int, str], proposals: Mapping[int, str], *, replace: bool = False
) -> dict[int, str]:
    """The texts once the proposals are put in: only where empty, unless `replace`.

    An empty proposal never wipes a text out.
    """
    result = {}
    for shown in INDICATORS:
        text = current.get(shown.number, "")
        proposal = proposals.get(shown.number, "")
        result[shown.number] = proposal if proposal and (replace or not text.strip()) else text
    return result
