"""Consent, ballots and quasi-identifiers in the demo's documents, read back: a signatory who
withdrew consent is never named, a `--with-names` export ties no ballot to a code, and a
pseudonymous export gives a commune only to groups of five of one collège."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook
from support.workbook import records

from vitalite_tui.db.models import Participant, Signatory
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.privacy import MIN_GROUP_SIZE
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.formats.charter_markdown import render_markdown
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.store.questionnaire.records import SheetDraft
from vitalite_tui.workbook import export_workbook


def _withdraw(count: int) -> list[Participant]:
    """`count` signatories (an élu, a habitant…) no longer agree to be named."""
    people: list[Participant] = []
    for person in Participant.select().join(Signatory).where(Participant.consent_named):
        if len(people) < count and person.college != "acteur":
            person.consent_named = False
            person.save()
            people.append(person)
    return people


def _text(path: Path, title: str) -> str:
    sheet = load_workbook(path, read_only=True)[title]
    return " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)


@pytest.mark.demo("small")
def test_consent_ballots_and_communes_in_the_demo_documents(store: Store, tmp_path: Path) -> None:
    (demarche,) = store.demarches.all()
    # Five neighbours: one group large enough to keep its commune.
    for number in range(MIN_GROUP_SIZE):
        draft = ParticipantDraft(f"Voisin {number}", College.HABITANT, demarche.communes[0])
        store.participants.add(demarche.id, draft)
    withdrawn = _withdraw(2)
    assert len(withdrawn) == 2
    named = [
        p.display_name
        for p in Participant.select().join(Signatory).where(Participant.consent_named)
    ]
    assert named, "the demo keeps some signatories who agree to be named"

    markdown = render_markdown(store.charter.document(demarche.id))
    for person in withdrawn:
        assert person.display_name not in markdown
        assert person.organisation not in markdown or not person.organisation
        assert f"un·e habitant·e de {person.commune}" in markdown
    assert all(name in markdown for name in named)

    for with_names in (False, True):
        out = tmp_path / ("names" if with_names else "codes")
        path = export_workbook(store, demarche.id, out, with_names=with_names).path
        charter = _text(path, "Charte")
        assert not [p.display_name for p in withdrawn if p.display_name in charter]
        assert all(name in charter for name in named)
        book = load_workbook(path)
        votes = records(book["Votes"])
        people = records(book["Participants"])
        if with_names:
            assert "Code" not in votes[0]
            assert "additionnés par tour, collège et action" in _text(path, "Votes")
        else:
            assert {v["Code"] for v in votes if v["Source"] == "bulletin"} <= {
                p["Code"] for p in people
            }
            groups = Counter((p["Collège"], p["Commune"]) for p in people if p["Commune"])
            assert groups
            assert min(groups.values()) >= MIN_GROUP_SIZE
            assert any(not p["Commune"] for p in people)
            presences = records(book["Présences"])
            assert {(p["Collège"], p["Commune"]) for p in presences if p["Commune"]} <= set(groups)


def test_register_shows_the_retention_date_and_the_purge(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    path = export_workbook(store, demarche_id, tmp_path / "before").path
    register = _text(path, "Registre RGPD")
    assert "Données personnelles gardées jusqu'au" in register
    assert "Aucune purge faite pour l'instant." in register
    store.steps.set_status(demarche_id, 7, StepStatus.DONE)
    store.purges.purge(demarche_id)
    path = export_workbook(store, demarche_id, tmp_path / "after").path
    register = _text(path, "Registre RGPD")
    assert "Données personnelles purgées" in register
    assert "Purges faites : le " in register
    assert "Purge de « CC du Val d'Orbieu »" in register


def test_barometer_sheet_never_shows_a_segment_of_one(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    codes = [f"I{n}_{pole}{i}" for n in (1, 2, 3, 4) for pole in "VD" for i in (1, 2, 3)]
    communes = ["Lagrasse"] * MIN_GROUP_SIZE + ["Fabrezan"]
    for number, commune in enumerate(communes, start=1):
        answers: dict[str, int | None] = {code: number % 5 for code in codes}
        draft = SheetDraft(number, {"commune": commune, "age": "40-59"}, answers)
        store.responses.save_sheet(demarche_id, draft)
    path = export_workbook(store, demarche_id, tmp_path).path
    book = load_workbook(path)
    rows = records(book["Baromètre"])
    assert {r["Fiches"] for r in rows} == {MIN_GROUP_SIZE + 1, MIN_GROUP_SIZE}
    assert "Fabrezan" not in {r["Valeur"] for r in rows}
    assert "1 fiche dans aucun segment" in _text(path, "Baromètre")
