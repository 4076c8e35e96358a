"""A note's history: corrections keep the earlier text and the earlier speaker, and read back."""

from __future__ import annotations

import pytest

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.errors import NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft


def people_in_a_round(store: Store, demarche_id: str) -> tuple[str, list[str]]:
    """Three people in one sub-group of workshop 1, its round open: (round id, their ids)."""
    ids = []
    for name, college in (
        ("Anne Azéma", College.ELU),
        ("Bruno Cazals", College.HABITANT),
        ("Chantal Dufour", College.ACTEUR),
    ):
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, 1, person, True)
        ids.append(person)
    group = store.subgroups.form(demarche_id, 1, count=1)[0]
    return store.capture.start_round(group.id, "Où vous retrouvez-vous ?").id, ids


def test_a_corrected_speaker_stays_in_the_history(store: Store, demarche_id: str) -> None:
    round_id, (anne, bruno, chantal) = people_in_a_round(store, demarche_id)
    store.capture.save_note(round_id, anne, "Le marché")
    # Saved under Bruno by mistake (a Tab too early); its turn is his alone.
    wrong = store.capture.save_note(round_id, bruno, "Le club de foot")
    fixed = store.capture.edit_note(
        wrong.id, "Le club de foot", NoteKind.CONSTAT, None, None, speaker_id=chantal
    )
    assert (fixed.speaker_id, fixed.speaker_name) == (chantal, "Chantal Dufour")
    # The turn went with the note: Bruno took no turn in this round.
    turns = store.capture.turns(round_id)
    assert [t.participant_id for t in turns] == [anne, chantal]

    # Then the text, then anonymous: each state keeps who had said it then.
    store.capture.edit_note(wrong.id, "Le club de rugby", NoteKind.CONSTAT, 1, None)
    store.capture.edit_note(
        wrong.id, "Le club de rugby", NoteKind.CONSTAT, 1, None, speaker_id=None
    )
    history = store.capture.revisions(wrong.id)
    assert [(r.speaker_label, r.text, r.indicator) for r in history] == [
        ("Bruno Cazals", "Le club de foot", None),
        ("Chantal Dufour", "Le club de foot", None),
        ("Chantal Dufour", "Le club de rugby", 1),
    ]
    assert store.capture.get_note(wrong.id).speaker_id is None

    # Nothing changed: no revision.
    store.capture.edit_note(wrong.id, "Le club de rugby", NoteKind.CONSTAT, 1, None)
    assert len(store.capture.revisions(wrong.id)) == 3

    # Only a participant of this démarche can have said it.
    other = store.demarches.create("CC voisine", "Tuchan")
    stranger = store.participants.add(other, ParticipantDraft("Zoé", College.ELU))
    with pytest.raises(NotFound):
        store.capture.edit_note(
            wrong.id, "Le club de rugby", NoteKind.CONSTAT, 1, None, speaker_id=stranger
        )
    assert len(store.capture.revisions(wrong.id)) == 3

    # The workbook reads every earlier state of the workshop's notes, with codes.
    exported = store.capture.workshop_revisions(demarche_id, (1, 2, 3, 4))
    assert [(e.revision.speaker_code, e.code_now, e.text_now) for e in exported] == [
        ("P002", "", "Le club de rugby"),
        ("P003", "", "Le club de rugby"),
        ("P003", "", "Le club de rugby"),
    ]
    assert {(e.workshop_number, e.round_number) for e in exported} == {(1, 1)}


def test_a_note_sharing_its_turn_gets_a_turn_of_its_own(store: Store, demarche_id: str) -> None:
    round_id, (anne, bruno, _) = people_in_a_round(store, demarche_id)
    first = store.capture.save_note(round_id, anne, "Le marché")
    store.capture.save_note(round_id, anne, "et la fête")
    store.capture.edit_note(first.id, "Le marché", NoteKind.CONSTAT, None, None, speaker_id=bruno)
    turns = store.capture.turns(round_id)
    assert [t.participant_id for t in turns] == [anne, bruno]
    assert [r.speaker_id for r in store.capture.revisions(first.id)] == [anne]
