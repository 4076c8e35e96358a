"""Communes of a territory: whether a typed name is one of them, and which ones it is closest to."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from vitalite_tui.domain.text import fold


def folded_commune(name: str) -> str:
    """A commune as compared: case, accents and extra spaces aside."""
    return " ".join(fold(name).split())


def outside_territory(commune: str, communes: Sequence[str]) -> bool:
    """True for a commune typed that is none of the territory's (an empty one is not said)."""
    typed = folded_commune(commune)
    return bool(typed and communes) and typed not in {folded_commune(c) for c in communes}


def closest_communes(commune: str, communes: Sequence[str], count: int = 3) -> list[str]:
    """The territory's communes most like `commune`, best first: those that begin like it
    (« s » → Saint-…), then by likeness of spelling (« Homp » → Homps)."""
    typed = folded_commune(commune)

    def likeness(name: str) -> tuple[bool, float, str]:
        folded = folded_commune(name)
        return (not folded.startswith(typed), -SequenceMatcher(None, typed, folded).ratio(), name)

    return sorted(communes, key=likeness)[:count]
