"""Hostile input files, actually written to disk: each refused in French with its line or cell."""

from __future__ import annotations

import json
import os
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest
from support.cli import assert_clean_error, run

from vitalite_tui.domain.questionnaire_form import form_from_definition
from vitalite_tui.errors import InvalidInput
from vitalite_tui.formats import answers_reader
from vitalite_tui.formats.answers_reader import read_answers, read_table
from vitalite_tui.formats.schemas import MAX_DEPTH, MAX_JSON_BYTES, load_json
from vitalite_tui.store.questionnaire.responses import default_definition

HEADER = "fiche;commune;I1_V1;I1_V2\r\n"


def refused(path: Path, *fragments: str) -> str:
    """The French sentence `read_table` (or `load_json` for .json) refuses `path` with."""
    reader = load_json if path.suffix == ".json" else read_table
    with pytest.raises(InvalidInput) as caught:
        reader(path)
    message = caught.value.message
    assert path.name in message, message
    for fragment in fragments:
        assert fragment in message, message
    assert "Error" not in message, message
    assert "Traceback" not in message, message
    return message


def random_bytes(size: int) -> bytes:
    return random.Random(12).randbytes(size)


def grown(path: Path, size: int) -> Path:
    """`path` made `size` bytes long without writing them (a sparse file)."""
    with path.open("ab") as stream:
        stream.truncate(size)
    return path


# ---------------------------------------------------------------- CSV


