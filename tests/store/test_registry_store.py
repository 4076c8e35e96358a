"""The registry's store rules: the consent pair, someone probably registered already."""

from __future__ import annotations

import uuid

import pytest

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.bulk import ParticipantRow
from vitalite_tui.store.preparation.participants import NAMED_WITHOUT_DATA
from vitalite_tui.store.preparation.records import ParticipantDraft


def test_named_without_data_kept_is_refused_everywhere(store: Store, demarche_id: str) -> None:
    named_only = ParticipantDraft("Anne", College.ELU, consent_named=True)
    with pytest.raises(InvalidInput) as refused:
        store.participants.add(demarche_id, named_only)
    assert refused.value.message == NAMED_WITHOUT_DATA
    person = store.participants.add(demarche_id, ParticipantDraft("Anne", College.ELU))
    with pytest.raises(InvalidInput):
        store.participants.update(person, named_only)
    row = ParticipantRow(
        id=uuid.uuid4(),
        demarche=uuid.UUID(demarche_id),
        number=9,
        display_name="Bruno",
        college=College.ELU.value,
        consent_named=True,
    )
    with pytest.raises(InvalidInput):
        store.bulk.insert([row])
    [kept] = store.participants.all(demarche_id)
    assert (kept.display_name, kept.consent_named) == ("Anne", False)
    both = ParticipantDraft("Anne", College.ELU, consent_data=True, consent_named=True)
    store.participants.update(person, both)
    assert store.participants.get(person).consent_named


def test_same_person_folds_case_accents_and_spaces(store: Store, demarche_id: str) -> None:
    anne = store.participants.add(
        demarche_id, ParticipantDraft("Anne Azéma", College.ELU, "Lagrasse")
    )
    store.participants.add(demarche_id, ParticipantDraft("Anne Azéma", College.ELU, "Ribaute"))
    found = store.participants.same_person(demarche_id, "  ANNE   azema ", "lagrasse")
    assert [p.id for p in found] == [anne]
    assert store.participants.same_person(demarche_id, "Anne Azema", "Lagrasse", besides=anne) == []
    assert store.participants.same_person(demarche_id, "", "Lagrasse") == []
