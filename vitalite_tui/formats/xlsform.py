"""A questionnaire as an XLSForm workbook, for KoboToolbox or ODK Collect on phones.

Sheets `survey`, `choices` and `settings`, labels in the « Français (fr) » language. Each
item is a `select_one` on its scale, whose choice names are the values typed on paper
(1 … k, and 0 for « sans réponse »): a Kobo or ODK export then imports back as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vitalite_tui.domain.questionnaire_form import (
    NO_ANSWER,
    FieldKind,
    ItemSpec,
    ProfileFieldSpec,
    QuestionnaireForm,
    slug,
)
from vitalite_tui.formats.files import (
    append_row,
    output_path,
    save_workbook,
    set_widths,
)

LANGUAGE = "Français (fr)"
LABEL = f"label::{LANGUAGE}"
REQUIRED_MESSAGE = f"required_message::{LANGUAGE}"
SURVEY_HEADER = ("type", "name", LABEL, "required", REQUIRED_MESSAGE)
#: Shown on the phone when a required question is left blank.
ANSWER_PLEASE = "Choisissez une réponse (ou « Sans réponse »)."
FILL_PLEASE = "Cette question est obligatoire."
CHOICES_HEADER = ("list_name", "name", LABEL)
SETTINGS_HEADER = ("form_title", "form_id", "version", "default_language")
#: The list of the démarche's communes, when the commune field is a choice.
COMMUNES_LIST = "communes"


def default_name(form: QuestionnaireForm) -> str:
    return f"questionnaire-{form.code}-{form.version}-xlsform.xlsx"


def _profile_list(form: QuestionnaireForm, field: ProfileFieldSpec) -> str:
    """The choice list of a profile field: its code, unless a scale already has that name."""
    scales = {item.scale for item in form.items}
    return f"profil_{field.code}" if field.code in scales else field.code


def _profile_type(form: QuestionnaireForm, field: ProfileFieldSpec) -> str:
    if field.kind is FieldKind.CHOICE:
        return f"select_one {_profile_list(form, field)}"
    if field.kind is FieldKind.COMMUNE and form.communes:
        return f"select_one {COMMUNES_LIST}"
    return "integer" if field.kind is FieldKind.INTEGER else "text"


def survey_rows(form: QuestionnaireForm) -> list[tuple[str, str, str, str, str]]:
    """The `survey` sheet: metadata, the introduction, the profile, then every item.

    Items are required on the phone: « Sans réponse » is one of their choices, as on paper.
    """
    rows = [("start", "start", "", "", ""), ("end", "end", "", "", "")]
    if form.intro:
        rows.append(("note", "intro", form.intro, "", ""))
    for field in form.profile:
        required = ("yes", FILL_PLEASE) if field.required else ("", "")
        rows.append((_profile_type(form, field), field.code, field.label, *required))
    for item in form.items:
        rows.append((f"select_one {item.scale}", item.code, item.text, "yes", ANSWER_PLEASE))
    return rows


def _scale_choices(item: ItemSpec) -> list[tuple[str, str, str]]:
    rows = [(item.scale, choice.value, choice.label) for choice in item.choices]
    return [*rows, (item.scale, str(NO_ANSWER), item.no_answer)]


def choice_rows(form: QuestionnaireForm) -> list[tuple[str, str, str]]:
    """The `choices` sheet: each scale once (0 last: « sans réponse »), then profile lists."""
    rows: list[tuple[str, str, str]] = []
    scales: set[str] = set()
    for item in form.items:
        if item.scale not in scales:
            scales.add(item.scale)
            rows.extend(_scale_choices(item))
    for field in form.profile:
        if field.kind is FieldKind.CHOICE:
            name = _profile_list(form, field)
            rows.extend((name, choice.value, choice.label) for choice in field.choices)
        elif field.kind is FieldKind.COMMUNE and form.communes:
            rows.extend((COMMUNES_LIST, slug(commune), commune) for commune in form.communes)
    return rows


def settings_row(form: QuestionnaireForm) -> tuple[str, str, str, str]:
    return (form.title, form.code, form.version, LANGUAGE)


def write_xlsform(form: QuestionnaireForm, target: Path) -> Path:
    """Write the workbook atomically at `target`; where it went."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheets: list[tuple[str, tuple[str, ...], list[Any], tuple[int, ...]]] = [
        ("survey", SURVEY_HEADER, list(survey_rows(form)), (20, 14, 70, 10, 40)),
        ("choices", CHOICES_HEADER, list(choice_rows(form)), (14, 24, 40)),
        ("settings", SETTINGS_HEADER, [settings_row(form)], (40, 20, 10, 20)),
    ]
    workbook.remove(workbook.active)
    for title, header, rows, widths in sheets:
        sheet = workbook.create_sheet(title)
        append_row(sheet, header)
        for row in rows:
            append_row(sheet, row)
        sheet.freeze_panes = "A2"
        set_widths(sheet, widths)
    return save_workbook(workbook, target)


def save_xlsform(form: QuestionnaireForm, out: Path | None = None) -> Path:
    """Write it at `--out` (a file, or a folder), else in `exports/`; where it went."""
    return write_xlsform(form, output_path(out, default_name(form), (".xlsx",)))
