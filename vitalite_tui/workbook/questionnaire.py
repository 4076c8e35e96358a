"""The Questionnaire sheet (one row per answer sheet, one column per item) and its codebook."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from vitalite_tui.domain.indicators import indicator
from vitalite_tui.domain.questionnaire_form import (
    NO_ANSWER,
    FieldKind,
    ItemSpec,
    ProfileFieldSpec,
    QuestionnaireForm,
    choice_label,
)
from vitalite_tui.formats.cells import local_time
from vitalite_tui.store.questionnaire.records import SheetRecord
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter

#: The columns every sheet has before its profile and answers, with what each one holds.
SHEET_COLUMNS: tuple[tuple[Column, str], ...] = (
    (
        Column("N° de fiche", 10),
        "Numéro écrit sur la feuille papier, ou donné à l'import (nombre entier).",
    ),
    (
        Column("Questionnaire", 16),
        "La version du questionnaire avec laquelle la fiche a été saisie (identifiant et version).",
    ),
    (
        Column("Collectée le", 17),
        "Date et heure du recueil, quand elles sont connues (import d'un outil d'enquête).",
    ),
    (Column("Saisie le", 17), "Date et heure de la saisie dans vitalite."),
    (
        Column("Mode", 9),
        "papier : feuille papier tapée au clavier ; import : lue dans un tableur (modèle de "
        "saisie, KoboToolbox, ODK).",
    ),
    (
        Column("Vérifiée", 10),
        "oui : la fiche a été ressaisie une seconde fois et les écarts tranchés.",
    ),
)

PROFILE_WIDTH = 24
ITEM_WIDTH = 8

#: How the codebook names the kind of a profile field.
KIND_LABELS = {
    FieldKind.COMMUNE: "commune",
    FieldKind.CHOICE: "choix",
    FieldKind.TEXT: "texte",
    FieldKind.INTEGER: "nombre entier",
}

CODEBOOK_COLUMNS = (
    Column("Code", 12),
    Column("Type", 9),
    Column("Intitulé", 60),
    Column("Indicateur", 11),
    Column("Nom de l'indicateur", 22),
    Column("Pôle", 11),
    Column("Nom du pôle", 24),
    Column("Échelle", 14),
    Column("Valeurs", 60),
    Column("Questionnaire", 16),
)


def profile_fields(forms: Iterable[QuestionnaireForm]) -> list[ProfileFieldSpec]:
    """Every profile field, once per code, in the order of the first form that has it."""
    fields: dict[str, ProfileFieldSpec] = {}
    for form in forms:
        for field in form.profile:
            fields.setdefault(field.code, field)
    return list(fields.values())


def item_codes(forms: Iterable[QuestionnaireForm]) -> list[str]:
    """Every item code, once, in the order of the first form that has it."""
    return list(dict.fromkeys(item.code for form in forms for item in form.items))


def unique(headers: Sequence[str]) -> list[str]:
    """Headers an Excel table accepts: a repeated name (any case) gets « (2) », « (3) »…"""
    seen: set[str] = set()
    result = []
    for header in headers:
        name, count = header, 1
        while name.casefold() in seen:
            count += 1
            name = f"{header} ({count})"
        seen.add(name.casefold())
        result.append(name)
    return result


def profile_value(field: ProfileFieldSpec, value: str | None) -> str | int | None:
    """What a cell shows of a profile answer: the label of a choice, a number as a number."""
    if not value:
        return None
    if field.kind is FieldKind.CHOICE:
        return choice_label(field.choices, value)
    if field.kind is FieldKind.INTEGER:
        try:
            return int(value)
        except ValueError:
            return value
    return value


def _sheet_row(
    record: SheetRecord, fields: Sequence[ProfileFieldSpec], codes: Sequence[str]
) -> list[Any]:
    answers = record.answers
    return [
        record.sheet_number,
        f"{record.questionnaire_code} {record.questionnaire_version}",
        local_time(record.collected_at) if record.collected_at is not None else None,
        local_time(record.created_at),
        record.mode.value,
        record.verified,
        *(profile_value(field, record.profile.get(field.code)) for field in fields),
        # « Sans réponse » and items of another version stay empty: never a zero to average.
        *(
            None if (value := answers.get(code, NO_ANSWER)) == NO_ANSWER else value
            for code in codes
        ),
    ]


def answers(context: ExportContext, sheet: SheetWriter) -> None:
    """One row per live sheet: when and how it was typed, the profile, then each answer."""
    data = context.questionnaire
    fields = profile_fields(data.forms)
    codes = item_codes(data.forms)
    headers = unique(
        [column.header for column, _ in SHEET_COLUMNS] + [field.code for field in fields] + codes
    )
    widths = (
        [column.max_width for column, _ in SHEET_COLUMNS]
        + [PROFILE_WIDTH] * len(fields)
        + [ITEM_WIDTH] * len(codes)
    )
    columns = [Column(header, width) for header, width in zip(headers, widths, strict=True)]
    rows = [_sheet_row(record, fields, codes) for record in data.sheets]
    sheet.table("Questionnaire", columns, rows, "Aucun questionnaire saisi pour l'instant.")


# ---------------------------------------------------------------- the long form

LONG_COLUMNS = (
    Column("N° de fiche", 15),
    Column("Code", 10),
    Column("Valeur", 10),
    Column("Indicateur", 14),
    Column("Pôle", 12),
)
LONG_EMPTY = "Aucune réponse saisie pour l'instant."


def answers_long(context: ExportContext, sheet: SheetWriter) -> None:
    """The same answers as the Questionnaire sheet, one row per answer (fiche, code, value):
    the shape a pivot table wants. « Sans réponse » has no row, as it has no value there."""
    data = context.questionnaire
    items = {item.code: item for form in data.forms for item in form.items}
    rows: list[list[Any]] = []
    for record in data.sheets:
        for code, value in record.answers.items():
            if value is None or value == NO_ANSWER:
                continue
            item = items.get(code)
            rows.append(
                [
                    record.sheet_number,
                    code,
                    value,
                    item.indicator if item is not None else None,
                    item.pole.label if item is not None else None,
                ]
            )
    sheet.table("QuestionnaireLong", LONG_COLUMNS, rows, LONG_EMPTY)


# ---------------------------------------------------------------- the codebook


def scale_values(item: ItemSpec) -> str:
    """« 1 = Pas du tout d'accord ; … ; 4 = Tout à fait d'accord ; vide = Sans réponse »."""
    values = [f"{choice.value} = {choice.label}" for choice in item.choices]
    return " ; ".join([*values, f"vide = {item.no_answer}"])


def field_values(form: QuestionnaireForm, field: ProfileFieldSpec) -> str:
    """The answers a profile field accepts, as the Questionnaire sheet shows them."""
    if field.kind is FieldKind.CHOICE:
        return " ; ".join(f"{choice.label} ({choice.value})" for choice in field.choices)
    if field.kind is FieldKind.COMMUNE and form.communes:
        return "une commune de la démarche : " + ", ".join(form.communes)
    if field.kind is FieldKind.INTEGER:
        return "un nombre entier"
    return "texte libre"


def _field_row(form: QuestionnaireForm, field: ProfileFieldSpec) -> list[Any]:
    kind = KIND_LABELS[field.kind]
    values = field_values(form, field)
    return [field.code, "profil", field.label, None, None, None, None, kind, values, form.label]


def _item_row(form: QuestionnaireForm, item: ItemSpec) -> list[Any]:
    shown = indicator(item.indicator)
    return [
        item.code,
        "question",
        item.text,
        shown.number,
        shown.short_name,
        item.pole.label,
        shown.pole_label(item.pole),
        item.scale,
        scale_values(item),
        form.label,
    ]


def codebook(context: ExportContext, sheet: SheetWriter) -> None:
    """What each column of the Questionnaire sheet means: fixed columns, profile, items."""
    forms = context.questionnaire.forms
    rows: list[list[Any]] = [
        [column.header, "fiche", meaning, *([None] * 7)] for column, meaning in SHEET_COLUMNS
    ]
    for form in forms:
        rows += [_field_row(form, field) for field in form.profile]
        rows += [_item_row(form, item) for item in form.items]
    sheet.table("Codebook", CODEBOOK_COLUMNS, rows, "Aucun questionnaire défini.")
    # The last sheet to read the questionnaire's sheets (the Baromètre ressenti uses the
    # comparison the Synthèse made): half a megabyte on the large demo, freed for the rest.
    context.release("questionnaire")
