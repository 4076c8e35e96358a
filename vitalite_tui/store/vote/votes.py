"""Workshop 3: the candidate actions, the vote (ballots and wall tallies), results, kept actions.

Candidates are `Action` rows made from the intentions of workshop 2 (linked to them), or
added by hand; merging one into another keeps both origins (`Action.merged_into`). The vote
is a `VoteSession` of workshop 3 (round 1), with one `Vote` row per dot count: a ballot row
holds a participant id (never a name), a tally row an action, a collège (or none) and the
count read off the wall. A tie on the last kept place is decided by a tie-break round (a
later `VoteSession`) among the tied actions, which are worked out again from the closed
first round each time (no column holds them). Counting is in `domain/votes.py`.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from peewee import fn

from vitalite_tui.db.models import (
    Action,
    Attendance,
    Intention,
    Participant,
    Vote,
    VoteSession,
    utcnow,
)
from vitalite_tui.db.models import Workshop as WorkshopRow
from vitalite_tui.domain.colleges import College, CollegeCounts
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.domain.text import clean_line, clean_text
from vitalite_tui.domain.votes import (
    ActionResult,
    BallotLine,
    Candidate,
    CollegeKey,
    Selection,
    TallyLine,
    Tie,
    VoteResults,
    VoteSettings,
    check_ballot,
    check_settings,
    check_tally,
    count_votes,
    decide,
    expected_wall_dots,
    suggest_dots,
)
from vitalite_tui.domain.workshops import workshop_step
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store.base import (
    as_uuid,
    dashed,
    demarche_row,
    fk_id,
    key,
    live,
    raw_rows,
    soft_delete,
    writing,
)
from vitalite_tui.store.links import add_link, sources_of, targets_of
from vitalite_tui.store.lookups import (
    participant_of,
    present_counts,
    present_participants,
    workshop_row,
)
from vitalite_tui.store.vote.records import (
    BALLOT,
    TALLY,
    ActionVoteRow,
    CandidateDraft,
    CandidateRecord,
    MergedRecord,
    RemovedCandidate,
    ResultLine,
    ResultsRecord,
    TallyRow,
    TieBreakRound,
    VoteBoard,
    VoteExport,
    VoteRow,
    VoterRecord,
    VoteSettingsDraft,
    VoteSettingsRecord,
)

if TYPE_CHECKING:
    from vitalite_tui.store.preparation.steps import Steps

#: The workshop that votes.
VOTE_WORKSHOP = 3
MAX_TITLE = 200
MAX_DESCRIPTION = 5000

#: `Action.status` values this part writes.
CANDIDATE, KEPT, MERGED = "candidate", "kept", "merged"

CLOSED = "Ce tour du vote est clos : rouvrez-le pour corriger une saisie."
GONE = "Cette action n'est plus parmi les candidates (fusionnée ou retirée ?)."

#: Bars of the Synthèse chart.
TOP_ACTIONS = 10


# ---------------------------------------------------------------- reading helpers


def _workshop(demarche_id: str) -> WorkshopRow:
    return workshop_row(demarche_id, VOTE_WORKSHOP)


def _candidate_rows(demarche: uuid.UUID) -> list[Action]:
    """Live actions still on the list (not merged into another), in list order."""
    return list(
        Action.select()
        .where(
            (Action.demarche == demarche)
            & Action.deleted_at.is_null()
            & Action.merged_into.is_null()
        )
        .order_by(Action.position, Action.created_at)
    )


def _action(demarche_id: str, action_id: str) -> Action:
    row = live(Action, action_id, "Action")
    if str(fk_id(row, "demarche")) != str(as_uuid(demarche_id)):
        raise NotFound("Cette action n'appartient pas à cette démarche.")
    return row


def _sessions(workshop: WorkshopRow) -> list[VoteSession]:
    return list(
        VoteSession.select()
        .where((VoteSession.workshop == workshop) & VoteSession.deleted_at.is_null())
        .order_by(VoteSession.round_number)
    )


def _has_votes(action: Action) -> bool:
    return bool(
        Vote.select()
        .join(VoteSession)
        .where(
            (Vote.action == action)
            & Vote.deleted_at.is_null()
            & VoteSession.deleted_at.is_null()
            & (Vote.dots > 0)
        )
        .exists()
    )


def _merged_into(row: Action) -> str | None:
    return fk_id(row, "merged_into")


def _college(value: str | None) -> CollegeKey:
    return College(value) if value else None


def _attendance(counts: CollegeCounts) -> dict[College, int]:
    return {college: counts[college] for college in College}


@dataclass
class _Round:
    """One round of the vote as counted now."""

    session: VoteSession
    candidates: list[Candidate]
    ballots: list[BallotLine]
    tallies: list[TallyLine]
    results: VoteResults
    #: The tie this round is meant to break (None for round 1).
    tie: Tie | None = None

    @property
    def closed(self) -> bool:
        return self.session.closed_at is not None

    @property
    def candidate_ids(self) -> set[str]:
        return {candidate.id for candidate in self.candidates}


@dataclass
class _State:
    """The whole vote of a démarche, read in a handful of queries."""

    workshop: WorkshopRow
    rows: list[Action]
    attendance: CollegeCounts
    rounds: list[_Round] = field(default_factory=list)
    #: What the closed rounds decided.
    selection: Selection = field(default_factory=Selection)

    @property
    def current(self) -> _Round | None:
        return self.rounds[-1] if self.rounds else None

    @property
    def first(self) -> _Round | None:
        return self.rounds[0] if self.rounds else None

    @property
    def all_closed(self) -> bool:
        return bool(self.rounds) and all(r.closed for r in self.rounds)


def _state(demarche_id: str) -> _State:
    workshop = _workshop(demarche_id)
    rows = _candidate_rows(workshop.demarche_id)
    candidates = [Candidate(key(row), row.title) for row in rows]
    sessions = _sessions(workshop)
    ballots: dict[str, list[BallotLine]] = defaultdict(list)
    tallies: dict[str, list[TallyLine]] = defaultdict(list)
    if sessions:
        # Ids as stored (hex), dashed as records carry them: a vote has thousands of lines.
        found = raw_rows(
            Vote.select(
                Vote.session, Vote.action, Vote.participant, Vote.college, Vote.dots, Vote.source
            ).where(Vote.session.in_([s.id for s in sessions]) & Vote.deleted_at.is_null())
        )
        for session_id, action, participant, college, dots, source in found:
            if source == BALLOT:
                voter = dashed(participant) if participant is not None else str(None)
                ballots[dashed(session_id)].append(
                    BallotLine(voter, _college(college), dashed(action), dots)
                )
            else:
                tallies[dashed(session_id)].append(
                    TallyLine(dashed(action), _college(college), dots)
                )
    state = _State(workshop, rows, present_counts(workshop))
    attendance = _attendance(state.attendance)
    # The closed rounds before any open one decide; each tie-break round counts among the
    # actions the rounds before it left tied.
    decided_rounds: list[VoteResults] = []
    for number, session in enumerate(sessions):
        tie = state.selection.tie if number else None
        if number == 0:
            among = candidates
        else:
            wanted = (
                set(tie.action_ids) if tie is not None and len(decided_rounds) == number else set()
            )
            among = [c for c in candidates if c.id in wanted]
        results = count_votes(
            among,
            ballots[key(session)],
            tallies[key(session)],
            weight_colleges=sessions[0].weight_colleges,
            attendance=attendance,
        )
        state.rounds.append(
            _Round(session, among, ballots[key(session)], tallies[key(session)], results, tie)
        )
        if len(decided_rounds) == number and session.closed_at is not None:
            decided_rounds.append(results)
            state.selection = decide(decided_rounds, sessions[0].keep_count)
    return state


def _apply_kept(state: _State) -> None:
    """Mark the kept actions (and unmark the others) from what the closed rounds decided."""
    kept = [as_uuid(action_id) for action_id in state.selection.kept]
    ids = [row.id for row in state.rows]
    if not ids:
        return
    Action.update(kept=False, status=CANDIDATE, updated_at=utcnow()).where(
        Action.id.in_(ids) & Action.id.not_in(kept) & (Action.kept | (Action.status == KEPT))
    ).execute()
    if kept:
        Action.update(kept=True, status=KEPT, updated_at=utcnow()).where(
            Action.id.in_(kept) & ~Action.kept
        ).execute()


def _settings_record(state: _State) -> VoteSettingsRecord:
    suggested = suggest_dots(len(state.rows))
    current = state.current
    if current is None:
        return VoteSettingsRecord(
            round_number=1,
            dots_per_participant=suggested,
            max_per_action=min(2, suggested),
            hide_results=False,
            keep_count=None,
            weight_colleges=False,
            closed=False,
            stored=False,
            suggested_dots=suggested,
        )
    session = current.session
    first = state.rounds[0].session
    keep = first.keep_count if current.tie is None else current.tie.places
    return VoteSettingsRecord(
        round_number=session.round_number,
        dots_per_participant=session.dots_per_participant,
        max_per_action=session.max_per_action,
        hide_results=session.hide_results,
        keep_count=keep,
        weight_colleges=first.weight_colleges,
        closed=session.closed_at is not None,
        stored=True,
        suggested_dots=suggested,
    )


def _ensure_round(demarche_id: str) -> _State:
    """The vote's state, its round 1 created first (with the suggested rules) if need be."""
    state = _state(demarche_id)
    if state.current is None:
        settings = _settings_record(state)
        VoteSession.create(
            workshop=state.workshop,
            round_number=1,
            dots_per_participant=settings.dots_per_participant,
            max_per_action=settings.max_per_action,
        )
        state = _state(demarche_id)
    return state


