"""Counting the vote of workshop 3: dots from ballots and wall tallies, ranks, ties, kept actions.

Each participant has a few dots (stickers) to put on the candidate actions. They are recorded
two ways, mixed freely in one vote: a **ballot** holds one person's dots (by participant id),
a **tally** the count read off the wall for one action and one collège (or none, when the
stickers were not coloured). A person whose ballot was typed did not stick dots on the wall,
so the two never count the same dot twice.

- **Total** of an action: the dots of its ballots plus the dots of its tallies.
- **Weighted score** (collèges weighted equally, when attendance was unbalanced): let C be
  the collèges with someone present, v_c the people present of collège c, V = Σ v_c and
  K = |C|. Then ``score(a) = Σ_{c∈C} d_c(a) × V / (K × v_c) + d_other(a)``: each collège's
  dots are divided by that collège's voters, so each collège weighs the same, and rescaled so
  that with balanced attendance the score equals the total. Dots that cannot be weighted
  (tallies without a collège, a collège with nobody present) count as they are.
  Without weighting the score is the total. Scores are exact fractions, so ties are exact.
- **Ranking**: by score, highest first, then by title (ties keep a stable order); the rank is
  the standard competition rank (1, 2, 2, 4): one plus the number of actions scoring more.
- **Disagreement** (⚠): a collège's *share* of an action is the part of that collège's dots
  it received. The collèges disagree on an action when two collèges' shares differ by
  `DISAGREEMENT_GAP` (20 points) or more; only collèges that placed at least
  `DISAGREEMENT_MIN_DOTS` dots in the vote take part (a handful of dots says little).
- **Kept actions**: the first `keep_count` of the ranking, among actions with at least one
  dot. When the last kept place is shared by tied actions, the tie is reported (the tied
  actions and the places left) and the actions above it are kept; a tie-break round among
  the tied actions only then decides the last places, the same way (it may tie again).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.errors import InvalidInput
from vitalite_tui.domain.text import fold, plural

#: The suggestion of dots per participant is about a third of the candidates, at most this.
MAX_SUGGESTED_DOTS = 10
#: Bounds of the settings a facilitator may type.
MAX_DOTS = 30
MAX_KEEP = 99
#: The most dots one wall cell (one action, one collège) may hold: a typo guard.
MAX_TALLY = 999

#: Two collèges whose shares of an action differ by this much (or more) disagree on it.
DISAGREEMENT_GAP = Fraction(1, 5)
#: A collège takes part in the disagreement check once it placed this many dots.
DISAGREEMENT_MIN_DOTS = 6

#: A collège of a ballot or a tally; None: unknown (stickers of one colour on the wall).
CollegeKey = College | None


def suggest_dots(candidates: int) -> int:
    """Dots per participant to suggest: about a third of the candidates, from 1 to 10.

    Dot-voting guides advise a third of the options: enough to express a choice, few enough
    to force one. The cap keeps the wall count humane when the candidates are many.
    """
    return max(1, min(MAX_SUGGESTED_DOTS, round(candidates / 3)))


def expected_wall_dots(present: int, ballot_voters: int, dots_per_participant: int) -> int:
    """Dots expected on the wall: people present without a typed ballot, times their dots."""
    return max(present - ballot_voters, 0) * dots_per_participant


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class VoteSettings:
    """The rules of one round of the vote."""

    dots_per_participant: int
    max_per_action: int
    keep_count: int | None = None
    weight_colleges: bool = False


@dataclass(frozen=True)
class Candidate:
    """An action put to the vote."""

    id: str
    title: str


@dataclass(frozen=True)
class BallotLine:
    """Dots one participant put on one action."""

    participant_id: str
    college: CollegeKey
    action_id: str
    dots: int


@dataclass(frozen=True)
class TallyLine:
    """Dots read off the wall for one action (and one collège, when stickers were coloured)."""

    action_id: str
    college: CollegeKey
    dots: int


def check_settings(settings: VoteSettings) -> None:
    """French error when a setting is out of its bounds."""
    dots = settings.dots_per_participant
    if not 1 <= dots <= MAX_DOTS:
        raise InvalidInput(f"Gommettes par personne : de 1 à {MAX_DOTS} ({dots} saisies).")
    if not 1 <= settings.max_per_action <= dots:
        raise InvalidInput(
            f"Gommettes sur une même action : de 1 à {dots}, le nombre de gommettes par "
            f"personne ({settings.max_per_action} saisies)."
        )
    keep = settings.keep_count
    if keep is not None and not 1 <= keep <= MAX_KEEP:
        raise InvalidInput(f"Actions à retenir : de 1 à {MAX_KEEP} ({keep} saisies).")


def check_ballot(
    dots: Mapping[str, int], settings: VoteSettings, titles: Mapping[str, str] | None = None
) -> None:
    """French error when a ballot breaks a cap: more dots than a person has, or too many on
    one action. `dots` maps action ids to dots; `titles` names the actions in the message."""
    names = titles or {}
    for action_id, count in dots.items():
        name = names.get(action_id, "Une action")
        if count < 0:
            raise InvalidInput(f"« {name} » : un nombre de gommettes ne peut être négatif.")
        if count > settings.max_per_action:
            raise InvalidInput(
                f"« {name} » : {plural(count, 'gommette')}, c'est plus que les "
                f"{settings.max_per_action} permises sur une même action."
            )
    total = sum(dots.values())
    if total > settings.dots_per_participant:
        raise InvalidInput(
            f"Ce bulletin compte {plural(total, 'gommette')} : chaque personne en a "
            f"{settings.dots_per_participant}. Retirez-en {total - settings.dots_per_participant}."
        )


def check_tally(dots: int) -> None:
    """French error for a wall count that cannot be right."""
    if not 0 <= dots <= MAX_TALLY:
        raise InvalidInput(f"Un décompte va de 0 à {MAX_TALLY} gommettes ({dots} saisies).")


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class ActionResult:
    """One action's line of the results."""

    action_id: str
    title: str
    total: int
    from_ballots: int
    from_tallies: int
    by_college: Mapping[CollegeKey, int]
    #: The total, or the weighted score when collèges are weighted equally.
    score: Fraction
    #: Standard competition rank: 1, 2, 2, 4.
    rank: int
    #: Another action has the same score (and so the same rank).
    tied: bool
    disagreement: bool

    def dots_of(self, college: CollegeKey) -> int:
        return self.by_college.get(college, 0)


