"""The whole démarche in one walk, for the plenary restitution of workshop 4.

Barometer (measured by the questionnaire, felt in workshop 1), the debrief's axes, the
intentions by axis, the scenario sketch, the kept actions with any tie-break, the images
chosen at workshop 1, the charter's articles and who signed it: read once when the
restitution opens. It is projected: no names, except a signatory who agreed to be named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vitalite_tui.store.base import demarche_row
from vitalite_tui.store.lookups import workshop_row
from vitalite_tui.store.reports.restitution_records import (
    ArticleLine,
    BarometerLine,
    ImageLine,
    KeptAction,
    RestitutionRecord,
    SignatoryLine,
    TieBreakLine,
    TieBreakResult,
)
from vitalite_tui.store.workshops.recap import axes, intentions, kept_actions, scenario

if TYPE_CHECKING:
    from vitalite_tui.store import Store
    from vitalite_tui.store.felt.records import FeltComparison
    from vitalite_tui.store.vote.records import ResultsRecord


class Restitution:
    def __init__(self, store: Store) -> None:
        self._store = store

    def walk(
        self, demarche_id: str, comparison: list[FeltComparison] | None = None
    ) -> RestitutionRecord:
        """`comparison`: the barometer when the caller has it already (the booklet)."""
        demarche = demarche_row(demarche_id)
        results = self._store.votes.results(demarche_id)
        return RestitutionRecord(
            territory=demarche.territory,
            barometer=self.barometer(demarche_id, comparison),
            axes=axes(demarche),
            intentions=intentions(workshop_row(demarche_id, 2)),
            scenario=scenario(demarche),
            kept_actions=self.kept_actions(demarche_id, results),
            articles=[
                ArticleLine(article.number, article.title, article.text)
                for article in self._store.charter.articles(demarche_id)
            ],
            images=self.images(demarche_id),
            tie_breaks=tie_breaks(results),
            tie_pending=results.tie_places if results.closed and not results.hidden else 0,
            signatories=self.signatories(demarche_id),
        )

    def images(self, demarche_id: str) -> list[ImageLine]:
        """The cards of workshop 1 by indicator, as recorded; who chose them stays out."""
        chosen = self._store.images.all(demarche_id)
        lines = [ImageLine(i.card, i.indicator, i.pole, i.why) for i in chosen]
        return sorted(lines, key=lambda line: line.indicator or 99)

    def signatories(self, demarche_id: str) -> list[SignatoryLine]:
        """Who signed, as the projector may show them: a participant's name and structure
        only with their consent to be named; someone outside the registry by structure."""
        people = {p.id: p for p in self._store.participants.all(demarche_id)}
        lines = []
        for signatory in self._store.charter.signatories(demarche_id):
            person = people.get(signatory.participant_id or "")
            if person is None:
                lines.append(SignatoryLine("", signatory.organisation, None))
            elif person.consent_named:
                lines.append(
                    SignatoryLine(person.display_name, signatory.organisation, person.college)
                )
            else:
                lines.append(SignatoryLine("", "", person.college))
        return lines

    def kept_actions(
        self, demarche_id: str, results: ResultsRecord | None = None
    ) -> list[KeptAction]:
        """The kept actions in the order of the vote (rank, dots) once it is closed."""
        if results is None:
            results = self._store.votes.results(demarche_id)
        if results.closed and not results.hidden:
            groups = {g.id: g.name for g in self._store.subgroups.all(demarche_id, 3)}
            deepened: dict[str, list[str]] = {}
            for group_id, action_id in self._store.subgroups.actions(demarche_id).items():
                deepened.setdefault(action_id, []).append(groups.get(group_id, "?"))
            ranked = [
                KeptAction(
                    line.title, line.total, line.rank, tuple(deepened.get(line.action_id, ()))
                )
                for line in results.lines
                if line.kept
            ]
            if ranked:
                return ranked
        return [KeptAction(title) for title in kept_actions(demarche_row(demarche_id))]

    def barometer(
        self, demarche_id: str, comparison: list[FeltComparison] | None = None
    ) -> list[BarometerLine]:
        """Measured (questionnaire) and felt (workshop 1) positions, side by side."""
        if comparison is None:
            comparison = self._store.felt.comparison(demarche_id)
        return [
            BarometerLine(
                line.indicator,
                line.measured_position,
                line.measured.n,
                line.felt.position,
                line.felt.n,
            )
            for line in comparison
        ]


def tie_breaks(results: ResultsRecord) -> list[TieBreakResult]:
    """The tie-break rounds whose count may be shown, each action with its dots."""
    if results.hidden:
        return []
    return [
        TieBreakResult(
            r.round_number,
            r.places,
            r.closed,
            [TieBreakLine(line.title, line.total, line.kept and r.closed) for line in r.lines],
        )
        for r in results.tie_breaks
        if r.lines
    ]