def test_a_field_over_any_sane_length(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(HEADER + "1;Lagrasse;2;3\r\n2;" + "x" * 200_000 + ";2;3\r\n", encoding="utf-8")
    refused(path, "ligne 3", "caractères")


def test_a_long_field_under_the_csv_module_limit_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(HEADER + "1;" + "x" * 50_000 + ";2;3\r\n", encoding="utf-8")
    refused(path, "ligne 2", "colonne 2")


def test_an_unterminated_quote_names_the_line_where_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "guillemet.csv"
    rows = ["1;Lagrasse;2;3", '2;"Fabrezan;2;3', "3;Ribaute;2;3", "4;Lagrasse;1;1"]
    path.write_text(HEADER + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    refused(path, "ligne 3", "guillemet")


def test_a_quoted_field_with_text_after_its_closing_quote(tmp_path: Path) -> None:
    path = tmp_path / "guillemet.csv"
    path.write_text(HEADER + '1;"Lagrasse"x;2;3\r\n', encoding="utf-8")
    refused(path, "ligne 2", "guillemet")


def test_quoted_fields_over_several_lines_still_read(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text(HEADER + '1;"Lagrasse\r\nhaut";2;3\r\n2;Ribaute;1;1\r\n', encoding="utf-8")
    assert read_table(path)[1:] == [["1", "Lagrasse\r\nhaut", "2", "3"], ["2", "Ribaute", "1", "1"]]


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "octets.csv"
    path.write_bytes(random_bytes(4000))
    refused(path, "ligne")


def test_nul_bytes_in_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes((HEADER + "1;Lagrasse;2;3\r\n2;Rib\x00aute;2;3\r\n").encode("utf-8"))
    refused(path, "ligne 3", "binaire")


def test_utf16_as_some_tools_export_it(tmp_path: Path) -> None:
    path = tmp_path / "utf16.csv"
    path.write_bytes((HEADER + "1;Lagrasse;2;3\r\n").encode("utf-16"))
    refused(path, "UTF-8")


def test_neither_utf8_nor_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "encodage.csv"
    path.write_bytes(HEADER.encode() + b"1;Lagrasse;2;3\r\n2;Ribaute\x81;2;3\r\n")
    refused(path, "ligne 3", "UTF-8", "Windows-1252")


def test_utf8_with_a_bom_and_windows_1252_are_read(tmp_path: Path) -> None:
    bom = tmp_path / "bom.csv"
    bom.write_bytes((HEADER + "1;Fabrezan;2;3\r\n").encode("utf-8-sig"))
    excel = tmp_path / "excel.csv"
    excel.write_bytes((HEADER + "1;Fabrézan;2;3\r\n").encode("cp1252"))
    assert read_table(bom)[0][0] == "fiche"
    assert read_table(excel)[1][1] == "Fabrézan"


def test_a_zip_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "classeur.csv"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "bonjour")
    refused(path, "classeur", ".xlsx")


def test_a_file_too_big(tmp_path: Path) -> None:
    path = grown(tmp_path / "enorme.csv", answers_reader.MAX_FILE_BYTES + 1)
    refused(path, "trop gros", "Mo")


def test_too_many_rows(tmp_path: Path) -> None:
    path = tmp_path / "lignes.csv"
    rows = "".join(f"{n};Lagrasse;2;3\r\n" for n in range(answers_reader.MAX_ROWS + 1))
    path.write_text(HEADER + rows, encoding="utf-8")
    refused(path, "lignes", f"ligne {answers_reader.MAX_ROWS + 2}")


# ---------------------------------------------------------------- XLSX


def workbook_file(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def rewritten(path: Path, member: str, change: bytes | None) -> Path:
    """The xlsx at `path` with `member` replaced by `change` (None: left out)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            if name != member:
                target.writestr(name, data)
            elif change is not None:
                target.writestr(name, change)
    return path


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff")
    refused(path, "classeur Excel")


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "octets.xlsx"
    path.write_bytes(random_bytes(4000))
    refused(path, "classeur Excel")


def test_a_truncated_workbook(tmp_path: Path) -> None:
    path = workbook_file(tmp_path / "coupe.xlsx", [["fiche", "I1_V1"], [1, 2]])
    path.write_bytes(path.read_bytes()[:-300])
    refused(path, "classeur Excel")


def test_a_workbook_whose_sheet_is_damaged(tmp_path: Path) -> None:
    path = workbook_file(tmp_path / "abime.xlsx", [["fiche", "I1_V1"], [1, 2], [2, 3]])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    rewritten(path, "xl/worksheets/sheet1.xml", sheet[: len(sheet) * 3 // 4])
    refused(path, "abîmé")


def test_a_workbook_without_its_sheet(tmp_path: Path) -> None:
    path = workbook_file(tmp_path / "sans-feuille.xlsx", [["fiche", "I1_V1"], [1, 2]])
    rewritten(path, "xl/worksheets/sheet1.xml", None)
    refused(path, "classeur Excel")


def test_a_cell_at_the_far_end_of_the_sheet(tmp_path: Path) -> None:
    # One cell on the last row: read naively, a million empty rows.
    path = workbook_file(tmp_path / "loin.xlsx", [["fiche", "I1_V1"], [1, 2]])
    workbook = openpyxl.load_workbook(path)
    workbook.active["A1048576"] = 3
    workbook.save(path)
    refused(path, "A1048576")


def test_a_cell_over_any_sane_length(tmp_path: Path) -> None:
    path = workbook_file(tmp_path / "long.xlsx", [["fiche", "I1_V1"], [1, "x" * 30_000]])
    refused(path, "B2", "caractères")


def test_a_workbook_too_big_once_unpacked(tmp_path: Path) -> None:
    path = workbook_file(tmp_path / "bombe.xlsx", [["fiche", "I1_V1"], [1, 2]])
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/media/vide.bin", "w", force_zip64=True) as member,
    ):
        block = bytes(1 << 20)
        for _ in range(answers_reader.MAX_UNPACKED_BYTES // len(block) + 1):
            member.write(block)
    assert path.stat().st_size < 2_000_000
    refused(path, "trop gros", "Mo")


# ---------------------------------------------------------------- JSON


def test_deeply_nested_json(tmp_path: Path) -> None:
    path = tmp_path / "profond.json"
    path.write_text('{"id": "x",\n "items": ' + "[" * 100_000 + "]" * 100_000 + "}")
    refused(path, "ligne 2", f"{MAX_DEPTH}")


def test_json_nested_up_to_the_limit_reads(tmp_path: Path) -> None:
    path = tmp_path / "juste.json"
    path.write_text("[" * MAX_DEPTH + '"[{\\"}"' + "]" * MAX_DEPTH)
    assert load_json(path) is not None


def test_json_too_big(tmp_path: Path) -> None:
    refused(grown(tmp_path / "enorme.json", MAX_JSON_BYTES + 1), "trop gros")


def test_json_with_a_number_of_thousands_of_digits(tmp_path: Path) -> None:
    path = tmp_path / "nombre.json"
    path.write_text('{"version":\n' + "9" * 5000 + "}")
    refused(path, "ligne 2")


def test_json_in_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "accents.json"
    path.write_bytes('{\n"title": "Sociabilité"}'.encode("cp1252"))
    refused(path, "ligne 2", "UTF-8")


def test_json_with_a_bom_reads(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes('{"title": "Sociabilité"}'.encode("utf-8-sig"))
    assert load_json(path) == {"title": "Sociabilité"}


def test_random_bytes_named_json(tmp_path: Path) -> None:
    path = tmp_path / "octets.json"
    path.write_bytes(random_bytes(4000))
    refused(path, "ligne")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permissions")
def test_an_unreadable_json(tmp_path: Path) -> None:
    path = tmp_path / "prive.json"
    path.write_text("{}")
    path.chmod(0)
    refused(path, "droits")


# ---------------------------------------------------------------- through the commands


def test_commands_refuse_hostile_files_in_one_french_sentence(
    tmp_path: Path, db_path: Path
) -> None:
    deep = tmp_path / "profond.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert_clean_error(run("questionnaire", "check", str(deep)), "profond.json", "ligne 1")
    from vitalite_tui.store import open_store

    store = open_store(db_path)
    store.demarches.create("CC du Val d'Orbieu", "Lagrasse, Fabrezan, Ribaute")
    store.close()
    noise = tmp_path / "octets.csv"
    noise.write_bytes(random_bytes(4000))
    assert_clean_error(
        run("questionnaire", "import", str(noise), "--db", str(db_path)), "octets.csv"
    )


def test_the_whole_read_refuses_rather_than_importing_a_blank_sheet(tmp_path: Path) -> None:
    form = form_from_definition(default_definition())
    path = tmp_path / "guillemet.csv"
    path.write_text(HEADER + '1;"Lagrasse;2;3\r\n', encoding="utf-8")
    with pytest.raises(InvalidInput, match="ligne 2"):
        read_answers(form, path, set(), set())


def test_json_documents_keep_their_content(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps({"a": [1, {"b": "[{"}]}), encoding="utf-8")
    assert load_json(path) == {"a": [1, {"b": "[{"}]}
