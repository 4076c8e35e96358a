"""The trends catalogue of workshop 2: its entries, the rules its JSON schema cannot say."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from vitalite_tui.domain.text import fold

#: Longest title and description of a trend, as the schema says (`trends.schema.json`).
MAX_TITLE = 120
MAX_DESCRIPTION = 1000

T = TypeVar("T")


@dataclass(frozen=True)
class CatalogueTrend:
    """One trend of the catalogue, as shipped in `schemas/tendances.json`."""

    code: str
    title: str
    description: str
    source: str = ""
    #: The indicators (1–4) the trend touches most, in the catalogue's order.
    indicators: tuple[int, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    """A trends catalogue: its id, version, title and trends in the order they are offered."""

    id: str
    version: str
    title: str
    trends: tuple[CatalogueTrend, ...]

    def get(self, code: str | None) -> CatalogueTrend | None:
        return next((t for t in self.trends if t.code == code), None)


def catalogue_problems(document: dict[str, Any]) -> list[str]:
    """French descriptions of what is wrong; empty when the catalogue can be used.

    Expects a document already valid against `trends.schema.json`: what is left are the
    rules a schema cannot express, a code or a title used twice.
    """
    trends = document.get("trends", [])
    problems = [
        f"le code « {code} » est employé {count} fois"
        for code, count in sorted(Counter(t["code"] for t in trends).items())
        if count > 1
    ]
    seen: set[str] = set()
    for index, trend in enumerate(trends):
        folded = fold(" ".join(trend["title"].split()))
        if folded in seen:
            # Said where the repeat is: that is the line to change.
            problems.append(f"trends[{index}] : l'intitulé « {trend['title']} » est en double")
        seen.add(folded)
    return problems


def parse_catalogue(document: dict[str, Any]) -> Catalogue:
    """The catalogue of a document already checked (schema and `catalogue_problems`)."""
    return Catalogue(
        id=str(document["id"]),
        version=str(document["version"]),
        title=str(document["title"]),
        trends=tuple(
            CatalogueTrend(
                code=str(t["code"]),
                title=" ".join(str(t["title"]).split()),
                description=str(t["description"]).strip(),
                source=str(t.get("source", "")).strip(),
                indicators=tuple(int(n) for n in t.get("indicators", [])),
            )
            for t in document["trends"]
        ),
    )


def moved(items: Sequence[T], index: int, step: int) -> list[T]:
    """`items` with the one at `index` moved `step` places (-1 up, 1 down), kept in bounds."""
    order = list(items)
    if not 0 <= index < len(order):
        raise IndexError(index)
    target = min(max(index + step, 0), len(order) - 1)
    order.insert(target, order.pop(index))
    return order
