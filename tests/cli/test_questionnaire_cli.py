"""`vitalite questionnaire …`: check, XLSForm and template read back, imports of Kobo and csv."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from vitalite_tui.cli.app import app
from vitalite_tui.db.models import Response
from vitalite_tui.store import Store, open_store
from vitalite_tui.store.questionnaire.records import SheetDraft, SheetMode
from vitalite_tui.store.questionnaire.responses import default_definition

runner = CliRunner()

CODES = [f"I{n}_{pole}{i}" for n in (1, 2, 3, 4) for pole in "VD" for i in (1, 2, 3)]
CSV_HEADER = ["fiche", "commune", "age", "anciennete", "situation", *CODES]
DEFAULT_FILE = Path(__file__).resolve().parents[2] / "schemas" / "questionnaire-sociabilite.json"


def run(*args: str | Path) -> Result:
    return runner.invoke(app, [str(arg) for arg in args])


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = open_store(path)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def base(db_path: Path) -> str:
    """A database holding one démarche (closed again: the command opens it)."""
    with opened(db_path) as store:
        return store.demarches.create("CC du Val d'Orbieu", "Lagrasse, Fabrezan, Ribaute")


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def sheet_rows(path: Path, title: str) -> list[tuple[Any, ...]]:
    workbook = openpyxl.load_workbook(path)
    return [tuple(row) for row in workbook[title].iter_rows(values_only=True)]


@pytest.mark.parametrize("command", [[], ["check"], ["xlsform"], ["template"], ["import"]], ids=str)
def test_help_is_french_and_fits_80_columns(command: list[str]) -> None:
    result = run("questionnaire", *command, "--help")
    assert result.exit_code == 0, result.output
    assert "Afficher cette aide et quitter." in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


# ---------------------------------------------------------------- check


def test_check_the_default_definition() -> None:
    result = run("questionnaire", "check", DEFAULT_FILE)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Questionnaire valide : sociabilite 1.0, 24 questions, 4 champs de profil"
    )


def test_check_lists_each_schema_error_with_its_path(tmp_path: Path) -> None:
    broken = copy.deepcopy(default_definition())
    del broken["title"]
    broken["items"][3]["pole"] = "haut"
    broken["items"][5]["indicator"] = 7
    del broken["profile"][1]["choices"]
    broken["scales"]["accord4"]["choices"][0]["value"] = 0
    result = run("questionnaire", "check", write_json(tmp_path / "q.json", broken))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"Questionnaire invalide : {tmp_path / 'q.json'} (6 erreur(s))."
    assert lines[1:] == [
        "  - (racine) — champs obligatoires manquants parmi : 'title'",
        "  - scales.accord4.choices[0].value — doit valoir au moins 1",
        "  - profile[1] — champs obligatoires manquants parmi : 'choices'",
        "  - items[3].pole — valeur non permise ; valeurs possibles : ['vitality', 'depression']",
        "  - items[5].indicator — doit valoir au plus 4",
        "  - échelle « accord4 » : les valeurs doivent aller de 1 à 4",
    ]


def test_check_reports_every_error_in_one_pass(tmp_path: Path) -> None:
    """Schema errors, several in one element, and the rules beyond the schema, all at once:
    fixing the file once is enough."""
    broken = copy.deepcopy(default_definition())
    broken["id"] = "Pas un identifiant"
    broken["surprise"] = True
    del broken["version"]
    broken["items"][0] |= {"pole": "haut", "indicator": 9, "couleur": "rouge"}
    del broken["items"][0]["text"]
    broken["items"][1]["code"] = "I1_V3"  # the code of items[2] too
    broken["items"][4]["scale"] = "accord5"
    broken["profile"][0]["type"] = 3
    result = run("questionnaire", "check", write_json(tmp_path / "q.json", broken))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:] == [
        "  - (racine) — champs obligatoires manquants parmi : 'version'",
        "  - (racine) — champs inconnus : 'surprise'",
        "  - id — forme invalide (motif attendu : ^[a-z0-9][a-z0-9-]{0,63}$)",
        "  - profile[0].type — valeur non permise ; valeurs possibles : "
        "['commune', 'choice', 'text', 'integer']",
        "  - items[0] — champs obligatoires manquants parmi : 'text'",
        "  - items[0] — champs inconnus : 'couleur'",
        "  - items[0].indicator — doit valoir au plus 4",
        "  - items[0].pole — valeur non permise ; valeurs possibles : ['vitality', 'depression']",
        "  - le code « I1_V3 » est employé 2 fois",
        "  - items[4] : échelle « accord5 » non définie",
    ]


def test_check_lists_the_rules_the_schema_cannot_express(tmp_path: Path) -> None:
    broken = copy.deepcopy(default_definition())
    broken["items"][1]["code"] = "I1_V1"
    broken["items"][2]["scale"] = "accord5"
    broken["items"] = [item for item in broken["items"] if item["indicator"] != 4]
    result = run("questionnaire", "check", write_json(tmp_path / "q.json", broken))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:] == [
        "  - le code « I1_V1 » est employé 2 fois",
        "  - items[2] : échelle « accord5 » non définie",
        "  - aucune question pour l'indicateur 4",
    ]


def test_check_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "q.json"
    path.write_text('{"id": "x",', encoding="utf-8")
    result = run("questionnaire", "check", path)
    assert result.exit_code == 1
    assert "JSON illisible ligne 1" in result.stderr
    assert "Traceback" not in result.output
    missing = run("questionnaire", "check", tmp_path / "absent.json")
    assert missing.exit_code == 1
    assert "Fichier introuvable" in missing.stderr


# ---------------------------------------------------------------- xlsform


def test_xlsform_of_the_default_definition(tmp_path: Path) -> None:
    result = run("questionnaire", "xlsform")
    assert result.exit_code == 0, result.output
    path = tmp_path / "exports" / "questionnaire-sociabilite-1.0-xlsform.xlsx"
    assert f"XLSForm écrit : {path}" in result.stdout
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["survey", "choices", "settings"]

    survey = sheet_rows(path, "survey")
    assert survey[0] == (
        "type",
        "name",
        "label::Français (fr)",
        "required",
        "required_message::Français (fr)",
    )
    by_name = {row[1]: row for row in survey[1:]}
    definition = default_definition()
    for item in definition["items"]:
        row = by_name[item["code"]]
        assert row[0] == "select_one accord4"
        assert row[2] == item["text"]
        assert row[3] == "yes"
        assert row[4] == "Choisissez une réponse (ou « Sans réponse »)."
    assert [row[1] for row in survey[1:] if row[1] in CODES] == CODES
    assert by_name["age"][0] == "select_one age"
    assert by_name["commune"][0] == "text"  # no démarche: no list of communes
    assert by_name["commune"][3] == "yes"
    assert by_name["age"][3] is None  # the respondent may leave it out
    assert by_name["intro"][0] == "note"
    assert (by_name["start"][0], by_name["end"][0]) == ("start", "end")

    choices = sheet_rows(path, "choices")
    assert choices[0] == ("list_name", "name", "label::Français (fr)")
    scale = [(name, label) for list_name, name, label in choices[1:] if list_name == "accord4"]
    assert scale == [
        ("1", "Pas du tout d'accord"),
        ("2", "Plutôt pas d'accord"),
        ("3", "Plutôt d'accord"),
        ("4", "Tout à fait d'accord"),
        ("0", "Sans réponse"),
    ]
    ages = [name for list_name, name, _ in choices[1:] if list_name == "age"]
    assert ages == ["moins-25", "25-39", "40-59", "60-74", "75-plus"]

    settings = sheet_rows(path, "settings")
    assert settings == [
        ("form_title", "form_id", "version", "default_language"),
        ("Questionnaire de sociabilité", "sociabilite", "1.0", "Français (fr)"),
    ]


def test_xlsform_of_a_demarche_lists_its_communes(db_path: Path, base: str, tmp_path: Path) -> None:
    out = tmp_path / "form.xlsx"
    demarche = ("--demarche", "cc du val d'orbieu")
    result = run("questionnaire", "xlsform", "--db", db_path, *demarche, "--out", out)
    assert result.exit_code == 0, result.output
    survey = {row[1]: row for row in sheet_rows(out, "survey")[1:]}
    assert survey["commune"][0] == "select_one communes"
    communes = [
        (name, label)
        for list_name, name, label in sheet_rows(out, "choices")
        if list_name == "communes"
    ]
    assert communes == [("lagrasse", "Lagrasse"), ("fabrezan", "Fabrezan"), ("ribaute", "Ribaute")]


def test_xlsform_of_the_only_demarche_without_naming_it(db_path: Path, tmp_path: Path) -> None:
    """README's own examples: the base's only démarche is used (its communes as a list),
    and a unique part of its name picks it."""
    with opened(db_path) as store:
        store.demarches.create(
            "Communauté de communes du Pays de Lambrenne", "Pradelle-sur-Lambrenne, Caunes"
        )
    for naming in ((), ("--demarche", "Pays de Lambrenne")):
        out = tmp_path / "form.xlsx"
        result = run("questionnaire", "xlsform", "--db", db_path, *naming, "--out", out)
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[0] == (
            f"XLSForm écrit : {out} (questionnaire sociabilite 1.0, Communauté de communes du "
            "Pays de Lambrenne, 2 communes au choix)."
        )
        survey = {row[1]: row for row in sheet_rows(out, "survey")[1:]}
        assert survey["commune"][0] == "select_one communes"
        communes = [label for name, _, label in sheet_rows(out, "choices") if name == "communes"]
        assert communes == ["Pradelle-sur-Lambrenne", "Caunes"]
        out.unlink()
    template = run("questionnaire", "template", "--db", db_path, "--out", tmp_path / "t.xlsx")
    assert "Pays de Lambrenne, 2 communes au choix" in template.stdout


def test_xlsform_refuses_another_extension_and_an_unknown_demarche(
    db_path: Path, base: str, tmp_path: Path
) -> None:
    result = run("questionnaire", "xlsform", "--out", tmp_path / "form.ods")
    assert result.exit_code == 1
    assert "extension .xlsx attendue" in result.stderr
    result = run("questionnaire", "xlsform", "--db", db_path, "--demarche", "Narbonne")
    assert result.exit_code == 1
    assert "Démarche introuvable : « Narbonne » (démarches : CC du Val d'Orbieu)" in result.stderr


# ---------------------------------------------------------------- template


def test_template_xlsx_has_one_column_per_code(tmp_path: Path) -> None:
    out = tmp_path / "modele.xlsx"
    result = run("questionnaire", "template", "--out", out)
    assert result.exit_code == 0, result.output
    header = sheet_rows(out, "Réponses")[0]
    assert header == ("fiche", "commune", "age", "anciennete", "situation", *CODES)
    codes = sheet_rows(out, "Codes")
    assert codes[0] == ("Code", "Libellé", "Indicateur", "Pôle", "Réponses permises")
    first_item = next(row for row in codes if row[0] == "I1_D1")
    assert first_item[2:4] == ("1", "dépression")
    assert first_item[4].endswith("4 = Tout à fait d'accord, 0 = Sans réponse")
    sheet = openpyxl.load_workbook(out)["Réponses"]
    ranges = {
        str(v.sqref): (v.type, v.formula1, v.formula2)
        for v in sheet.data_validations.dataValidation
    }
    assert ranges["F2:F2000"] == ("whole", "0", "4")
    assert ranges["C2:C2000"][0] == "list"


def test_template_csv_opens_in_french_excel(tmp_path: Path) -> None:
    out = tmp_path / "modele.csv"
    result = run("questionnaire", "template", "--out", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the accents
    assert data.decode("utf-8-sig") == ";".join(CSV_HEADER) + "\r\n"


# ---------------------------------------------------------------- import


def answers_row(value: Any = 3, **changes: Any) -> list[Any]:
    values = {code: value for code in CODES}
    values.update(changes)
    return [values[code] for code in CODES]


KOBO_HEADER = [
    "start",
    "end",
    "profil/commune",
    "profil/age",
    "anciennete",
    "situation",
    *(f"group_q/{code}" for code in CODES),
    "remarque",
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_index",
]


def kobo_row(uuid: str, commune: str, age: str, answers: list[Any], index: int) -> list[Any]:
    return [
        "2026-09-08T10:02:11.000+02:00",
        "2026-09-08T10:15:00.000+02:00",
        commune,
        age,
        "plus-10",
        "retraite",
        *answers,
        "",
        1000 + index,
        uuid,
        "2026-09-08T08:20:00",
        None,
        index,
    ]


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Questionnaire de sociabilité"
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def kobo_file(tmp_path: Path) -> Path:
    labels = answers_row("Plutôt d'accord", I1_V1="Sans réponse", I1_V2=4, I1_D1="1")
    return write_xlsx(
        tmp_path / "kobo.xlsx",
        [
            KOBO_HEADER,
            kobo_row("uuid-a", "lagrasse", "75-plus", answers_row("3"), 1),  # 2: good
            kobo_row("uuid-b", "Fabrezan", "40 à 59 ans", labels, 2),  # 3: good, in labels
            kobo_row("uuid-a", "lagrasse", "75-plus", answers_row("3"), 1),  # 4: same _uuid
            kobo_row("uuid-c", "Ribaute", "60-74", answers_row(2, I1_V2="peut-être"), 3),
            kobo_row("uuid-d", "Ribaute", "60-74", answers_row(2, I2_D1=7), 4),
            kobo_row("uuid-e", "Ribaute", "vieux", answers_row(2, I1_V1=5), 5),
            [None] * len(KOBO_HEADER),  # a blank row: not counted
        ],
    )


KOBO_REPORT = [
    "Import de kobo.xlsx (questionnaire sociabilite 1.0) : 6 lignes lues.",
    "  2 fiches ajoutées",
    "  1 doublon ignoré (ligne 4)",
    "  2 fiches sans numéro, numérotées à l'import : n° 1 à 2 (lignes 2, 3)",
    "  3 lignes refusées :",
    "    ligne 5 : I1_V2 : « peut-être » n'est pas une réponse connue",
    "    ligne 6 : I2_D1 : 7 est hors de l'échelle (0 à 4, 0 = sans réponse)",
    "    ligne 7 : Tranche d'âge : « vieux » n'est pas une réponse possible "
    "(moins-25, 25-39, 40-59, 60-74, 75-plus) ; "
    "I1_V1 : 5 est hors de l'échelle (0 à 4, 0 = sans réponse)",
    "  Colonnes ignorées : remarque",
]


def test_import_a_kobo_export(db_path: Path, base: str, kobo_file: Path) -> None:
    result = run("questionnaire", "import", kobo_file, "--db", db_path)
    assert result.exit_code == 1, result.output  # rows were refused: a script must know
    assert result.stdout.splitlines() == KOBO_REPORT
    assert result.stderr.splitlines() == [
        "Import incomplet : 3 lignes refusées ; corrigez ces lignes dans kobo.xlsx puis "
        "relancez l'import (les fiches déjà ajoutées ne le seront pas deux fois)."
    ]
    with opened(db_path) as store:
        sheets = store.responses.all(base)
        assert [s.sheet_number for s in sheets] == [1, 2]
        first, second = sheets
        assert first.profile == {
            "commune": "Lagrasse",
            "age": "75-plus",
            "anciennete": "plus-10",
            "situation": "retraite",
        }
        assert set(first.answers.values()) == {3}
        assert first.mode is SheetMode.IMPORT
        assert first.collected_at == datetime(2026, 9, 8, 8, 15)  # `end`, in UTC
        assert second.profile["age"] == "40-59"
        assert (second.answers["I1_V1"], second.answers["I1_V2"], second.answers["I1_D1"]) == (
            0,
            4,
            1,
        )
        assert second.answers["I4_D3"] == 3
        keys = {row.source_key for row in Response.select()}
        assert keys == {"id:uuid-a", "id:uuid-b"}
        assert store.demarches.steps(base)[2].detail == "2 questionnaires saisis"


def test_importing_the_same_file_twice_adds_nothing(
    db_path: Path, base: str, kobo_file: Path
) -> None:
    run("questionnaire", "import", kobo_file, "--db", db_path)
    again = run("questionnaire", "import", kobo_file, "--db", db_path)
    assert again.exit_code == 1, again.output
    lines = again.stdout.splitlines()
    assert lines[1:3] == ["  0 fiche ajoutée", "  3 doublons ignorés (lignes 2, 3, 4)"]
    assert lines[3:] == KOBO_REPORT[4:]  # the bad rows are reported again
    with opened(db_path) as store:
        assert store.responses.count(base) == 2


def csv_text(rows: Sequence[Sequence[Any]]) -> str:
    return "".join(";".join(str(cell) for cell in row) + "\r\n" for row in rows)


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "saisie.csv"
    text = csv_text(
        [
            CSV_HEADER,
            [1, "Lagrasse", "25-39", "2-10", "emploi", *answers_row(4)],  # 2: good
            [2, "Ribaute", "", "", "", *answers_row(1, I2_V2="")],  # 3: good, blanks
            [2, "Ribaute", "", "", "", *answers_row(1, I2_V2="")],  # 4: same content, no id
            [3, "Ribaute", "", "", "", *answers_row(2, I3_V3="x")],  # 5: unknown answer
            [4, "Ribaute", "", "", "", *answers_row(2, I4_D3=9)],  # 6: out of scale
            [5, "Fabrezan", "", "", "", *answers_row(2)],  # 7: good
        ]
    )
    path.write_bytes(text.encode("utf-8-sig"))
    return path


def test_import_our_csv_template(db_path: Path, base: str, csv_file: Path) -> None:
    result = run("questionnaire", "import", csv_file, "--db", db_path, "--demarche", base[:8])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        "Import de saisie.csv (questionnaire sociabilite 1.0) : 6 lignes lues.",
        "  3 fiches ajoutées",
        "  1 doublon ignoré (ligne 4)",
        "  2 lignes refusées :",
        "    ligne 5 : I3_V3 : « x » n'est pas une réponse connue",
        "    ligne 6 : I4_D3 : 9 est hors de l'échelle (0 à 4, 0 = sans réponse)",
    ]
    with opened(db_path) as store:
        sheets = {s.sheet_number or 0: s for s in store.responses.all(base)}
        assert sorted(sheets) == [1, 2, 5]
        assert sheets[2].profile == {"commune": "Ribaute"}
        assert sheets[2].answers["I2_V2"] == 0
        assert sheets[2].answers["I2_V1"] == 1
        assert sheets[1].profile["age"] == "25-39"
        keys = [str(row.source_key) for row in Response.select()]
        assert all(key.startswith("hash:") for key in keys)
        assert len(set(keys)) == 3
    again = run("questionnaire", "import", csv_file, "--db", db_path)
    assert again.stdout.splitlines()[1:3] == [
        "  0 fiche ajoutée",
        "  4 doublons ignorés (lignes 2, 3, 4, 7)",
    ]


def test_a_csv_from_french_excel_in_windows_1252(db_path: Path, base: str, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    rows: list[list[Any]] = [
        ["fiche", "age", "I1_V1", "I1_V2"],
        [7, "75 ans et plus", "Plutôt d'accord", "Tout à fait d'accord"],
    ]
    path.write_bytes(csv_text(rows).encode("cp1252"))
    result = run("questionnaire", "import", path, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "  1 fiche ajoutée" in result.stdout
    assert "Questions absentes du fichier (comptées sans réponse) : I1_V3, I1_D1" in result.stdout
    with opened(db_path) as store:
        (sheet,) = store.responses.all(base)
        assert (sheet.sheet_number, sheet.profile) == (7, {"age": "75-plus"})
        assert (sheet.answers["I1_V1"], sheet.answers["I1_V2"], sheet.answers["I1_V3"]) == (3, 4, 0)


def test_a_sheet_number_already_typed_is_refused(db_path: Path, base: str, tmp_path: Path) -> None:
    with opened(db_path) as store:
        store.responses.save_sheet(base, SheetDraft(1, {}, {"I1_V1": 1}))
    path = tmp_path / "saisie.csv"
    path.write_text(csv_text([["fiche", "I1_V1"], [1, 2], [2, 2]]), encoding="utf-8")
    result = run("questionnaire", "import", path, "--db", db_path)
    assert "    ligne 2 : la fiche n° 1 est déjà saisie" in result.stdout.splitlines()
    assert "  1 fiche ajoutée" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.csv", "nom;prénom\r\nDupont;Jean\r\n", "aucune colonne ne porte un code"),
        ("vide.csv", "", "vide.csv est vide"),
        ("faux.xlsx", "pas un classeur", "faux.xlsx n'est pas un classeur Excel lisible"),
        ("reponses.ods", "x", "format non pris en charge"),
    ],
)
def test_files_that_cannot_be_imported(
    db_path: Path, base: str, tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run("questionnaire", "import", path, "--db", db_path)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_import_needs_a_demarche_when_the_base_has_several(
    db_path: Path, base: str, csv_file: Path
) -> None:
    with opened(db_path) as store:
        store.demarches.create("CC des Hautes Terres", "Allanche")
    result = run("questionnaire", "import", csv_file, "--db", db_path)
    assert result.exit_code == 1
    assert "Plusieurs démarches dans cette base" in result.stderr
    assert "précisez --demarche" in result.stderr
    result = run(
        "questionnaire", "import", csv_file, "--db", db_path, "--demarche", "CC des Hautes Terres"
    )
    assert result.exit_code == 1, result.output  # two of its rows are refused
    with opened(db_path) as store:
        assert store.responses.count(base) == 0


def test_the_xlsx_template_filled_in_imports_back(db_path: Path, base: str, tmp_path: Path) -> None:
    out = tmp_path / "modele.xlsx"
    run("questionnaire", "template", "--out", out)
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["Réponses"]
    sheet.append([1, "Fabrezan", "60-74", "toujours", "retraite", *answers_row(2)])
    sheet.append([2, "Lagrasse", None, None, None, *answers_row(4, I1_V1=0)])
    workbook.save(out)
    result = run("questionnaire", "import", out, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Import de modele.xlsx (questionnaire sociabilite 1.0) : 2 lignes lues.",
        "  2 fiches ajoutées",
    ]
    with opened(db_path) as store:
        first, second = store.responses.all(base)
        assert first.profile == {
            "commune": "Fabrezan",
            "age": "60-74",
            "anciennete": "toujours",
            "situation": "retraite",
        }
        assert set(first.answers.values()) == {2}
        assert (second.sheet_number, second.answers["I1_V1"], second.answers["I1_V2"]) == (2, 0, 4)


def test_a_kobo_export_with_labels_as_headers(db_path: Path, base: str, tmp_path: Path) -> None:
    definition = default_definition()
    first, second = definition["items"][:2]
    path = write_xlsx(
        tmp_path / "labels.xlsx",
        [
            ["Tranche d'âge", first["text"], second["text"], "_uuid"],
            ["75 ans et plus", "Plutôt d'accord", "Sans réponse", "u-1"],
        ],
    )
    result = run("questionnaire", "import", path, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "  1 fiche ajoutée" in result.stdout
    with opened(db_path) as store:
        (sheet,) = store.responses.all(base)
        assert sheet.profile == {"age": "75-plus"}
        assert (sheet.answers["I1_V1"], sheet.answers["I1_V2"]) == (3, 0)


def test_the_questionnaire_modules_load_neither_openpyxl_nor_textual() -> None:
    modules = [
        "vitalite_tui.cli.app",  # which imports `cli_questionnaire` at its end
        "vitalite_tui.cli.questionnaire",
        "vitalite_tui.formats.questionnaire_check",
        "vitalite_tui.formats.entry_template",
        "vitalite_tui.formats.answers_reader",
        "vitalite_tui.formats.xlsform",
        "vitalite_tui.store.questionnaire.barometer",
        "vitalite_tui.demo.questionnaires",
        "vitalite_tui.store.questionnaire.responses",
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print([m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'textual')])"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=root
    ).stdout
    assert out.strip() == "[]"


def test_import_never_creates_an_empty_base(tmp_path: Path, csv_file: Path) -> None:
    path = tmp_path / "absente.sqlite"
    result = run("questionnaire", "import", csv_file, "--db", path)
    assert result.exit_code == 1
    assert f"Aucune base à l'emplacement {path}." in result.stderr
    assert not path.exists()
