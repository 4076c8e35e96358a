"""The workbook read back with an extra evening: its notes, presences and summary line apart."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from support.tui import register
from support.workbook import records

from vitalite_tui.store import Store
from vitalite_tui.workbook import export_workbook


def test_an_extra_evening_has_its_own_lines_in_the_workbook(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    ids = list(register(store, demarche_id).values())
    store.workshops.set_present_many(demarche_id, 2, ids[:4], True)
    bis = store.workshops.add_evening(demarche_id, 2, date(2026, 10, 22), "Mairie")
    store.workshops.set_present_many(demarche_id, 2, ids[3:], True, session=2)
    (planned,) = store.subgroups.form(demarche_id, 2, 1)
    (extra,) = store.subgroups.form(demarche_id, 2, 1, session=2)
    for group, text in ((planned, "Au soir prévu"), (extra, "Au rattrapage")):
        rnd = store.capture.start_round(group.id, "Quelles tendances ?")
        store.capture.save_note(rnd.id, group.members[0].id, text)

    book = load_workbook(export_workbook(store, demarche_id, tmp_path).path)

    notes = {
        row["Texte"]: (row["Atelier"], row["Séance"]) for row in records(book["Contributions"])
    }
    assert notes == {"Au soir prévu": (2, "Atelier 2"), "Au rattrapage": (2, "Atelier 2 bis")}
    presences = [(r["Séance"], r["Date"], r["Nouveau venu"]) for r in records(book["Présences"])]
    assert presences.count(("Atelier 2", None, "oui")) == 4
    # Three at the extra evening; the one who came to Atelier 2 is not new there.
    bis_day = datetime(2026, 10, 22)
    assert sorted(p for p in presences if p[0] == "Atelier 2 bis") == [
        ("Atelier 2 bis", bis_day, "non"),
        ("Atelier 2 bis", bis_day, "oui"),
        ("Atelier 2 bis", bis_day, "oui"),
    ]
    summary = {
        row[0].value: [cell.value for cell in row[1:]]
        for row in book["Synthèse"].iter_rows()
        if row and row[0].value in ("Atelier 2", "Atelier 2 bis")
    }
    # Lieu, date, présents, élus, acteurs, habitants, nouveaux venus, sous-groupes, notes.
    assert summary["Atelier 2"][:3] == [None, None, 4]
    assert summary["Atelier 2"][6:9] == [4, 1, 1]
    assert summary["Atelier 2 bis"][:3] == [bis.place, bis_day, 3]
    assert summary["Atelier 2 bis"][6:9] == [2, 1, 1]
