"""Bulk import: one kind of row per call, the single-row checks, foreign keys checked at commit."""

from __future__ import annotations

import uuid
from datetime import datetime

import peewee
import pytest

from vitalite_tui.db.models import Action, Note, Participant
from vitalite_tui.domain.colleges import College
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.bulk import ActionRow, NoteRow, ParticipantRow

MORNING = datetime(2026, 10, 2, 7, 30)


def test_a_row_may_point_at_one_of_a_later_chunk(store: Store, demarche_id: str) -> None:
    demarche = uuid.UUID(demarche_id)
    actions = [
        ActionRow(created_at=MORNING, demarche=demarche, title=f"Action {n}", position=n)
        for n in range(1201)
    ]
    actions[0].merged_into = actions[-1].id
    assert store.bulk.insert(actions) == 1201
    first = Action.get_by_id(actions[0].id)
    assert first.merged_into is not None
    assert first.merged_into.id == actions[-1].id
    assert (first.created_at, first.updated_at, first.deleted_at) == (MORNING, MORNING, None)


def test_a_dangling_reference_is_refused_at_commit(store: Store, demarche_id: str) -> None:
    row = ActionRow(demarche=uuid.UUID(demarche_id), title="Orpheline", merged_into=uuid.uuid4())
    with pytest.raises(peewee.IntegrityError):
        store.bulk.insert([row])
    assert Action.select().count() == 0


def test_rows_are_cleaned_as_the_single_row_api_cleans_them(store: Store, demarche_id: str) -> None:
    person = ParticipantRow(
        demarche=uuid.UUID(demarche_id),
        number=1,
        display_name="  Léa   Martin ",
        college=College.HABITANT.value,
    )
    store.bulk.insert([person])
    [added] = store.participants.all(demarche_id)
    assert added.display_name == "Léa Martin"
    assert Participant.get_by_id(person.id).created_at is not None


def test_an_empty_note_is_refused_in_french_and_nothing_is_written(
    store: Store, demarche_id: str
) -> None:
    workshop = store.bulk.workshop_ids(demarche_id)[1]
    notes = [
        NoteRow(
            workshop=workshop,
            subgroup=None,
            round=None,
            turn=None,
            speaker=None,
            text=text,
            kind="constat",
        )
        for text in ("Le bus ne passe plus.", "   ")
    ]
    with pytest.raises(InvalidInput, match="Note vide"):
        store.bulk.insert(notes)
    assert Note.select().count() == 0


def test_one_kind_of_row_per_call(store: Store, demarche_id: str) -> None:
    demarche = uuid.UUID(demarche_id)
    mixed = [
        ActionRow(demarche=demarche, title="Action"),
        ParticipantRow(demarche=demarche, number=1, display_name="Léa", college="habitant"),
    ]
    with pytest.raises(TypeError):
        store.bulk.insert(mixed)
