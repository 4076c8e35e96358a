"""The demo's vote of workshop 3: candidates from the intentions, two ways of voting, kept ones.

Runs after the intentions of workshop 2 are written; without intentions or without anyone
present at workshop 3 it does nothing. The facilitators import the intentions, merge a few
near-duplicates, then about a quarter of those present give their dots on a ballot typed
in, the others stick theirs on the wall, read out by collège. The vote is closed and the
first actions kept; a tie on the last kept place is settled by moving one dot, as the room
would have settled it by a show of hands.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import time, timedelta
from typing import TYPE_CHECKING

from vitalite_tui.demo import data as data
from vitalite_tui.demo.context import paris_to_utc
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.domain.text import fold
from vitalite_tui.domain.votes import (
    BallotLine,
    Candidate,
    TallyLine,
    count_votes,
    select_kept,
    suggest_dots,
)
from vitalite_tui.store.bulk import ActionRow, IntentionRow, LinkRow, VoteRow, VoteSessionRow
from vitalite_tui.store.vote.records import BALLOT, TALLY
from vitalite_tui.store.vote.votes import CANDIDATE, KEPT, MERGED, VOTE_WORKSHOP

if TYPE_CHECKING:
    from vitalite_tui.demo.context import DemoContext

#: Its own seed: what is drawn here neither depends on nor shifts the other fills.
SEED = "vitalite-demo-votes"

#: Of those present, the share whose ballot is typed in (the others use the wall).
BALLOT_SHARE = 0.25
#: The most dots one person may put on one action.
MAX_PER_ACTION = 2


@dataclass(frozen=True)
class VoteSize:
    """How the demo votes: pairs of candidates merged, actions kept."""

    merges: int
    keep: int


SIZES: dict[int, VoteSize] = {
    # Up to 20 intentions (the small demo): two merges, five actions kept.
    20: VoteSize(merges=2, keep=5),
    # More (the large demo, 150 intentions): a few more merges, ten kept.
    10**6: VoteSize(merges=6, keep=10),
}


def _size(intentions: int) -> VoteSize:
    return next(size for bound, size in sorted(SIZES.items()) if intentions <= bound)


def _spend(rng: random.Random, weights: dict[str, float], dots: int, cap: int) -> dict[str, int]:
    """One person's dots: drawn one by one along their preferences, at most `cap` per action."""
    spent: dict[str, int] = {}
    for _ in range(dots):
        open_ = [a for a in weights if spent.get(a, 0) < cap]
        if not open_:
            break
        (choice,) = rng.choices(open_, [weights[a] for a in open_])
        spent[choice] = spent.get(choice, 0) + 1
    return spent


def _first_of_each_title(actions: Sequence[ActionRow]) -> dict[str, int]:
    """The index of the first action of each title (accents and case aside)."""
    first: dict[str, int] = {}
    for index, action in enumerate(actions):
        first.setdefault(fold(action.title), index)
    return first


def _merges(
    rng: random.Random,
    intentions: Sequence[IntentionRow],
    actions: Sequence[ActionRow],
    wanted: int,
) -> list[tuple[int, int]]:
    """The candidates the room merges, as (kept, merged) indexes of `actions`.

    The same idea worded alike by several sub-groups is one candidate: each repeat of a title
    joins its first (the ranking would show it as many times otherwise). Then `wanted`
    near-duplicates among the distinct titles (see `_pairs`).
    """
    first = _first_of_each_title(actions)
    repeats = [(first[fold(action.title)], gone) for gone, action in enumerate(actions)]
    distinct = [index for index, action in enumerate(actions) if first[fold(action.title)] == index]
    pairs = {
        gone: into
        for into, gone in _pairs(rng, [intentions[i] for i in distinct], wanted, distinct)
    }
    # A repeat of a title whose first is merged goes where that first went: no chains.
    return [(pairs.get(into, into), gone) for into, gone in repeats if into != gone] + [
        (into, gone) for gone, into in pairs.items()
    ]


