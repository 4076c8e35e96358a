"""The participants registry: add, edit, soft-remove, restore, filter, count by collège;
codes shown in exports kept for good; one person registered twice made one."""

from __future__ import annotations

from typing import Any, cast

from peewee import fn

from vitalite_tui.db.models import Participant, db, utcnow
from vitalite_tui.domain.colleges import College, CollegeCounts
from vitalite_tui.domain.errors import InvalidInput
from vitalite_tui.domain.merge import (
    CARRIED_KEY,
    exported_in,
    person_key,
    probable_duplicates,
    with_exported,
)
from vitalite_tui.domain.participants import participant_code
from vitalite_tui.domain.text import clean_line, matches
from vitalite_tui.store.base import as_uuid, demarche_row, key, live, soft_delete, writing
from vitalite_tui.store.exchange.codes import codes_with_live
from vitalite_tui.store.exchange.records import Duplicate
from vitalite_tui.store.exchange.tables import NATURAL_KEYS, referencing
from vitalite_tui.store.lookups import in_name_order
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord

MAX_NAME = 80
MAX_FIELD = 120


#: Said when a form or a file asks to name someone whose data are not kept.
NAMED_WITHOUT_DATA = (
    "Consentements : une personne ne peut être nommée dans les documents que si ses données "
    "sont conservées ; cochez aussi « données conservées » ou décochez « nommé·e »."
)


def cleaned_values(draft: ParticipantDraft) -> dict[str, object]:
    """The columns of a participant as the store writes them: every text cleaned and checked."""
    # Named in a document is a use of the data: without their keeping it means nothing.
    if draft.consent_named and not draft.consent_data:
        raise InvalidInput(NAMED_WITHOUT_DATA)
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
            # A code once exported stays that person's, even if their row went elsewhere.
            exported = max(
                (*exported_in(demarche.settings), *exported_in(demarche.settings, CARRIED_KEY)),
                default=0,
            )
            row = Participant.create(
                demarche=demarche, number=max(last or 0, exported) + 1, **values
            )
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

    def mark_exported(self, demarche_id: str) -> None:
        """Record every live person's code as shown in an export: from now on that code
        is theirs on every laptop (the record travels in bundles, see `exchange.hooks`)."""
        with writing():
            demarche = demarche_row(demarche_id)
            codes = codes_with_live(demarche)
            if codes is not None:
                demarche.settings = with_exported(dict(demarche.settings or {}), codes)
                demarche.save()

    def duplicates(self, demarche_id: str) -> list[Duplicate]:
        """Live people with the same name and commune (folded): probably one person twice."""
        rows = Participant.select().where(
            (Participant.demarche == demarche_row(demarche_id)) & Participant.deleted_at.is_null()
        )
        people = {row.id.hex: row for row in rows}
        pairs = probable_duplicates(
            (hex_id, row.display_name, row.commune) for hex_id, row in people.items()
        )
        return [duplicate(people[first], people[second]) for first, second in pairs]

    def same_person(
        self, demarche_id: str, display_name: str, commune: str, *, besides: str = ""
    ) -> list[ParticipantRecord]:
        """Live people registered with this name and commune (case, accents and spaces
        aside: the rule of `duplicates`), but for `besides`: probably the one being typed."""
        wanted = person_key(display_name, commune)
        if not wanted[0]:
            return []
        return [
            record
            for record in self.all(demarche_id)
            if record.id != besides and person_key(record.display_name, record.commune) == wanted
        ]

    def merge(self, keep_id: str, other_id: str) -> None:
        """Make two registrations of one person one: every attendance, membership, note,
        turn, vote, image, rating, role and signature of `other_id` becomes `keep_id`'s
        (where both were ticked, the one row kept), then `other_id` is removed (restorable)."""
        with writing():
            keep = live(Participant, keep_id, "Participant")
            other = live(Participant, other_id, "Participant")
            if keep.id == other.id or keep.demarche_id != other.demarche_id:
                raise InvalidInput(
                    "Choisissez deux personnes différentes de la même démarche à réunir."
                )
            at = str(utcnow())
            for table, column in referencing("participant"):
                _move_links(table, column, keep.id.hex, other.id.hex, at)
            soft_delete(other)


def _move_links(table: str, column: str, keep: str, other: str, at: str) -> None:
    """Point `table.column` at `keep` instead of `other`, as changes that travel."""
    staying: list[str] = []
    alike = [c for c in NATURAL_KEYS.get(table, ()) if c != column]
    if alike:
        # One row per (workshop, person): where both have one, keep's stays (alive if
        # either was) and other's is removed where it is.
        matched = " AND ".join(f'mine."{c}" = theirs."{c}"' for c in alike)
        pairs: list[tuple[Any, ...]] = db.execute_sql(
            f'SELECT mine.id, theirs.id, theirs.deleted_at FROM "{table}" AS mine '
            f'JOIN "{table}" AS theirs ON {matched} '
            f'WHERE mine."{column}" = ? AND theirs."{column}" = ?',
            (keep, other),
        ).fetchall()
        for mine, theirs, theirs_removed in pairs:
            if theirs_removed is None:
                db.execute_sql(
                    f'UPDATE "{table}" SET deleted_at = NULL, updated_at = ? '
                    "WHERE id = ? AND deleted_at IS NOT NULL",
                    (at, mine),
                )
                db.execute_sql(
                    f'UPDATE "{table}" SET deleted_at = ?, updated_at = ? WHERE id = ?',
                    (at, at, theirs),
                )
            staying.append(str(theirs))
    marks = ", ".join("?" * len(staying))
    db.execute_sql(
        f'UPDATE "{table}" SET "{column}" = ?, updated_at = ? '
        f'WHERE "{column}" = ? AND id NOT IN ({marks})',
        (keep, at, other, *staying),
    )


def duplicate(one: Participant, other: Participant) -> Duplicate:
    """The pair, the smaller code first: the one to keep, unless the user says otherwise."""
    first, second = sorted((one, other), key=lambda row: int(row.number))
    return Duplicate(
        keep_id=key(first),
        other_id=key(second),
        name=first.display_name,
        commune=first.commune,
        codes=(participant_code(first.number), participant_code(second.number)),
    )


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
