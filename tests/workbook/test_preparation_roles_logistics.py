"""The Préparation sheet's roles at each workshop and logistics details, read back."""

from __future__ import annotations

from datetime import date, datetime
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


def test_logistics_say_by_when_what_is_late_and_who_only_with_names(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    for item in store.logistics.all(demarche_id):
        store.logistics.remove(item.id)
    store.logistics.add(demarche_id, "Clé de la salle", "Martine Dupont", date(2020, 2, 3))
    store.logistics.add(demarche_id, "Affiches", "", date(2999, 1, 1))
    done = store.logistics.add(demarche_id, "Café", "Karim", date(2020, 1, 1))
    store.logistics.toggle(done)

    result = export_workbook(store, demarche_id, tmp_path)
    rows = rows_of(load_workbook(result.path)["Préparation"])
    logistics = block(rows, "Étape 2 · Logistique (1 sur 3 faits, 1 en retard)")
    assert [row[:4] for row in logistics] == [
        ["Élément", "Fait", "Pour le", "En retard"],
        ["Clé de la salle", "non", datetime(2020, 2, 3), "oui"],
        ["Affiches", "non", datetime(2999, 1, 1), "non"],
        ["Café", "oui", datetime(2020, 1, 1), "non"],
        [
            "Qui s'en charge : ces noms ne figurent que dans un export avec les noms "
            "(vitalite export --with-names).",
            None,
            None,
            None,
        ],
    ]
    everything = "".join(xml for _, xml in xml_parts(result.path))
    assert "Martine Dupont" not in everything

    named = export_workbook(store, demarche_id, tmp_path, with_names=True)
    rows = rows_of(load_workbook(named.path)["Préparation"])
    logistics = block(rows, "Étape 2 · Logistique")
    assert logistics[0][:5] == ["Élément", "Fait", "Qui", "Pour le", "En retard"]
    assert logistics[1][:5] == [
        "Clé de la salle",
        "non",
        "Martine Dupont",
        datetime(2020, 2, 3),
        "oui",
    ]
    assert len(logistics) == 4
