"""What every sheet builder is given: the store, the scope of the export and shared data.

Data that several sheets show is read once from the store, the first time a sheet asks;
a sheet added later reads what it alone needs through `context.store`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from vitalite_tui.domain.colleges import College, CollegeCounts
from vitalite_tui.domain.workshops import WORKSHOP_NUMBERS, Evening

if TYPE_CHECKING:
    from vitalite_tui.store import Store
    from vitalite_tui.store.felt.records import FeltComparison
    from vitalite_tui.store.preparation.demarche_records import DemarcheSummary, StepView
    from vitalite_tui.store.preparation.records import ParticipantRecord
    from vitalite_tui.store.questionnaire.records import QuestionnaireExport
    from vitalite_tui.store.reports.export_records import (
        ExportNoteRecord,
        PresenceRecord,
        SpeakingRecord,
    )
    from vitalite_tui.store.vote.records import VoteExport
    from vitalite_tui.store.workshops.records import WorkshopRecord


@dataclass
class ExportContext:
    """The démarche being exported, what to include, and the warnings gathered on the way."""

    store: Store
    demarche_id: str
    #: Only this workshop (1–4), or None for the whole démarche.
    workshop: int | None = None
    #: Names (and organisations) of the participants who agreed to be named.
    with_names: bool = False
    #: When the export started (local time).
    started: datetime = field(default_factory=datetime.now)
    warnings: list[str] = field(default_factory=list)
    #: (title, what it holds) of the sheets being written that hold personal data, in
    #: order: the Registre RGPD lists them.
    personal_data: tuple[tuple[str, str], ...] = ()

    @property
    def numbers(self) -> tuple[int, ...]:
        """The workshops the export covers."""
        return (self.workshop,) if self.workshop is not None else WORKSHOP_NUMBERS

    @cached_property
    def demarche(self) -> DemarcheSummary:
        return self.store.demarches.get(self.demarche_id)

    @cached_property
    def steps(self) -> list[StepView]:
        return self.store.demarches.steps(self.demarche_id)

    @cached_property
    def workshops(self) -> list[WorkshopRecord]:
        """The workshops of the export, in order."""
        every = self.store.exports.workshops(self.demarche_id)
        return [w for w in every if w.number in self.numbers]

    @cached_property
    def registry(self) -> list[ParticipantRecord]:
        """Every live participant, in the order of the codes."""
        return self.store.exports.participants(self.demarche_id)

    @cached_property
    def presences(self) -> list[PresenceRecord]:
        return self.store.exports.presences(self.demarche_id, self.workshop)

    @cached_property
    def present_ids(self) -> dict[int, set[str]]:
        """Who was present, by workshop number."""
        present: dict[int, set[str]] = defaultdict(set)
        for presence in self.presences:
            present[presence.workshop_number].add(presence.participant_id)
        return present

    @cached_property
    def participants(self) -> list[ParticipantRecord]:
        """The people the export is about: everyone, or those present at its workshop."""
        if self.workshop is None:
            return self.registry
        present = self.present_ids[self.workshop]
        return [person for person in self.registry if person.id in present]

    @cached_property
    def people(self) -> dict[str, ParticipantRecord]:
        """Live participants by id."""
        return {person.id: person for person in self.registry}

    @cached_property
    def notes(self) -> list[ExportNoteRecord]:
        return self.store.exports.notes(self.demarche_id, self.workshop)

    @cached_property
    def speaking(self) -> SpeakingRecord:
        return self.store.exports.speaking(self.demarche_id, self.workshop, self.presences)

    @cached_property
    def questionnaire(self) -> QuestionnaireExport:
        """The sheets of step 3 and the barometer: not tied to a workshop, so always whole."""
        return self.store.exports.questionnaire(self.demarche_id)

    @cached_property
    def felt(self) -> list[FeltComparison]:
        """Workshop 1's felt barometer against the measured one: its sheet and the Synthèse's
        chart show the same numbers."""
        return self.store.felt.comparison(self.demarche_id, self.questionnaire.barometer)

    @cached_property
    def votes(self) -> VoteExport:
        """The vote of workshop 3 (counting it is the slow part): two sheets, the Synthèse's
        chart and the action sheets' ranks show it."""
        return self.store.votes.export(self.demarche_id)

    def release(self, name: str) -> None:
        """Forget data read for the sheets (`"notes"`…) to free its memory; read again if asked.

        For the bulkiest data, by the last sheet that shows it: the sheets after it then
        reuse that memory instead of growing the export's peak. Inside `Exports.reading()`,
        reading it again would give the same records.
        """
        self.__dict__.pop(name, None)

    def evening_attendance(self, evening: Evening) -> CollegeCounts:
        """People present at one evening (« Atelier 2 bis » apart from « Atelier 2 »)."""
        return CollegeCounts.of(
            self.people[p.participant_id].college
            for p in self.presences
            if (p.workshop_number, p.session) == evening and p.participant_id in self.people
        )

    def name_of(self, person: ParticipantRecord) -> str:
        """The name shown with `--with-names`: only for those who agreed to be named."""
        return person.display_name if self.with_names and person.consent_named else ""

    def organisation_of(self, person: ParticipantRecord) -> str:
        """A role or an organisation (« maire de … ») names someone as surely as a name."""
        return person.organisation if self.with_names and person.consent_named else ""

    @cached_property
    def named_count(self) -> int:
        """How many participants of the export appear with their name."""
        return sum(1 for person in self.participants if self.name_of(person))

    @staticmethod
    def college_label(college: College | None) -> str:
        return college.label if college is not None else ""
