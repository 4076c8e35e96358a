"""The participants registry: add, edit, soft-remove, restore, filter, count by collège."""

from __future__ import annotations

from typing import cast

from peewee import fn

from vitalite_tui.db.models import Participant
from vitalite_tui.domain.colleges import College, CollegeCounts
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.domain.text import clean_line, matches
from vitalite_tui.store.base import as_uuid, demarche_row, key, live, soft_delete, writing
from vitalite_tui.store.lookups import in_name_order
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord

MAX_NAME = 80
MAX_FIELD = 120


def cleaned_values(draft: ParticipantDraft) -> dict[str, object]:
    """The columns of a participant as the store writes them: every text cleaned and checked."""
    return {
        "display_name": clean_line(draft.display_name, field="Nom", max_length=MAX_NAME),
        "college": College(draft.college).value,
        "commune": clean_line(draft.commune, field="Commune", max_length=MAX_FIELD, required=False),
        "organisation": clean_line(
            draft.organisation, field="Structure", max_length=MAX_FIELD, required=False
        ),
        "contact": clean_line(draft.contact, field="Contact", max_length=MAX_FIELD, required=False),
        "consent_data": draft.consent_data,
        "consent_contact": draft.consent_contact,
        "consent_named": draft.consent_named,
    }


class Participants:
    """People of a démarche. Removal is soft: a removed participant can be restored."""

    def add(self, demarche_id: str, draft: ParticipantDraft) -> str:
        values = cleaned_values(draft)
        with writing():
            demarche = demarche_row(demarche_id)
            last = (
                Participant.select(fn.MAX(Participant.number))
                .where(Participant.demarche == demarche)
                .scalar()
            )
            row = Participant.create(demarche=demarche, number=(last or 0) + 1, **values)
        return key(row)

    def update(self, participant_id: str, draft: ParticipantDraft) -> None:
        values = cleaned_values(draft)
        with writing():
            row = live(Participant, participant_id, "Participant")
            for name, value in values.items():
                setattr(row, name, value)
            row.save()

    def get(self, participant_id: str) -> ParticipantRecord:
        return participant_record(live(Participant, participant_id, "Participant"))

    def remove(self, participant_id: str) -> None:
        with writing():
            soft_delete(live(Participant, participant_id, "Participant"))

    def restore(self, participant_id: str) -> None:
        with writing():
            row = Participant.get_or_none(Participant.id == as_uuid(participant_id))
            if row is not None:
                row.deleted_at = None
                row.save()

    def all(self, demarche_id: str, query: str = "") -> list[ParticipantRecord]:
        """Live participants in name order; `query` filters on name, commune, organisation."""
        demarche = demarche_row(demarche_id)
        rows = in_name_order(
            Participant.select().where(
                (Participant.demarche == demarche) & Participant.deleted_at.is_null()
            )
        )
        records = [participant_record(row) for row in rows]
        if not query.strip():
            return records
        return [
            r
            for r in records
            if matches(query, r.display_name, r.commune, r.organisation, r.college.plural, r.code)
        ]

    def counts(self, demarche_id: str) -> CollegeCounts:
        demarche = demarche_row(demarche_id)
        rows = (
            Participant.select(Participant.college, fn.COUNT(Participant.id).alias("n"))
            .where((Participant.demarche == demarche) & Participant.deleted_at.is_null())
            .group_by(Participant.college)
            .tuples()
        )
        pairs = cast("list[tuple[str, int]]", list(rows))
        return CollegeCounts.from_mapping({College(c): int(n) for c, n in pairs})


def participant_record(row: Participant) -> ParticipantRecord:
    """A participant row as the screens and the workbook read it."""
    return ParticipantRecord(
        id=key(row),
        code=participant_code(row.number),
        display_name=row.display_name,
        college=College(row.college),
        commune=row.commune,
        organisation=row.organisation,
        contact=row.contact,
        consent_data=row.consent_data,
        consent_contact=row.consent_contact,
        consent_named=row.consent_named,
    )