def _open_round(state: _State) -> _Round:
    """The current round, which must still take entries."""
    current = state.current
    assert current is not None  # see _ensure_round
    if current.closed:
        raise InvalidInput(CLOSED)
    return current


def _tally_session(demarche_id: str, action_id: str) -> VoteSession:
    """The open round a wall count goes into, checked for this action.

    The first round takes every candidate, which a single lookup confirms: a cell typed
    must not cost the counting of the whole vote. A tie-break round works its list out.
    """
    sessions = _sessions(_workshop(demarche_id))
    if not sessions or sessions[-1].round_number > 1:
        current = _open_round(_ensure_round(demarche_id))
        _in_round(current, action_id)
        return current.session
    session = sessions[-1]
    if session.closed_at is not None:
        raise InvalidInput(CLOSED)
    action = _action(demarche_id, action_id)
    if _merged_into(action) is not None:
        raise NotFound(GONE)
    return session


def _in_round(current: _Round, action_id: str) -> None:
    if action_id not in current.candidate_ids:
        if current.tie is not None:
            raise InvalidInput("Ce tour de départage ne porte que sur les actions à égalité.")
        raise NotFound(GONE)


def _ballots_by_person(current: _Round) -> dict[str, dict[str, int]]:
    ballots: dict[str, dict[str, int]] = defaultdict(dict)
    for line in current.ballots:
        ballots[line.participant_id][line.action_id] = line.dots
    return ballots


