"""The Préparation sheet's roles at each workshop, read back, with and without names."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from support.workbook import block, rows_of, xml_parts

from vitalite_tui.domain.roles import WorkshopRole
from vitalite_tui.store import Store
from vitalite_tui.workbook import export_workbook


def add_committee(store: Store, demarche_id: str) -> None:
    store.committee.add(
        demarche_id,
        "Claire Vialaret",
        "cheffe de projet",
        workshop_roles={2: WorkshopRole.NOTES, 1: WorkshopRole.TIMEKEEPER},
    )
    store.committee.add(demarche_id, "Paul Sans Rôle", "élu")
    store.committee.add(
        demarche_id,
        "Jordi Castan",
        "animateur",
        workshop_roles={n: WorkshopRole.ANIMATEUR for n in (1, 2, 3, 4)},
    )


def test_each_workshop_lists_its_roles_and_who_holds_them(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    add_committee(store, demarche_id)
    result = export_workbook(store, demarche_id, tmp_path)
    roles = block(rows_of(load_workbook(result.path)["Préparation"]), "Étape 2 · Rôles")
    assert [row[:3] for row in roles] == [
        ["Atelier", "Rôle", "Membre"],
        ["Atelier 1", "animateur", "Membre 3"],
        ["Atelier 1", "gardien du temps", "Membre 1"],
        ["Atelier 2", "animateur", "Membre 3"],
        ["Atelier 2", "prise de notes", "Membre 1"],
        ["Atelier 3", "animateur", "Membre 3"],
        ["Atelier 4", "animateur", "Membre 3"],
    ]
    everything = "".join(xml for _, xml in xml_parts(result.path))
    assert "Jordi Castan" not in everything  # pseudonymous by default

    named = export_workbook(store, demarche_id, tmp_path, with_names=True)
    roles = block(rows_of(load_workbook(named.path)["Préparation"]), "Étape 2 · Rôles")
    assert roles[0][:3] == ["Atelier", "Rôle", "Nom"]
    assert roles[1][:3] == ["Atelier 1", "animateur", "Jordi Castan"]


def test_no_role_yet_is_said(store: Store, demarche_id: str, tmp_path: Path) -> None:
    store.committee.add(demarche_id, "Paul Sans Rôle", "élu")
    result = export_workbook(store, demarche_id, tmp_path)
    roles = block(rows_of(load_workbook(result.path)["Préparation"]), "Étape 2 · Rôles")
    assert roles == [["Aucun rôle d'atelier attribué pour l'instant."] + [None] * 4]
