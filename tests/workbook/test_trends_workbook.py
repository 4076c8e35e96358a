"""Workshop 2's sheets read back: Tendances, Intentions (with origins), Scénario."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from support.prospective import PEOPLE, axis, said
from support.workbook import cells_of, records, table_of, xml_parts

from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store import Store
from vitalite_tui.store.prospective.records import IntentionDraft
from vitalite_tui.workbook import export_workbook, registry

TITLES = ("Tendances", "Intentions", "Scénario")


def make_workshop2(store: Store, demarche_id: str) -> dict[str, str]:
    """A round on « mobilités » (risk, opportunity, intention notes), a round without a
    trend, intentions with and without origins and axis, two scenario texts."""
    notes, trends, subgroup = said(store, demarche_id)
    store.capture.save_note(notes.round_id, None, "=SUM(A1) le risque formule", NoteKind.RISQUE, 4)
    group = store.trends.get(trends["mobilites"])
    plain = store.capture.start_round(subgroup, "Et ?")
    store.capture.save_note(plain.id, None, "Un risque sans tendance", NoteKind.RISQUE, 1)
    moving = axis(demarche_id, "Se déplacer", 0, 3)
    made = store.intentions.create(
        demarche_id,
        IntentionDraft("Transport solidaire", "Des chauffeurs bénévoles", group.id, moving, (2, 3)),
    )
    store.intentions.set_origins(made, [notes.risk, notes.intentions[0]])
    store.intentions.create(demarche_id, IntentionDraft("Une fête", indicators=(1,)))
    store.scenario.save(demarche_id, {1: "Des lieux ouverts.", 3: "Entraide\nrelayée."})
    return {"made": made, "risk": notes.risk}


def test_the_three_sheets_read_back(store: Store, demarche_id: str, tmp_path: Path) -> None:
    make_workshop2(store, demarche_id)
    assert [s.title for s in registry.SHEETS if s.title in TITLES] == list(TITLES)
    result = export_workbook(store, demarche_id, tmp_path)
    book = load_workbook(result.path)
    names = book.sheetnames
    assert names.index("Tendances") + 1 == names.index("Intentions")
    assert names.index("Intentions") + 1 == names.index("Scénario")

    header, _ = table_of(book["Tendances"])
    assert header == [
        "Tendance",
        "Présentée",
        "Description",
        "Type",
        "Indicateur",
        "Nom de l'indicateur",
        "Texte",
        "Sous-groupe",
    ]
    trends: list[dict[str, Any]] = records(book["Tendances"])
    assert len([r for r in trends if r["Type"] is None]) == 12  # one row per trend
    mobility = [r for r in trends if r["Tendance"].startswith("Les mobilités")]
    assert mobility[0]["Présentée"] == "oui"
    assert mobility[0]["Description"].startswith("Les services")
    assert [(r["Type"], r["Indicateur"], r["Texte"]) for r in mobility[1:]] == [
        ("risque", 2, "Les jeunes sans permis vont partir"),
        ("opportunité", 1, "Le covoiturage crée du lien"),
        ("risque", 4, "=SUM(A1) le risque formule"),
    ]
    assert mobility[1]["Nom de l'indicateur"] == "Accès aux ressources"
    assert mobility[1]["Sous-groupe"] == "Sous-groupe 1"
    assert [r["Présentée"] for r in trends if r["Tendance"].startswith("Le logement")] == ["non"]
    assert trends[-1]["Tendance"] == "(sans tendance)"
    assert trends[-1]["Texte"] == "Un risque sans tendance"
    formula = [c for c in cells_of(book["Tendances"], "Texte") if c.value and "SUM" in c.value]
    assert formula[0].data_type == "s"

    intentions = records(book["Intentions"])
    assert [r["Intention"] for r in intentions] == ["Transport solidaire", "Une fête"]
    first = intentions[0]
    assert (first["Description"], first["Axe"]) == ("Des chauffeurs bénévoles", "Se déplacer")
    # The indicators as numbers, one column each: 1 where the intention serves it.
    served = ["I1 Sociabilité", "I2 Accès aux ressources", "I3 Émancipation", "I4 Vie locale"]
    assert [first[name] for name in served] == [None, 1, 1, None]
    # Their sums under the table, as formulas over the intentions' rows.
    sheet = book["Intentions"]
    total = [c for c in sheet[4] if c.value is not None]
    assert [c.value for c in total] == [
        "Total",
        "=SUM(E2:E3)",
        "=SUM(F2:F3)",
        "=SUM(G2:G3)",
        "=SUM(H2:H3)",
        "=SUM(K2:K3)",
    ]
    assert all(c.data_type == "f" for c in total[1:])
    assert first["Tendance"].startswith("Les mobilités")
    assert first["Origines"] == (
        "risque : Les jeunes sans permis vont partir | "
        "intention : On pourrait monter un transport solidaire."
    )
    assert first["Nombre d'origines"] == 2
    assert intentions[1]["Origines"] is None
    assert intentions[1]["Nombre d'origines"] == 0

    scenario = records(book["Scénario"])
    assert [(r["Indicateur"], r["Nom de l'indicateur"], r["Pôles"]) for r in scenario] == [
        (1, "Sociabilité", "Rendez-vous / Isolement"),
        (2, "Accès aux ressources", "Perspectives / Impuissance"),
        (3, "Émancipation", "Solidarités interactives / Dépendance"),
        (4, "Vie locale", "Initiatives / Passivité"),
    ]
    assert [r["Texte"] for r in scenario] == [
        "Des lieux ouverts.",
        None,
        "Entraide\nrelayée.",
        None,
    ]
    assert (result.rows("Tendances"), result.rows("Intentions"), result.rows("Scénario")) == (
        len(trends),
        2,
        4,
    )
    # No name in these sheets: the texts are said by nobody in particular.
    for name, _ in PEOPLE:
        for part, xml in xml_parts(result.path):
            if "sharedStrings" in part:
                assert name not in xml


def test_another_workshop_export_leaves_them_empty_with_a_word(
    store: Store, demarche_id: str, tmp_path: Path
) -> None:
    make_workshop2(store, demarche_id)
    result = export_workbook(store, demarche_id, tmp_path, workshop=1)
    book = load_workbook(result.path)
    for title in TITLES:
        assert result.rows(title) == 0
        texts = [str(c.value) for row in book[title].iter_rows() for c in row if c.value]
        assert any("relèvent de l'atelier 2" in text for text in texts)
    only = export_workbook(store, demarche_id, tmp_path, workshop=2)
    assert only.rows("Intentions") == 2


def test_an_empty_demarche_says_what_to_do(store: Store, demarche_id: str, tmp_path: Path) -> None:
    result = export_workbook(store, demarche_id, tmp_path)
    book = load_workbook(result.path)
    assert result.rows("Tendances") == 0  # the catalogue is not copied by an export
    texts = [str(c.value) for row in book["Intentions"].iter_rows() for c in row if c.value]
    assert any("Aucune intention" in text for text in texts)
    assert result.rows("Scénario") == 4
