"""Forming sub-groups: even sizes, collèges spread, communes mixed, collèges alternating.

The method wants every sub-group to hear all three collèges and people from several
communes. Forming works in three passes, each keeping what the previous one guaranteed:

1. quotas: the people of each collège are dealt to the groups one after another, as cards
   are dealt, so group sizes differ by at most one and so do each collège's counts;
2. assignment: people of the biggest communes are placed first, each in the group that
   still has room for their collège and holds fewest people of their commune;
3. mixing: two people of the same collège in different groups swap places while that
   lowers the number of same-commune pairs (quotas are untouched by such a swap).

The seed only breaks ties, so the same people and seed always give the same groups, while
another seed gives the facilitator another draw.
"""

from __future__ import annotations

import random
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.text import fold

#: When collèges tie for the next turn to speak, habitants go first and élus last: people
#: less used to speaking in public should not have to follow the officials.
SPEAKING_PRECEDENCE: tuple[College, ...] = (College.HABITANT, College.ACTEUR, College.ELU)


@dataclass(frozen=True)
class Person:
    """What forming needs to know about a participant."""

    id: str
    college: College
    commune: str = ""

    @property
    def place(self) -> str:
        """The commune as compared for mixing ("" when unknown: never counted as shared)."""
        return fold(self.commune).strip()


def form_subgroups(people: Sequence[Person], count: int = 4, seed: int = 0) -> list[list[str]]:
    """`count` groups of ids, each in speaking order; see the module docstring."""
    if count < 1:
        raise ValueError(f"sub-group count must be at least 1: {count}")
    if len({person.id for person in people}) != len(people):
        raise ValueError("the same person appears twice")
    rng = random.Random(seed)
    quotas = college_quotas(people, count, rng)
    groups = assign(people, quotas, rng)
    mix_communes(groups)
    return [speaking_order(group) for group in groups]


def college_quotas(
    people: Sequence[Person], count: int, rng: random.Random
) -> list[Counter[College]]:
    """How many people of each collège each group gets, dealt in one continuous round."""
    deal = list(range(count))
    rng.shuffle(deal)
    quotas: list[Counter[College]] = [Counter() for _ in range(count)]
    sizes = Counter(person.college for person in people)
    cursor = 0
    for college in College:
        for _ in range(sizes[college]):
            quotas[deal[cursor % count]][college] += 1
            cursor += 1
    return quotas


def assign(
    people: Sequence[Person], quotas: list[Counter[College]], rng: random.Random
) -> list[list[Person]]:
    """Fill the quotas, spreading each commune, biggest communes first."""
    commune_sizes = Counter(person.place for person in people if person.place)
    ordered = sorted(
        people,
        key=lambda p: (-commune_sizes[p.place] if p.place else 1, p.place, p.id),
    )
    room = [Counter(quota) for quota in quotas]
    groups: list[list[Person]] = [[] for _ in quotas]
    present: list[Counter[str]] = [Counter() for _ in quotas]
    for person in ordered:
        candidates = [g for g in range(len(groups)) if room[g][person.college] > 0]
        ranked = [
            (
                present[g][person.place] if person.place else 0,
                -room[g][person.college],
                rng.random(),
                g,
            )
            for g in candidates
        ]
        chosen = min(ranked)[3]
        groups[chosen].append(person)
        room[chosen][person.college] -= 1
        if person.place:
            present[chosen][person.place] += 1
    return groups


def commune_pairs(group: Sequence[Person]) -> int:
    """Pairs of people of one group who come from the same (known) commune."""
    counts = Counter(person.place for person in group if person.place)
    return sum(n * (n - 1) // 2 for n in counts.values())


def mix_communes(groups: list[list[Person]]) -> None:
    """Swap same-collège people between groups while it lowers same-commune pairs."""
    counts = [Counter(p.place for p in group if p.place) for group in groups]

    def gain(a: int, b: int, p: Person, q: Person) -> int:
        """How many same-commune pairs the swap of p (in a) and q (in b) removes."""
        if p.place == q.place:
            return 0
        removed = added = 0
        for place, leaving, joining in ((p.place, a, b), (q.place, b, a)):
            if place:
                removed += counts[leaving][place] - 1
                added += counts[joining][place]
        return removed - added

    improved = True
    while improved:
        improved = False
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                for i in range(len(groups[a])):
                    for j in range(len(groups[b])):
                        p, q = groups[a][i], groups[b][j]
                        if p.college is not q.college or gain(a, b, p, q) <= 0:
                            continue
                        groups[a][i], groups[b][j] = q, p
                        for place, leaving, joining in ((p.place, a, b), (q.place, b, a)):
                            if place:
                                counts[leaving][place] -= 1
                                counts[joining][place] += 1
                        improved = True


def speaking_order(group: Sequence[Person]) -> list[str]:
    """Ids in an order where collèges alternate as much as their numbers allow.

    Each turn goes to the collège with the most people still to speak, other than the
    collège that just spoke; ties follow `SPEAKING_PRECEDENCE`. Within a collège, people keep
    their order in `group`.
    """
    waiting = {college: deque(p for p in group if p.college is college) for college in College}
    order: list[str] = []
    last: College | None = None
    while any(waiting.values()):
        options = [college for college in SPEAKING_PRECEDENCE if waiting[college]]
        candidates = [college for college in options if college is not last] or options
        # max() keeps the first of equals, hence the precedence on ties.
        last = max(candidates, key=lambda college: len(waiting[college]))
        order.append(waiting[last].popleft().id)
    return order


def group_for_late_arrival(person: Person, groups: Sequence[Sequence[Person]]) -> int:
    """The index of the group a late arrival fits best: fewest of their collège, then of their
    commune, then fewest people (the first such group on a tie); forming stays untouched."""
    if not groups:
        raise ValueError("no sub-group to join")

    def fit(index: int) -> tuple[int, int, int, int]:
        group = groups[index]
        return (
            sum(1 for other in group if other.college is person.college),
            sum(1 for other in group if person.place and other.place == person.place),
            len(group),
            index,
        )

    return min(range(len(groups)), key=fit)