def _pairs(
    rng: random.Random,
    intentions: Sequence[IntentionRow],
    wanted: int,
    indexes: Sequence[int],
) -> list[tuple[int, int]]:
    """Pairs of intentions written against the same trend: the near-duplicates the room
    merges, as `indexes` of these intentions. The second of each pair joins the first."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, intention in zip(indexes, intentions, strict=True):
        groups[str(intention.trend)].append(index)
    pairs: list[tuple[int, int]] = []
    # Groups in the order of their first intention: trend ids are drawn afresh in every
    # base, so sorting by them would merge other pairs each time.
    for members in groups.values():
        rng.shuffle(members)
        pairs += [(members[i], members[i + 1]) for i in range(0, len(members) - 1, 2)]
    rng.shuffle(pairs)
    return pairs[: min(wanted, len(intentions) // 4)]


def fill_votes(context: DemoContext) -> None:
    """Candidates, the closed vote of workshop 3 (ballots and wall tallies), kept actions."""
    store = context.store
    demarche = context.demarche
    workshop = store.workshops.get(context.demarche_id, VOTE_WORKSHOP)
    workshop_id = uuid.UUID(workshop.id)
    present = [e.participant for e in store.workshops.present(context.demarche_id, VOTE_WORKSHOP)]
    intentions = store.bulk.intentions(context.demarche_id)
    if not present or not intentions:
        return
    rng = random.Random(SEED)
    size = _size(len(intentions))
    day = workshop.date or data.WORKSHOPS[VOTE_WORKSHOP - 1][0]
    evening = paris_to_utc(day, time(18, 45))

    # The candidates, one per intention, linked to it; then near-duplicates merged.
    actions = [
        ActionRow(
            created_at=evening,
            demarche=demarche,
            title=intention.title,
            description=intention.description,
            indicators=intention.indicators or [],
            status=CANDIDATE,
            kept=False,
            position=position,
            merged_into=None,
        )
        for position, intention in enumerate(intentions)
    ]
    links = [
        LinkRow(
            created_at=evening,
            demarche=demarche,
            source_type=LinkKind.INTENTION.value,
            source_id=intention.id,
            target_type=LinkKind.ACTION.value,
            target_id=action.id,
        )
        for intention, action in zip(intentions, actions, strict=True)
    ]
    merges = _merges(rng, intentions, actions, size.merges)
    for into, gone in merges:
        actions[gone].merged_into = actions[into].id
        actions[gone].status = MERGED
        actions[gone].updated_at = evening + timedelta(minutes=10)
    store.bulk.insert(actions)
    store.bulk.insert(links)
    candidates = [a for a in actions if a.merged_into is None]
    ids = [str(a.id) for a in candidates]

    # The rules, prefilled with the suggestion, and how each collège leans.
    dots = suggest_dots(len(candidates))
    popularity = {a: rng.paretovariate(1.5) for a in ids}
    leaning = {
        college: {a: popularity[a] * rng.lognormvariate(0, 0.6) for a in ids} for college in College
    }
    voters = rng.sample(present, max(1, round(len(present) * BALLOT_SHARE)))
    by_ballot = {person.id for person in voters}
    ballots: list[BallotLine] = []
    for person in voters:
        college = person.college
        for action, count in _spend(rng, leaning[college], dots, MAX_PER_ACTION).items():
            ballots.append(BallotLine(str(person.id), college, action, count))
    wall: dict[tuple[str, College], int] = {(a, c): 0 for a in ids for c in College}
    for person in present:
        if person.id in by_ballot:
            continue
        college = person.college
        for action, count in _spend(rng, leaning[college], dots, MAX_PER_ACTION).items():
            wall[(action, college)] += count
    _settle_tie([Candidate(str(a.id), a.title) for a in candidates], ballots, wall, size.keep)

    # Typed in during the evening, then closed.
    session = VoteSessionRow(
        created_at=evening,
        workshop=workshop_id,
        round_number=1,
        dots_per_participant=dots,
        max_per_action=MAX_PER_ACTION,
        hide_results=False,
        keep_count=size.keep,
        weight_colleges=False,
        closed_at=paris_to_utc(day, time(20, 35)),
    )
    store.bulk.insert([session])
    typed = paris_to_utc(day, time(20, 5))
    rows = [
        VoteRow(
            created_at=typed + timedelta(seconds=5 * n),
            session=session.id,
            action=uuid.UUID(line.action_id),
            participant=uuid.UUID(line.participant_id),
            college=line.college.value if line.college is not None else None,
            dots=line.dots,
            source=BALLOT,
        )
        for n, line in enumerate(ballots)
    ]
    read = paris_to_utc(day, time(20, 20))
    rows += [
        VoteRow(
            created_at=read + timedelta(seconds=2 * n),
            session=session.id,
            action=uuid.UUID(action),
            participant=None,
            college=college.value,
            dots=count,
            source=TALLY,
        )
        for n, ((action, college), count) in enumerate(wall.items())
    ]
    store.bulk.insert(rows)
    kept = _kept([Candidate(str(a.id), a.title) for a in candidates], ballots, wall, size)
    store.bulk.keep_actions(kept, KEPT)


def _tallies(wall: dict[tuple[str, College], int]) -> list[TallyLine]:
    return [TallyLine(action, college, count) for (action, college), count in wall.items()]


def _kept(
    candidates: Sequence[Candidate],
    ballots: Iterable[BallotLine],
    wall: dict[tuple[str, College], int],
    size: VoteSize,
) -> list[uuid.UUID]:
    results = count_votes(candidates, list(ballots), _tallies(wall))
    return [uuid.UUID(a) for a in select_kept(results, size.keep).kept]


def _settle_tie(
    candidates: Sequence[Candidate],
    ballots: Sequence[BallotLine],
    wall: dict[tuple[str, College], int],
    keep: int,
) -> None:
    """Move wall dots, one at a time, to the first of the actions tied on the last kept
    place, until no tie is left there (the dots on the wall stay as many).

    Each move puts that action above the tie for good, so the places left fall by one:
    the dot comes from an action ranked below the tie, else from another tied action,
    else from one far enough above (two dots more) to stay above it.
    """
    for _ in range(2 * keep):
        results = count_votes(candidates, ballots, _tallies(wall))
        tie = select_kept(results, keep).tie
        if tie is None:
            return
        score = {a.action_id: a.score for a in results.actions}
        level = score[tie.action_ids[0]]
        winner = tie.action_ids[0]
        below = [a for a in reversed(results.actions) if score[a.action_id] < level]
        tied = [a for a in reversed(results.actions) if a.action_id in tie.action_ids[1:]]
        above = [a for a in results.actions if score[a.action_id] >= level + 2]
        donor = next(
            (
                (a.action_id, college)
                for a in (*below, *tied, *above)
                for college in College
                if wall[(a.action_id, college)] > 0
            ),
            None,
        )
        if donor is None:
            return
        wall[donor] -= 1
        wall[(winner, donor[1])] += 1
