"""Records of workshop 3 the store hands to screens and the workbook: candidates, vote, results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.text import of, plural
from vitalite_tui.domain.votes import CollegeKey, VoteSettings

#: Sources of a `Vote` row.
BALLOT = "ballot"
TALLY = "tally"
SOURCE_LABELS = {BALLOT: "bulletin", TALLY: "décompte"}


# ---------------------------------------------------------------- candidates


@dataclass(frozen=True)
class MergedRecord:
    """An action merged into a candidate: it left the list, its origins did not."""

    id: str
    title: str
    into_id: str
    origins: int


@dataclass(frozen=True)
class CandidateRecord:
    """A candidate action of the vote, with where it comes from."""

    id: str
    #: 1, 2, 3… in the order of the list (the number said aloud and shown on the wall).
    number: int
    title: str
    description: str
    indicators: tuple[int, ...]
    #: Intentions it comes from, counting those of the actions merged into it.
    origins: int
    merged: tuple[MergedRecord, ...]
    kept: bool


@dataclass(frozen=True)
class RemovedCandidate:
    id: str
    title: str


@dataclass(frozen=True)
class CandidateDraft:
    """What the candidate form collects (not yet cleaned)."""

    title: str
    description: str = ""


# ---------------------------------------------------------------- settings and entry


@dataclass(frozen=True)
class VoteSettingsDraft:
    """What the settings form collects."""

    dots_per_participant: int
    max_per_action: int
    hide_results: bool = False
    keep_count: int | None = None
    weight_colleges: bool = False


@dataclass(frozen=True)
class VoteSettingsRecord:
    """The rules of the current round of the vote (round 1, or a tie-break round)."""

    round_number: int
    dots_per_participant: int
    max_per_action: int
    hide_results: bool
    #: Actions to keep (chosen on round 1; a tie-break round keeps the places left).
    keep_count: int | None
    weight_colleges: bool
    closed: bool
    #: False while nothing was saved: the values are the suggestion.
    stored: bool
    #: About a third of the candidates (see `domain.votes.suggest_dots`).
    suggested_dots: int

    @property
    def rules(self) -> VoteSettings:
        return VoteSettings(
            self.dots_per_participant, self.max_per_action, self.keep_count, self.weight_colleges
        )

    @property
    def tie_break(self) -> bool:
        return self.round_number > 1

    @property
    def summary(self) -> str:
        """« 3 gommettes/pers. · 2 max. par action · 5 à retenir · résultats masqués »."""
        parts = [
            f"{plural(self.dots_per_participant, 'gommette')}/pers.",
            f"{self.max_per_action} max. par action",
        ]
        if not self.tie_break:
            keep = "nombre à retenir à choisir" if self.keep_count is None else None
            parts.append(keep or f"{self.keep_count} à retenir")
            if self.weight_colleges:
                parts.append("collèges pondérés")
        if self.hide_results:
            parts.append("résultats masqués jusqu'à la clôture")
        return " · ".join(parts)


@dataclass(frozen=True)
class TallyRow:
    """One candidate's line of the wall count: dots typed per collège, and from ballots."""

    action_id: str
    number: int
    title: str
    #: Only the cells typed so far (a 0 typed is kept: the cell was read).
    cells: Mapping[CollegeKey, int]
    from_ballots: int

    @property
    def total(self) -> int:
        return sum(self.cells.values()) + self.from_ballots


