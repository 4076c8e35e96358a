"""The whole démarche in one walk, for the plenary restitution of workshop 4.

Barometer (measured by the questionnaire, felt in workshop 1), the debrief's axes, the
intentions by axis, the scenario sketch, the kept actions and the charter's articles: read
once when the restitution opens. No names anywhere: it is projected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vitalite_tui.store.base import demarche_row
from vitalite_tui.store.lookups import workshop_row
from vitalite_tui.store.reports.restitution_records import (
    ArticleLine,
    BarometerLine,
    KeptAction,
    RestitutionRecord,
)
from vitalite_tui.store.workshops.recap import axes, intentions, kept_actions, scenario

if TYPE_CHECKING:
    from vitalite_tui.store import Store


class Restitution:
    def __init__(self, store: Store) -> None:
        self._store = store

    def walk(self, demarche_id: str) -> RestitutionRecord:
        demarche = demarche_row(demarche_id)
        return RestitutionRecord(
            territory=demarche.territory,
            barometer=self.barometer(demarche_id),
            axes=axes(demarche),
            intentions=intentions(workshop_row(demarche_id, 2)),
            scenario=scenario(demarche),
            kept_actions=self.kept_actions(demarche_id),
            articles=[
                ArticleLine(article.number, article.title, article.text)
                for article in self._store.charter.articles(demarche_id)
            ],
        )

    def kept_actions(self, demarche_id: str) -> list[KeptAction]:
        """The kept actions in the order of the vote (rank, dots) once it is closed."""
        results = self._store.votes.results(demarche_id)
        if results.closed and not results.hidden:
            ranked = [
                KeptAction(line.title, line.total, line.rank) for line in results.lines if line.kept
            ]
            if ranked:
                return ranked
        return [KeptAction(title) for title in kept_actions(demarche_row(demarche_id))]

    def barometer(self, demarche_id: str) -> list[BarometerLine]:
        """Measured (questionnaire) and felt (workshop 1) positions, side by side."""
        return [
            BarometerLine(
                line.indicator,
                line.measured_position,
                line.measured.n,
                line.felt.position,
                line.felt.n,
            )
            for line in self._store.felt.comparison(demarche_id)
        ]