def _origins(rows: Sequence[Action]) -> dict[str, int]:
    """Intentions behind each action, those of the actions merged into it included."""
    own = {
        k: len(v)
        for k, v in sources_of(LinkKind.ACTION, [r.id for r in rows], LinkKind.INTENTION).items()
    }
    children: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if _merged_into(row) is not None:
            children[str(_merged_into(row))].append(key(row))
    total: dict[str, int] = {}

    def count(action_id: str, seen: frozenset[str]) -> int:
        if action_id not in total:
            below = [c for c in children.get(action_id, []) if c not in seen]
            total[action_id] = own.get(action_id, 0) + sum(
                count(child, seen | {action_id}) for child in below
            )
        return total[action_id]

    return {key(row): count(key(row), frozenset()) for row in rows}


def _result_line(result: ActionResult, selection: Selection, weighted: bool) -> ResultLine:
    tie = selection.tie
    return ResultLine(
        action_id=result.action_id,
        title=result.title,
        rank=result.rank,
        tied=result.tied,
        total=result.total,
        by_college=result.by_college,
        score=float(result.score) if weighted else float(result.total),
        disagreement=result.disagreement,
        kept=result.action_id in selection.kept,
        in_tie=tie is not None and result.action_id in tie.action_ids,
    )


# ---------------------------------------------------------------- the API