@dataclass(frozen=True)
class VoteBoard:
    """What the vote part shows: the rules, the wall count, and the dots still expected."""

    settings: VoteSettingsRecord
    rows: tuple[TallyRow, ...]
    present: int
    ballot_voters: int
    wall_dots: int
    expected_wall_dots: int
    #: The first round is closed and its last kept place is tied: a tie-break may start.
    tie_pending: bool = False
    #: People present by collège, and those of them whose ballot is typed (their dots are
    #: not on the wall): what each collège's stickers can add up to.
    present_by_college: Mapping[College, int] = field(default_factory=dict)
    ballots_by_college: Mapping[College, int] = field(default_factory=dict)

    def wall_capacity(self, college: College) -> int:
        """The most dots of `college` the wall can hold: its people without a ballot × dots."""
        voters = self.present_by_college.get(college, 0) - self.ballots_by_college.get(college, 0)
        return max(voters, 0) * self.settings.dots_per_participant

    def impossible_counts(self, cells: Mapping[tuple[str, College], int]) -> list[str]:
        """What the counts typed cannot be, in French: one action holding more dots of a
        collège than its present people may put on it, or a collège's column more than they
        have. `cells` maps (action title, collège) to the dots typed on the wall."""
        messages: list[str] = []
        settings = self.settings
        columns: dict[College, int] = {}
        for (title, college), dots in cells.items():
            columns[college] = columns.get(college, 0) + dots
            people = self.present_by_college.get(college, 0)
            most = people * settings.max_per_action
            if dots > most:
                messages.append(
                    f"« {title} » : {plural(dots, 'gommette')} {of(college.plural)}, plus que "
                    f"les {most} possibles ({_present(people)} × {settings.max_per_action} "
                    "par action)."
                )
        for college, dots in columns.items():
            most = self.wall_capacity(college)
            if dots > most:
                people = self.present_by_college.get(college, 0)
                messages.append(
                    f"{plural(dots, 'gommette')} {of(college.plural)} au mur, plus que les "
                    f"{most} possibles ({_present(people)} sans bulletin × "
                    f"{settings.dots_per_participant})."
                )
        return messages

    @property
    def wall_line(self) -> str:
        """« Gommettes posées : 38 / 42 attendues (14 présents × 3) »."""
        dots = self.settings.dots_per_participant
        if self.ballot_voters:
            who = f"({self.present} présents − {self.ballot_voters} bulletins) × {dots}"
        else:
            who = f"{self.present} présents × {dots}"
        return f"Gommettes posées : {self.wall_dots} / {self.expected_wall_dots} attendues ({who})"

    @property
    def warning(self) -> str:
        if self.wall_dots > self.expected_wall_dots:
            extra = self.wall_dots - self.expected_wall_dots
            return (
                f"{plural(extra, 'gommette')} de plus qu'attendu : une présence oubliée, "
                "ou une personne comptée deux fois (bulletin et mur) ?"
            )
        return ""


def _present(count: int) -> str:
    """« 5 personnes présentes » (no gender guessed)."""
    return plural(count, "personne présente", "personnes présentes")


@dataclass(frozen=True)
class VoterRecord:
    """A person present at workshop 3, who may have a ballot typed in the current round."""

    participant_id: str
    code: str
    name: str
    college: College
    has_ballot: bool
    dots: int


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class ResultLine:
    """One line of the ranking."""

    action_id: str
    title: str
    rank: int
    tied: bool
    total: int
    by_college: Mapping[CollegeKey, int]
    score: float
    disagreement: bool
    kept: bool
    #: Among the actions tied on the last kept place (a tie-break decides).
    in_tie: bool

    def dots_of(self, college: CollegeKey) -> int:
        return self.by_college.get(college, 0)


@dataclass(frozen=True)
class TieBreakRound:
    """A tie-break round: among which actions, for how many places, its dots so far."""

    round_number: int
    closed: bool
    places: int
    lines: tuple[ResultLine, ...]


@dataclass(frozen=True)
class ResultsRecord:
    """The ranking of the first round, the kept actions, and any tie-break round."""

    closed: bool
    #: The setting hides the ranking until the vote is closed, and it is not: nothing shown.
    hidden: bool
    weighted: bool
    keep_count: int | None
    lines: tuple[ResultLine, ...]
    kept: tuple[str, ...]
    #: Tied actions still to decide and the places left for them (empty when decided).
    tie: tuple[str, ...] = ()
    tie_places: int = 0
    tie_breaks: tuple[TieBreakRound, ...] = ()
    #: Dots counted as they are although collèges are weighted (no collège known).
    unweighted_dots: int = 0
    #: Whether a tie-break round can start now (the last round is closed and tied).
    can_start_tie_break: bool = False
    has_uncoloured: bool = False


# ---------------------------------------------------------------- workbook


@dataclass(frozen=True)
class ActionVoteRow:
    """An action of the « Actions et votes » sheet (candidate or merged into another)."""

    title: str
    merged_into: str
    origins: int
    total: int | None
    by_college: Mapping[CollegeKey, int]
    score: float | None
    rank: int | None
    kept: bool
    tie_break_dots: int | None


@dataclass(frozen=True)
class VoteRow:
    """A row of the « Votes » sheet: never a name, a code at most."""

    round_number: int
    source: str
    code: str
    college: CollegeKey
    action: str
    dots: int


@dataclass(frozen=True)
class VoteExport:
    actions: tuple[ActionVoteRow, ...]
    votes: tuple[VoteRow, ...]
    weighted: bool
    #: (title, rank, dots) of the first round's best actions, for the Synthèse chart.
    top: tuple[tuple[str, int, int], ...] = field(default_factory=tuple)
    #: The first round's rank of each action, by action id, once that round is closed
    #: (empty before: a rank means nothing yet). The action sheets show it.
    ranks: Mapping[str, int] = field(default_factory=dict)
