"""`vitalite bundle read` says what the merge settled (codes renumbered, people registered
twice, sheets typed twice), and `vitalite bundle doublons` lists and joins the pairs."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.bundles import Laptops, without_close_pause
from support.cli import run

from vitalite_tui.domain.colleges import College
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.store.questionnaire.records import SheetDraft


@pytest.fixture(autouse=True)
def _no_close_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    without_close_pause(monkeypatch)


def test_the_report_names_codes_renumbered_and_people_registered_twice(tmp_path: Path) -> None:
    laptops = Laptops(tmp_path)
    hub = laptops.open("hub")
    demarche_id = hub.demarches.create("CC du Val d'Orbieu", "Lagrasse")
    hub.participants.add(demarche_id, ParticipantDraft("Personne 1", College.ELU, "Lagrasse"))
    start = laptops.write("hub", demarche_id)
    laptops.read("poste", start)
    for name in ("hub", "poste"):  # the same person walks in at both doors
        store = laptops.open(name)
        draft = ParticipantDraft("Hélène Martin", College.HABITANT, "Fabrezan")
        store.workshops.add_newcomer(demarche_id, 1, draft)
        store.responses.save_sheet(demarche_id, SheetDraft(5, {}, {"I1_V1": 2}))
    from_poste = laptops.write("poste", demarche_id, "-soir")
    laptops.close()
    hub_db = ["--db", str(laptops.path("hub"))]
    read = run(*hub_db, "bundle", "read", str(from_poste))
    assert read.exit_code == 0, read.output
    assert "1 code renuméroté" in read.stdout
    assert "Hélène Martin : P002 devient P003" in read.stdout
    assert "1 doublon probable (même nom, même commune)" in read.stdout
    assert "Hélène Martin (Fabrezan) : P002 et P003" in read.stdout
    assert "1 fiche saisie sur deux postes à l'identique (n° 5) : comptée une fois" in read.stdout
    listed = run(*hub_db, "bundle", "doublons")
    assert listed.exit_code == 0, listed.output
    assert "P002 et P003" in listed.stdout
    joined = run(*hub_db, "bundle", "doublons", "--garder", "p002", "--retirer", "P003")
    assert joined.exit_code == 0, joined.output
    assert "P003 réuni à P002" in joined.stdout
    assert "Aucun doublon probable" in run(*hub_db, "bundle", "doublons").stdout
    unknown = run(*hub_db, "bundle", "doublons", "--garder", "P002", "--retirer", "P003")
    assert unknown.exit_code == 1
    assert "Aucune personne inscrite sous le code P003" in unknown.stderr
    assert "Traceback" not in unknown.output
    half = run(*hub_db, "bundle", "doublons", "--garder", "P002")
    assert half.exit_code == 2
    assert "--garder et --retirer" in half.stderr