class Votes:
    """Workshop 3: candidates, the vote's settings, ballots and tallies, results, kept actions."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    def _touch(self, demarche_id: str) -> None:
        """Something of the vote was saved: step 6 (workshop 3), if still to do, is under way."""
        self._steps.touch(demarche_id, workshop_step(VOTE_WORKSHOP))

    # ------------------------------------------------------------ candidates

    def candidates(self, demarche_id: str) -> list[CandidateRecord]:
        """The actions on the list, in order, with their origins and what was merged in."""
        demarche = demarche_row(demarche_id)
        every = list(
            Action.select()
            .where((Action.demarche == demarche) & Action.deleted_at.is_null())
            .order_by(Action.position, Action.created_at)
        )
        origins = _origins(every)
        merged: dict[str, list[MergedRecord]] = defaultdict(list)
        for row in every:
            if _merged_into(row) is not None:
                into = str(_merged_into(row))
                merged[into].append(MergedRecord(key(row), row.title, into, origins[key(row)]))
        listed = [row for row in every if _merged_into(row) is None]
        return [
            CandidateRecord(
                id=key(row),
                number=number,
                title=row.title,
                description=row.description,
                indicators=tuple(int(i) for i in row.indicators or ()),
                origins=origins[key(row)],
                merged=tuple(merged.get(key(row), ())),
                kept=bool(row.kept),
            )
            for number, row in enumerate(listed, start=1)
        ]

    def removed_candidates(self, demarche_id: str) -> list[RemovedCandidate]:
        """Candidates removed from the list (latest first), which can be restored."""
        demarche = demarche_row(demarche_id)
        rows = (
            Action.select(Action.id, Action.title)
            .where(
                (Action.demarche == demarche)
                & Action.deleted_at.is_null(False)
                & Action.merged_into.is_null()
            )
            .order_by(Action.deleted_at.desc())
        )
        return [RemovedCandidate(key(row), row.title) for row in rows]

    def import_intentions(self, demarche_id: str) -> int:
        """One candidate per intention of workshop 2 not yet linked to an action; how many.

        Title, description and indicators are copied and the intention is linked to its
        action. Done again, it adds only the intentions written since.
        """
        with writing():
            demarche = demarche_row(demarche_id)
            intentions = list(
                Intention.select()
                .where((Intention.demarche == demarche) & Intention.deleted_at.is_null())
                .order_by(Intention.created_at)
            )
            linked = targets_of(LinkKind.INTENTION, [i.id for i in intentions], LinkKind.ACTION)
            position = self._next_position(demarche.id)
            created = 0
            for intention in intentions:
                if linked[key(intention)]:
                    continue
                action = Action.create(
                    demarche=demarche,
                    title=intention.title[:MAX_TITLE],
                    description=intention.description,
                    indicators=list(intention.indicators or []),
                    position=position,
                )
                add_link(demarche.id, LinkKind.INTENTION, intention.id, LinkKind.ACTION, action.id)
                position += 1
                created += 1
            if created:
                self._touch(demarche_id)
        return created

    def unlinked_intentions(self, demarche_id: str) -> int:
        """Intentions of workshop 2 that no action comes from yet (what `i` would import)."""
        demarche = demarche_row(demarche_id)
        ids = [
            row.id
            for row in Intention.select(Intention.id).where(
                (Intention.demarche == demarche) & Intention.deleted_at.is_null()
            )
        ]
        linked = targets_of(LinkKind.INTENTION, ids, LinkKind.ACTION)
        return sum(1 for targets in linked.values() if not targets)

    def add(self, demarche_id: str, draft: CandidateDraft) -> str:
        """A candidate typed by hand (one that came up in the room)."""
        title, description = self._cleaned(draft)
        with writing():
            demarche = demarche_row(demarche_id)
            row = Action.create(
                demarche=demarche,
                title=title,
                description=description,
                position=self._next_position(demarche.id),
            )
        return key(row)

    def reword(self, demarche_id: str, action_id: str, draft: CandidateDraft) -> None:
        title, description = self._cleaned(draft)
        with writing():
            row = _action(demarche_id, action_id)
            row.title = title
            row.description = description
            row.save()

    def merge(self, demarche_id: str, action_id: str, into_id: str) -> None:
        """Merge an action into another: it leaves the list, its origins join the other's."""
        with writing():
            row = _action(demarche_id, action_id)
            into = _action(demarche_id, into_id)
            if row.id == into.id:
                raise InvalidInput("Une action ne peut pas être fusionnée avec elle-même.")
            if _merged_into(row) is not None or _merged_into(into) is not None:
                raise InvalidInput("Seules deux actions encore sur la liste se fusionnent.")
            if _has_votes(row):
                raise InvalidInput(
                    f"« {row.title} » a déjà des gommettes : la fusionner fausserait le "
                    "décompte. Remettez-les à zéro d'abord."
                )
            row.merged_into = into
            row.status = MERGED
            row.kept = False
            row.save()

    def unmerge(self, demarche_id: str, action_id: str) -> None:
        """Undo a merge: the action is back on the list, with its own origins."""
        with writing():
            row = _action(demarche_id, action_id)
            if _merged_into(row) is None:
                raise InvalidInput("Cette action n'est fusionnée dans aucune autre.")
            row.merged_into = None
            row.status = CANDIDATE
            row.save()

    def remove(self, demarche_id: str, action_id: str) -> None:
        """Take a candidate off the list (it can be restored)."""
        with writing():
            row = _action(demarche_id, action_id)
            if _has_votes(row):
                raise InvalidInput(
                    f"« {row.title} » a déjà des gommettes : remettez-les à zéro avant de "
                    "la retirer."
                )
            soft_delete(row)

    def restore(self, demarche_id: str, action_id: str) -> None:
        """Put a removed candidate back on the list."""
        with writing():
            row = Action.get_or_none(Action.id == as_uuid(action_id))
            if row is None or str(fk_id(row, "demarche")) != str(as_uuid(demarche_id)):
                raise NotFound("Action introuvable.")
            row.deleted_at = None
            row.save()

    def move(self, demarche_id: str, action_id: str, step: int) -> None:
        """Move a candidate up (step < 0) or down the list."""
        with writing():
            row = _action(demarche_id, action_id)
            rows = _candidate_rows(as_uuid(str(fk_id(row, "demarche"))))
            index = next((i for i, r in enumerate(rows) if r.id == row.id), None)
            if index is None:
                raise InvalidInput("Seule une action de la liste se déplace.")
            target = max(0, min(len(rows) - 1, index + step))
            rows.insert(target, rows.pop(index))
            for position, moved in enumerate(rows):
                if moved.position != position:
                    moved.position = position
                    moved.save()

    @staticmethod
    def _next_position(demarche: uuid.UUID) -> int:
        last = Action.select(fn.MAX(Action.position)).where(Action.demarche == demarche).scalar()
        return 0 if last is None else int(last) + 1

    @staticmethod
    def _cleaned(draft: CandidateDraft) -> tuple[str, str]:
        title = clean_line(draft.title, field="Intitulé", max_length=MAX_TITLE)
        description = clean_text(draft.description)
        if len(description) > MAX_DESCRIPTION:
            raise InvalidInput(f"Description : au plus {MAX_DESCRIPTION} caractères.")
        return title, description

    # ------------------------------------------------------------ settings

    def settings(self, demarche_id: str) -> VoteSettingsRecord:
        """The rules of the current round (the suggestion while nothing is saved)."""
        return _settings_record(_state(demarche_id))

    def save_settings(self, demarche_id: str, draft: VoteSettingsDraft) -> None:
        """Change the rules of the current round; refused if a typed ballot breaks them.

        In a tie-break round only the dots and the hiding apply: the number to keep and
        the weighting belong to the first round and decided the tie.
        """
        with writing():
            state = _ensure_round(demarche_id)
            current = state.rounds[-1]
            first = state.rounds[0].session
            tie_break = current.session.round_number > 1
            keep = draft.keep_count if not tie_break else first.keep_count
            weight = draft.weight_colleges if not tie_break else first.weight_colleges
            rules = VoteSettings(draft.dots_per_participant, draft.max_per_action, keep, weight)
            check_settings(rules)
            self._check_ballots(current, rules)
            session = current.session
            session.dots_per_participant = rules.dots_per_participant
            session.max_per_action = rules.max_per_action
            session.hide_results = draft.hide_results
            if not tie_break:
                session.keep_count = keep
                session.weight_colleges = weight
            session.save()
            _apply_kept(_state(demarche_id))

    def set_keep_count(self, demarche_id: str, keep_count: int | None) -> None:
        """How many actions to keep (a setting of the first round)."""
        with writing():
            state = _ensure_round(demarche_id)
            first = state.rounds[0].session
            if len(state.rounds) > 1 and keep_count != first.keep_count:
                raise InvalidInput(
                    "Un tour de départage a eu lieu : annulez-le avant de changer le nombre "
                    "d'actions à retenir."
                )
            check_settings(
                VoteSettings(
                    first.dots_per_participant,
                    first.max_per_action,
                    keep_count,
                    first.weight_colleges,
                )
            )
            first.keep_count = keep_count
            first.save()
            _apply_kept(_state(demarche_id))

    @staticmethod
    def _check_ballots(current: _Round, rules: VoteSettings) -> None:
        """Refuse rules that a ballot already typed in this round would break."""
        for person, dots in _ballots_by_person(current).items():
            try:
                check_ballot(dots, rules)
            except InvalidInput:
                row = Participant.get_or_none(Participant.id == as_uuid(person))
                code = participant_code(row.number) if row is not None else "une personne"
                raise InvalidInput(
                    f"Le bulletin déjà saisi de {code} ne respecte pas ces règles : "
                    "corrigez-le d'abord, ou gardez des règles plus larges."
                ) from None

    # ------------------------------------------------------------ entry

    def board(self, demarche_id: str) -> VoteBoard:
        """The current round's wall count, ballots per action, and the dots expected."""
        state = _state(demarche_id)
        settings = _settings_record(state)
        current = state.current
        numbers = {key(row): number for number, row in enumerate(state.rows, start=1)}
        voted: dict[College, int] = {}
        if current is None:
            candidates = [Candidate(key(row), row.title) for row in state.rows]
            cells: dict[str, dict[CollegeKey, int]] = {}
            ballots: dict[str, int] = {}
            voters = 0
        else:
            candidates = current.candidates
            cells = defaultdict(dict)
            for tally in current.tallies:
                cells[tally.action_id][tally.college] = tally.dots
            ballots = defaultdict(int)
            for line in current.ballots:
                ballots[line.action_id] += line.dots
            voters = len({line.participant_id for line in current.ballots})
            for college in dict((b.participant_id, b.college) for b in current.ballots).values():
                if college is not None:
                    voted[college] = voted.get(college, 0) + 1
        rows = tuple(
            TallyRow(
                c.id,
                numbers[c.id],
                c.title,
                dict(cells.get(c.id, {})),
                ballots.get(c.id, 0),
            )
            for c in candidates
        )
        present = state.attendance.total
        return VoteBoard(
            settings=settings,
            rows=rows,
            present=present,
            ballot_voters=voters,
            wall_dots=sum(sum(row.cells.values()) for row in rows),
            expected_wall_dots=expected_wall_dots(present, voters, settings.dots_per_participant),
            tie_pending=state.all_closed and state.selection.tie is not None,
            present_by_college=_attendance(state.attendance),
            ballots_by_college=voted,
        )

    def set_tally(
        self, demarche_id: str, action_id: str, college: College | None, dots: int | None
    ) -> None:
        """The dots read off the wall for one action and collège (None: stickers not
        coloured); `dots` None clears the cell."""
        if dots is not None:
            check_tally(dots)
        with writing():
            session = _tally_session(demarche_id, action_id)
            condition = (
                (Vote.session == session)
                & (Vote.action == as_uuid(action_id))
                & (Vote.source == TALLY)
                & Vote.deleted_at.is_null()
                & (Vote.college.is_null() if college is None else Vote.college == college.value)
            )
            existing = Vote.get_or_none(condition)
            if dots is None:
                if existing is not None:
                    soft_delete(existing)
            elif existing is not None:
                existing.dots = dots
                existing.save()
            else:
                Vote.create(
                    session=session,
                    action=as_uuid(action_id),
                    participant=None,
                    college=college.value if college is not None else None,
                    dots=dots,
                    source=TALLY,
                )
            self._touch(demarche_id)

    def voters(self, demarche_id: str) -> list[VoterRecord]:
        """People present at workshop 3, in name order, with their ballot of this round."""
        state = _state(demarche_id)
        current = state.current
        ballots = _ballots_by_person(current) if current is not None else {}
        return [
            VoterRecord(
                participant_id=key(person),
                code=participant_code(person.number),
                name=person.display_name,
                college=College(person.college),
                has_ballot=key(person) in ballots,
                dots=sum(ballots.get(key(person), {}).values()),
            )
            for person in present_participants(state.workshop)
        ]

    def ballot(self, demarche_id: str, participant_id: str) -> dict[str, int]:
        """One person's dots by action id in the current round (empty when none typed)."""
        current = _state(demarche_id).current
        if current is None:
            return {}
        return dict(_ballots_by_person(current).get(str(as_uuid(participant_id)), {}))

    def save_ballot(self, demarche_id: str, participant_id: str, dots: Mapping[str, int]) -> None:
        """Store one person's ballot, replacing any earlier one (an empty one removes it);
        refused, with nothing stored, when it breaks a cap."""
        with writing():
            state = _ensure_round(demarche_id)
            current = _open_round(state)
            person = participant_of(state.workshop, participant_id)
            present = Attendance.select().where(
                (Attendance.workshop == state.workshop)
                & (Attendance.participant == person)
                & Attendance.deleted_at.is_null()
            )
            if not present.exists():
                raise InvalidInput(
                    f"{participant_code(person.number)} n'est pas noté présent à l'atelier "
                    f"{VOTE_WORKSHOP} : cochez sa présence d'abord."
                )
            wanted = {str(as_uuid(a)): int(n) for a, n in dots.items() if n}
            for action_id in wanted:
                _in_round(current, action_id)
            titles = {c.id: c.title for c in current.candidates}
            rules = _settings_record(state).rules
            check_ballot(wanted, rules, titles)
            now = utcnow()
            Vote.update(deleted_at=now, updated_at=now).where(
                (Vote.session == current.session)
                & (Vote.participant == person)
                & (Vote.source == BALLOT)
                & Vote.deleted_at.is_null()
            ).execute()
            for action_id, count in wanted.items():
                Vote.create(
                    session=current.session,
                    action=as_uuid(action_id),
                    participant=person,
                    college=person.college,
                    dots=count,
                    source=BALLOT,
                )
            self._touch(demarche_id)

    # ------------------------------------------------------------ closing and ties

    def close(self, demarche_id: str) -> None:
        """Close the current round: entries stop, results show, kept actions are marked."""
        with writing():
            state = _state(demarche_id)
            current = state.current
            if current is None:
                raise InvalidInput("Rien n'a encore été saisi pour ce vote.")
            if current.closed:
                raise InvalidInput("Ce tour du vote est déjà clos.")
            current.session.closed_at = utcnow()
            current.session.save()
            _apply_kept(_state(demarche_id))

    def reopen(self, demarche_id: str) -> None:
        """Reopen the current round to correct an entry (its kept actions wait again)."""
        with writing():
            state = _state(demarche_id)
            current = state.current
            if current is None or not current.closed:
                raise InvalidInput("Ce tour du vote n'est pas clos.")
            current.session.closed_at = None
            current.session.save()
            _apply_kept(_state(demarche_id))

    def start_tie_break(self, demarche_id: str) -> int:
        """Open a tie-break round among the actions tied on the last kept places.

        Each person gets as many dots as places are left, one at most per action.
        Returns the new round's number.
        """
        with writing():
            state = _state(demarche_id)
            tie = state.selection.tie
            if not state.all_closed or tie is None:
                raise InvalidInput(
                    "Un départage se fait une fois le tour clos, quand la dernière place "
                    "retenue est à égalité."
                )
            first = state.rounds[0].session
            number = state.rounds[-1].session.round_number + 1
            VoteSession.create(
                workshop=state.workshop,
                round_number=number,
                dots_per_participant=tie.places,
                max_per_action=1,
                hide_results=first.hide_results,
                keep_count=tie.places,
                weight_colleges=first.weight_colleges,
            )
        return number

    # ------------------------------------------------------------ results

    def results(self, demarche_id: str) -> ResultsRecord:
        """The ranking of the first round, kept actions, tie and tie-break rounds."""
        state = _state(demarche_id)
        first = state.first
        if first is None:
            results = count_votes([Candidate(key(r), r.title) for r in state.rows])
            lines = tuple(_result_line(r, Selection(), False) for r in results.actions)
            return ResultsRecord(
                closed=False,
                hidden=False,
                weighted=False,
                keep_count=None,
                lines=lines,
                kept=(),
            )
        session = first.session
        weighted = bool(session.weight_colleges)
        selection = state.selection
        tie = selection.tie
        hidden = bool(session.hide_results) and not first.closed
        rounds = tuple(
            TieBreakRound(
                round_number=r.session.round_number,
                closed=r.closed,
                places=r.tie.places if r.tie is not None else 0,
                lines=()
                if r.session.hide_results and not r.closed
                else tuple(_result_line(a, selection, weighted) for a in r.results.actions),
            )
            for r in state.rounds[1:]
        )
        return ResultsRecord(
            closed=first.closed,
            hidden=hidden,
            weighted=weighted,
            keep_count=session.keep_count,
            lines=()
            if hidden
            else tuple(_result_line(a, selection, weighted) for a in first.results.actions),
            kept=selection.kept,
            tie=tie.action_ids if tie is not None else (),
            tie_places=tie.places if tie is not None else 0,
            tie_breaks=rounds,
            unweighted_dots=first.results.unweighted_dots,
            can_start_tie_break=state.all_closed and tie is not None,
            has_uncoloured=None in first.results.college_dots,
        )

    # ------------------------------------------------------------ workbook

    def export(self, demarche_id: str) -> VoteExport:
        """Every action (candidates, then merged ones) with its votes, and every vote row."""
        state = _state(demarche_id)
        every = list(
            # Only what is shown: an action's times would be most of the cost of its row.
            Action.select(Action.id, Action.title, Action.merged_into, Action.deleted_at)
            .where(Action.demarche == state.workshop.demarche_id)
            .order_by(Action.position, Action.created_at)
        )
        titles = {key(row): row.title for row in every}
        shown = [row for row in every if row.deleted_at is None]
        origins = _origins(shown)
        first = state.first
        weighted = bool(first is not None and first.session.weight_colleges)
        results = first.results if first is not None else None
        later: dict[str, int] = defaultdict(int)
        for r in state.rounds[1:]:
            for ballot in r.ballots:
                later[ballot.action_id] += ballot.dots
            for tally in r.tallies:
                later[tally.action_id] += tally.dots
        kept = set(state.selection.kept)
        ranked = [r.action_id for r in results.actions] if results is not None else []
        order = {action_id: index for index, action_id in enumerate(ranked)}
        candidates = sorted(
            (row for row in shown if _merged_into(row) is None),
            key=lambda row: order.get(key(row), len(order)),
        )
        merged = [row for row in shown if _merged_into(row) is not None]
        tied = {a for r in state.rounds[1:] for a in r.candidate_ids}
        actions = []
        by_id = {a.action_id: a for a in results.actions} if results is not None else {}
        for row in [*candidates, *merged]:
            result = by_id.get(key(row))
            actions.append(
                ActionVoteRow(
                    title=row.title,
                    merged_into=titles.get(str(_merged_into(row)), "")
                    if _merged_into(row) is not None
                    else "",
                    origins=origins[key(row)],
                    total=result.total if result is not None else None,
                    by_college=result.by_college if result is not None else {},
                    score=float(result.score) if result is not None and weighted else None,
                    rank=result.rank if result is not None else None,
                    kept=key(row) in kept,
                    tie_break_dots=later[key(row)] if key(row) in tied else None,
                )
            )
        top = tuple(
            (a.title, a.rank, a.total)
            for a in (results.actions if results is not None else ())
            if a.total
        )[:TOP_ACTIONS]
        ranks = (
            {a.action_id: a.rank for a in first.results.actions}
            if first is not None and first.closed
            else {}
        )
        return VoteExport(
            actions=tuple(actions),
            votes=self._vote_rows(state, titles),
            weighted=weighted,
            top=top,
            ranks=ranks,
        )

    @staticmethod
    def _vote_rows(state: _State, titles: Mapping[str, str]) -> tuple[VoteRow, ...]:
        """Every vote row of every round, from what `_state` read: ballots by code, then the
        wall, each in list order."""
        if not state.rounds:
            return ()
        numbers = {key(row): number for number, row in enumerate(state.rows, start=1)}
        codes = {
            str(person_id): participant_code(number)
            for person_id, number in cast(
                "list[tuple[uuid.UUID, int]]",
                list(
                    Participant.select(Participant.id, Participant.number)
                    .where(Participant.demarche == state.workshop.demarche_id)
                    .tuples()
                ),
            )
        }
        rows: list[tuple[tuple[int, int, str, int, str], VoteRow]] = []
        for r in state.rounds:
            number = r.session.round_number
            for ballot in r.ballots:
                code = codes.get(ballot.participant_id, "")
                order = (number, 0, code, numbers.get(ballot.action_id, 0), "")
                rows.append(
                    (
                        order,
                        VoteRow(
                            number,
                            BALLOT,
                            code,
                            ballot.college,
                            titles.get(ballot.action_id, ""),
                            ballot.dots,
                        ),
                    )
                )
            for tally in r.tallies:
                college = tally.college.value if tally.college is not None else "~"
                order = (number, 1, "", numbers.get(tally.action_id, 0), college)
                rows.append(
                    (
                        order,
                        VoteRow(
                            number,
                            TALLY,
                            "",
                            tally.college,
                            titles.get(tally.action_id, ""),
                            tally.dots,
                        ),
                    )
                )
        rows.sort(key=lambda pair: pair[0])
        return tuple(row for _, row in rows)