@dataclass(frozen=True)
class VoteResults:
    """Every candidate's line, in ranking order."""

    actions: tuple[ActionResult, ...]
    weighted: bool
    #: Dots placed by each collège (None: tallies without a collège) in the whole vote.
    college_dots: Mapping[CollegeKey, int] = field(default_factory=dict)
    #: Dots counted without weighting although weighting is on (no collège known for them).
    unweighted_dots: int = 0

    @property
    def total(self) -> int:
        return sum(action.total for action in self.actions)

    def get(self, action_id: str) -> ActionResult | None:
        return next((a for a in self.actions if a.action_id == action_id), None)


def _weights(attendance: Mapping[College, int]) -> dict[College, Fraction]:
    """Each collège's weight V / (K × v_c), for collèges with someone present."""
    present = {college: n for college, n in attendance.items() if n > 0}
    if not present:
        return {}
    voters, colleges = sum(present.values()), len(present)
    return {college: Fraction(voters, colleges * n) for college, n in present.items()}


def _disagreeing(
    by_college: Mapping[CollegeKey, int], college_dots: Mapping[CollegeKey, int]
) -> bool:
    shares = [
        Fraction(by_college.get(college, 0), placed)
        for college in College
        if (placed := college_dots.get(college, 0)) >= DISAGREEMENT_MIN_DOTS
    ]
    return len(shares) >= 2 and max(shares) - min(shares) >= DISAGREEMENT_GAP


