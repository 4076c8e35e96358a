"""A démarche's life in the store: communes required, edit, archive and back, remove and back."""

from __future__ import annotations

import pytest

from vitalite_tui.domain.colleges import College
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft


@pytest.mark.parametrize("communes", ["", " , ; ", []])
def test_a_new_demarche_needs_its_communes(store: Store, communes: str | list[str]) -> None:
    with pytest.raises(InvalidInput, match="Communes : indiquez au moins une commune"):
        store.demarches.create("CC des Trois Vallées", communes)
    assert store.demarches.all() == []


def test_update_changes_name_and_communes_and_keeps_the_rules(
    store: Store, demarche_id: str
) -> None:
    other = store.demarches.create("CC des Coteaux", "Alba")
    store.demarches.update(demarche_id, " CC  Val d'Orbieu ", "Lagrasse; Fabrezan, Camplong")
    summary = store.demarches.get(demarche_id)
    assert summary.territory == "CC Val d'Orbieu"
    assert summary.communes == ["Lagrasse", "Fabrezan", "Camplong"]
    with pytest.raises(InvalidInput, match="Communes"):
        store.demarches.update(demarche_id, "CC Val d'Orbieu", "  ")
    with pytest.raises(InvalidInput, match="« CC des Coteaux »"):
        store.demarches.update(demarche_id, "cc des coteaux", "Lagrasse")
    # Nothing of a refused edit was kept.
    assert store.demarches.get(demarche_id) == summary
    assert store.demarches.get(other).territory == "CC des Coteaux"


def test_archive_sets_aside_and_unarchive_brings_back(store: Store, demarche_id: str) -> None:
    store.demarches.archive(demarche_id)
    (summary,) = store.demarches.all()
    assert summary.archived_at is not None
    # Archived, it is still found by name (an export of a finished démarche).
    assert store.demarches.find("orbieu") == demarche_id
    # Its name stays taken: an archived démarche is not gone.
    with pytest.raises(InvalidInput, match="déjà ce nom"):
        store.demarches.create("CC du Val d'Orbieu", "Lagrasse")
    store.demarches.unarchive(demarche_id)
    assert store.demarches.get(demarche_id).archived_at is None


def test_remove_names_what_goes_and_can_be_undone(store: Store, demarche_id: str) -> None:
    store.participants.add(demarche_id, ParticipantDraft("Aline", College.HABITANT))
    contents = store.demarches.contents(demarche_id)
    assert (contents.participants, contents.sheets, contents.notes) == (1, 0, 0)
    store.demarches.remove(demarche_id)
    assert store.demarches.all() == []
    # Still in the file, to be brought back later (vitalite demarche restore).
    assert [(r.id, r.territory) for r in store.demarches.removed()] == [
        (demarche_id, "CC du Val d'Orbieu")
    ]
    store.demarches.restore_removed(demarche_id)
    assert store.demarches.removed() == []
    (back,) = store.demarches.all()
    assert back.id == demarche_id
    assert [p.display_name for p in store.participants.all(demarche_id)] == ["Aline"]


def test_a_removed_demarche_whose_name_was_taken_is_not_restored(
    store: Store, demarche_id: str
) -> None:
    store.demarches.remove(demarche_id)
    store.demarches.create("cc du val d'orbieu", "Lagrasse")
    with pytest.raises(InvalidInput, match="déjà ce nom"):
        store.demarches.restore_removed(demarche_id)
    assert len(store.demarches.all()) == 1
