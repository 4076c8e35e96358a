"""Steps 1–2 in the workbook, read back: the Préparation sheet and the meetings' dates."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook
from support.workbook import block, rows_of, xml_parts

from vitalite_tui.domain.steps import Decision
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.demarche_records import Step1Record
from vitalite_tui.store.preparation.records import WorkshopPlan
from vitalite_tui.workbook import export_workbook

COMMITTEE = [
    ("Claire Vialaret", "cheffe de projet", "Service vie locale de la CC"),
    ("Jordi Castan", "animateur", "Centre social Aude"),
]


def prepare(store: Store, demarche_id: str) -> int:
    """Steps 1–2 filled as a technician would; returns how many logistics items there are."""
    store.steps.save_step1(
        demarche_id,
        Step1Record(
            presentation_date=date(2026, 2, 3),
            deliberation_date=date(2026, 3, 14),
            deliberation_ref="2026-041",
            decision=Decision.ADOPTED,
            comment="Vote à l'unanimité.\nLe maire de Lagrasse porte la démarche.",
        ),
    )
    store.planning.save(
        demarche_id,
        WorkshopPlan(1, date(2026, 10, 6), time(18, 30), time(21, 15), "Salle des fêtes"),
    )
    store.planning.save(demarche_id, WorkshopPlan(3, date(2026, 11, 17), place="Fabrezan"))
    for name, role, organisation in COMMITTEE:
        store.committee.add(demarche_id, name, role, organisation)
    items = store.logistics.all(demarche_id)
    for item in items[:3]:
        store.logistics.toggle(item.id)
    return len(items)


def test_the_preparation_sheet_holds_steps_1_and_2(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    total = prepare(store, demarche_id)
    result = export_workbook(store, demarche_id, tmp_path)
    book = load_workbook(result.path)
    assert book.sheetnames[1] == "Préparation"
    rows = rows_of(book["Préparation"])
    step1 = {row[0]: row[1] for row in block(rows, "Étape 1")}
    assert step1["Présentation aux élus"] == datetime(2026, 2, 3)
    assert step1["Délibération du conseil communautaire"] == datetime(2026, 3, 14)
    assert step1["Référence de la délibération"] == "2026-041"
    assert step1["Décision"] == "adoptée"
    assert step1["Commentaires"].startswith("Vote à l'unanimité.\nLe maire")
    planning = block(rows, "Étape 2 · Ateliers")
    assert planning[0][:5] == ["Atelier", "Lieu", "Date", "Début", "Fin"]
    assert planning[1][:5] == [
        "Atelier 1",
        "Salle des fêtes",
        datetime(2026, 10, 6),
        "18h30",
        "21h15",
    ]
    assert planning[3][:3] == ["Atelier 3", "Fabrezan", datetime(2026, 11, 17)]
    committee = block(rows, "Étape 2 · Comité")
    assert [row[:3] for row in committee[:3]] == [
        ["Membre", "Rôle", None],
        ["Membre 1", "cheffe de projet", None],
        ["Membre 2", "animateur", None],
    ]
    assert "--with-names" in committee[3][0]
    logistics = block(rows, f"Étape 2 · Logistique (3 sur {total} faits)")
    assert logistics[0][:2] == ["Élément", "Fait"]
    assert [row[1] for row in logistics[1:]] == ["oui"] * 3 + ["non"] * (total - 3)
    everything = "".join(xml for _, xml in xml_parts(result.path))
    for name, _, organisation in COMMITTEE:
        assert name not in everything  # pseudonymous by default
        assert organisation not in everything
    register = {r[0].value: r[1].value for r in book["Registre RGPD"].iter_rows(min_row=3)}
    assert "Préparation : " in register["Feuilles concernées"]


def test_with_names_the_committee_is_named(store: Store, demarche_id: str, tmp_path: Path) -> None:
    prepare(store, demarche_id)
    book = load_workbook(export_workbook(store, demarche_id, tmp_path, with_names=True).path)
    committee = block(rows_of(book["Préparation"]), "Étape 2 · Comité")
    assert [row[:3] for row in committee] == [
        ["Nom", "Rôle", "Structure"],
        ["Claire Vialaret", "cheffe de projet", "Service vie locale de la CC"],
        ["Jordi Castan", "animateur", "Centre social Aude"],
    ]


def test_the_steps_block_shows_the_meetings_dates(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    prepare(store, demarche_id)
    book = load_workbook(export_workbook(store, demarche_id, tmp_path).path)
    steps = block(rows_of(book["Synthèse"]), "Étapes")
    assert steps[0][:3] == ["Étape", "État", "Réunion"]
    meetings = {row[0].split(".")[0]: row[2] for row in steps[1:]}
    assert meetings == {
        "1": datetime(2026, 2, 3),
        "2": None,
        "3": None,
        "4": datetime(2026, 10, 6),
        "5": None,
        "6": datetime(2026, 11, 17),
        "7": None,
    }
