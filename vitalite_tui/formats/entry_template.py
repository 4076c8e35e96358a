"""The entry template: a spreadsheet to type paper sheets in, that `import` reads back.

One column for the sheet number, one per profile field, one per item code; in the xlsx
version, each column only accepts what the questionnaire allows, and a `Codes` sheet says
what each code means. The csv version (semicolons, UTF-8 with BOM) opens in French Excel.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, BinaryIO

from vitalite_tui.domain.questionnaire_form import NO_ANSWER, FieldKind, QuestionnaireForm
from vitalite_tui.formats.files import (
    append_row,
    output_path,
    save_workbook,
    set_widths,
    write_bytes,
)

#: The column of the sheet number (the number written on the paper sheet).
SHEET_NUMBER_COLUMN = "fiche"
ANSWERS_SHEET = "Réponses"
CODES_SHEET = "Codes"
SUFFIXES = (".xlsx", ".csv")
#: Rows of the xlsx template where typing is checked (Excel needs a range).
CHECKED_ROWS = 2000
#: Excel refuses a list validation longer than this.
MAX_LIST_FORMULA = 255


def default_name(form: QuestionnaireForm) -> str:
    return f"questionnaire-{form.code}-{form.version}-modele.xlsx"


def header(form: QuestionnaireForm) -> list[str]:
    return [
        SHEET_NUMBER_COLUMN,
        *(field.code for field in form.profile),
        *(item.code for item in form.items),
    ]


def codebook(form: QuestionnaireForm) -> list[tuple[str, str, str, str, str]]:
    """(code, libellé, indicateur, pôle, réponses permises) for each column of the template."""
    rows = [(SHEET_NUMBER_COLUMN, "Numéro écrit sur la fiche papier", "", "", "1, 2, 3…")]
    for field in form.profile:
        if field.choices:
            allowed = ", ".join(f"{c.value} = {c.label}" for c in field.choices)
        elif field.kind is FieldKind.COMMUNE and form.communes:
            allowed = ", ".join(form.communes)
        else:
            allowed = "nombre entier" if field.kind is FieldKind.INTEGER else "texte libre"
        rows.append((field.code, field.label, "", "", allowed))
    for item in form.items:
        scale = [f"{c.value} = {c.label}" for c in item.choices]
        allowed = ", ".join([*scale, f"{NO_ANSWER} = {item.no_answer}"])
        rows.append((item.code, item.text, str(item.indicator), item.pole.label, allowed))
    return rows


def write_template(form: QuestionnaireForm, target: Path) -> Path:
    """Write the template (xlsx or csv, after `target`'s extension) atomically."""
    if target.suffix.lower() == ".csv":

        def write(stream: BinaryIO) -> None:
            stream.write(_csv_bytes(form))

        return write_bytes(target, write)
    return save_workbook(_workbook(form), target)


def save_template(form: QuestionnaireForm, out: Path | None = None) -> Path:
    """Write it at `--out` (a file, or a folder), else in `exports/`; where it went."""
    return write_template(form, output_path(out, default_name(form), SUFFIXES))


def _csv_bytes(form: QuestionnaireForm) -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerow(header(form))
    return text.getvalue().encode("utf-8-sig")


def _workbook(form: QuestionnaireForm) -> Any:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    answers = workbook.active
    answers.title = ANSWERS_SHEET
    columns = header(form)
    append_row(answers, columns)
    answers.freeze_panes = "B2"
    set_widths(answers, [8] + [14] * len(form.profile) + [7] * len(form.items))

    def check(column: int, validation: Any) -> None:
        letter = get_column_letter(column)
        validation.error = "Cette valeur n'est pas prévue par le questionnaire."
        validation.errorTitle = "Valeur refusée"
        validation.add(f"{letter}2:{letter}{CHECKED_ROWS}")
        answers.add_data_validation(validation)

    check(1, DataValidation(type="whole", operator="between", formula1="1", formula2="99999"))
    for offset, field in enumerate(form.profile, start=2):
        values = [choice.value for choice in field.choices]
        formula = '"' + ",".join(values) + '"'
        if values and len(formula) <= MAX_LIST_FORMULA and not any("," in v for v in values):
            check(offset, DataValidation(type="list", formula1=formula, allow_blank=True))
    first_item = 2 + len(form.profile)
    for offset, item in enumerate(form.items, start=first_item):
        check(
            offset,
            DataValidation(
                type="whole",
                operator="between",
                formula1=str(NO_ANSWER),
                formula2=str(item.size),
                allow_blank=True,
            ),
        )

    codes = workbook.create_sheet(CODES_SHEET)
    append_row(codes, ("Code", "Libellé", "Indicateur", "Pôle", "Réponses permises"))
    for row in codebook(form):
        append_row(codes, row)
    codes.freeze_panes = "A2"
    set_widths(codes, (10, 70, 11, 11, 60))
    return workbook
