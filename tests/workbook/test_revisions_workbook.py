"""The Corrections sheet: a corrected note's earlier text and speaker, read back from the file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from support.workbook import records

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.workbook import export_workbook


def test_earlier_states_are_in_the_workbook(store: Store, demarche_id: str, tmp_path: Path) -> None:
    anne, bruno = (
        store.participants.add(demarche_id, ParticipantDraft(name, College.HABITANT))
        for name in ("Anne", "Bruno")
    )
    for person in (anne, bruno):
        store.workshops.set_present(demarche_id, 1, person, True)
    (group,) = store.subgroups.form(demarche_id, 1, count=1)
    rnd = store.capture.start_round(group.id, "Où ?")
    note = store.capture.save_note(rnd.id, anne, "=Le marché", None, 1, Pole.VITALITY)
    store.capture.save_note(rnd.id, anne, "Jamais corrigée")
    store.capture.edit_note(note.id, "Le marché du jeudi", NoteKind.CONSTAT, 1, None, bruno)

    book = load_workbook(export_workbook(store, demarche_id, tmp_path).path)
    (row,) = records(book["Corrections"])
    assert row["Atelier"] == 1
    assert row["Tour"] == 1
    assert row["Code avant"] == "P001"
    assert row["Texte avant"] == "=Le marché"  # a text, never a formula
    assert (row["Indicateur avant"], row["Pôle avant"]) == (1, "vitalité")
    assert row["Code maintenant"] == "P002"
    assert row["Texte maintenant"] == "Le marché du jeudi"