def count_votes(
    candidates: Sequence[Candidate],
    ballots: Iterable[BallotLine] = (),
    tallies: Iterable[TallyLine] = (),
    *,
    weight_colleges: bool = False,
    attendance: Mapping[College, int] | None = None,
) -> VoteResults:
    """Totals, collège breakdown, scores, ranks and disagreement of every candidate.

    Lines on an action that is not a candidate (removed since) are left out.
    `attendance` (people present by collège) is needed only to weight collèges.
    """
    known = {candidate.id for candidate in candidates}
    from_ballots: dict[str, int] = defaultdict(int)
    from_tallies: dict[str, int] = defaultdict(int)
    by_college: dict[str, dict[CollegeKey, int]] = defaultdict(lambda: defaultdict(int))
    college_dots: dict[CollegeKey, int] = defaultdict(int)
    for line in ballots:
        if line.action_id in known:
            from_ballots[line.action_id] += line.dots
            by_college[line.action_id][line.college] += line.dots
            college_dots[line.college] += line.dots
    for tally in tallies:
        if tally.action_id in known:
            from_tallies[tally.action_id] += tally.dots
            by_college[tally.action_id][tally.college] += tally.dots
            college_dots[tally.college] += tally.dots
    weights = _weights(attendance or {}) if weight_colleges else {}
    unweighted = 0
    scores: dict[str, Fraction] = {}
    for candidate in candidates:
        dots = by_college[candidate.id]
        if weight_colleges:
            score = Fraction(0)
            for college, count in dots.items():
                weight = weights.get(college) if college is not None else None
                if weight is None:
                    unweighted += count
                    score += count
                else:
                    score += count * weight
        else:
            score = Fraction(sum(dots.values()))
        scores[candidate.id] = score
    ordered = sorted(candidates, key=lambda c: (-scores[c.id], fold(c.title), c.id))
    sharing = Counter(scores[c.id] for c in candidates)
    results = []
    rank = 0
    previous: Fraction | None = None
    for index, candidate in enumerate(ordered):
        score = scores[candidate.id]
        if score != previous:
            # Sorted by score: the actions scoring more are exactly those listed before.
            rank, previous = index + 1, score
        dots = dict(by_college[candidate.id])
        results.append(
            ActionResult(
                action_id=candidate.id,
                title=candidate.title,
                total=from_ballots[candidate.id] + from_tallies[candidate.id],
                from_ballots=from_ballots[candidate.id],
                from_tallies=from_tallies[candidate.id],
                by_college=dots,
                score=score,
                rank=rank,
                tied=sharing[score] > 1,
                disagreement=_disagreeing(dots, college_dots),
            )
        )
    return VoteResults(
        actions=tuple(results),
        weighted=weight_colleges,
        college_dots=dict(college_dots),
        unweighted_dots=unweighted,
    )


# ---------------------------------------------------------------- kept actions and ties


@dataclass(frozen=True)
class Tie:
    """Actions tied on the last kept place(s): a tie-break round among them decides."""

    action_ids: tuple[str, ...]
    #: Places left for them.
    places: int


@dataclass(frozen=True)
class Selection:
    """The actions kept so far, in ranking order, and the tie still to break, if any."""

    kept: tuple[str, ...] = ()
    tie: Tie | None = None

    @property
    def decided(self) -> bool:
        return self.tie is None


def _take(ranked: Sequence[ActionResult], places: int) -> Selection:
    """The first `places` of a ranking, or those above a tie at the boundary and the tie."""
    if places <= 0:
        return Selection()
    if len(ranked) <= places:
        return Selection(tuple(a.action_id for a in ranked))
    boundary = ranked[places - 1].score
    if ranked[places].score != boundary:
        return Selection(tuple(a.action_id for a in ranked[:places]))
    above = tuple(a.action_id for a in ranked if a.score > boundary)
    tied = tuple(a.action_id for a in ranked if a.score == boundary)
    return Selection(above, Tie(tied, places - len(above)))


def select_kept(results: VoteResults, keep_count: int | None) -> Selection:
    """The first `keep_count` actions with at least one dot; a tie on the last place is
    reported. Nothing is kept while the number is not chosen."""
    if keep_count is None:
        return Selection()
    return _take([a for a in results.actions if a.score > 0], keep_count)


def break_tie(selection: Selection, round_results: VoteResults) -> Selection:
    """The tie of `selection` decided by a tie-break round (which may tie again)."""
    tie = selection.tie
    if tie is None:
        return selection
    among = [a for a in round_results.actions if a.action_id in tie.action_ids]
    # Zero dots still rank here: a round where nobody voted leaves the tie as it was.
    decided = _take(among, tie.places)
    return Selection(selection.kept + decided.kept, decided.tie)


def decide(rounds: Sequence[VoteResults], keep_count: int | None) -> Selection:
    """The kept actions after the first round and each tie-break round that followed."""
    if not rounds:
        return Selection()
    selection = select_kept(rounds[0], keep_count)
    for later in rounds[1:]:
        selection = break_tie(selection, later)
    return selection
