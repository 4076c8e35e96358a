"""The thread of an idea: a workshop-1 note → axis → intention → action → charter article.

What is linked to what is stored as `Link` rows typed with these kinds, except the two
one-to-one ties the model holds as columns: a note's axis (`Note.axis`) and an intention's
axis (`Intention.axis`). An action merged into another keeps its own links and points to the
action it joined (`Action.merged_into`): the merged action's origins are both sets.
"""

from __future__ import annotations

from enum import Enum


class LinkKind(str, Enum):
    """What a `Link` row's source or target is."""

    NOTE = "note"
    AXIS = "axis"
    INTENTION = "intention"
    ACTION = "action"
    ARTICLE = "article"
    #: A workshop-3 sub-group, linked to the kept action its rounds deepen.
    SUBGROUP = "subgroup"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    LinkKind.NOTE: "note",
    LinkKind.AXIS: "axe",
    LinkKind.INTENTION: "intention",
    LinkKind.ACTION: "action",
    LinkKind.ARTICLE: "article de la charte",
    LinkKind.SUBGROUP: "sous-groupe",
}

#: The links the method makes, source kind → target kinds. Anything else is refused.
ALLOWED_LINKS: dict[LinkKind, frozenset[LinkKind]] = {
    LinkKind.NOTE: frozenset({LinkKind.INTENTION}),
    LinkKind.AXIS: frozenset({LinkKind.ARTICLE}),
    LinkKind.INTENTION: frozenset({LinkKind.ACTION}),
    LinkKind.ACTION: frozenset({LinkKind.ARTICLE}),
    LinkKind.SUBGROUP: frozenset({LinkKind.ACTION}),
}


def allowed(source: LinkKind, target: LinkKind) -> bool:
    return target in ALLOWED_LINKS.get(source, frozenset())
