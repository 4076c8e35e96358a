"""A paper questionnaire on screen, without Textual: its lines, its numbers, its draft."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta, timezone
from enum import Enum

# The order of the sheet is the domain's: the printed questionnaire follows the same one.
from vitalite_tui.domain.questionnaire_form import (
    MAX_SHEET_NUMBER,
    FieldKind,
    ProfileFieldSpec,
    QuestionnaireForm,
)
from vitalite_tui.domain.questionnaire_form import choice_fields as choice_fields
from vitalite_tui.domain.questionnaire_form import text_fields as text_fields
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.questionnaire.records import (
    Difference,
    DifferenceKind,
    SheetDraft,
    SheetMode,
    SheetRecord,
)
from vitalite_tui.tui.widgets.answer_grid import GridRow
from vitalite_tui.tui.widgets.sheet_fields import complete_commune, field_label

#: « Ce soir » begins at this local hour: an evening that runs past midnight stays one.
EVENING_HOUR = 6
#: What 0 means on a profile choice.
NOT_GIVEN = "non renseigné"


def quoted(text: str) -> str:
    """« text », the guillemets held to it by no-break spaces (a line never starts with »)."""
    return f"«\u00a0{text}\u00a0»"


#: Said on screen, always: F2 takes a sheet as it is, and what a blank line becomes.
F2_RULES = {
    "save": f"F2 : question non tapée = {quoted('sans réponse')}",
    "compare": f"F2 compare ; non tapée = {quoted('sans réponse')}",
}


class EntryMode(str, Enum):
    NEW = "new"  # a pile of new sheets, one after the other
    CORRECT = "correct"  # one stored sheet, prefilled
    VERIFY = "verify"  # one stored sheet, retyped blind, then compared


def evening_start(now: datetime) -> datetime:
    """When « ce soir » began, as naive UTC: 6 h today (local), or yesterday after midnight."""
    local = now.astimezone()
    start = local.replace(hour=EVENING_HOUR, minute=0, second=0, microsecond=0)
    if local < start:
        start -= timedelta(days=1)
    return start.astimezone(timezone.utc).replace(tzinfo=None)


def field_legend(form: QuestionnaireForm, field: ProfileFieldSpec) -> str:
    """What a profile field typed as text expects, and what a blank means for it."""
    if field.kind is FieldKind.COMMUNE and form.communes:
        typing = f"{field.label} : tapez le début du nom, ⏎ prend la commune proposée."
    else:
        typing = f"{field.label} : ⏎ passe au champ suivant."
    return f"{typing} {blank_rule(field)}"


def blank_rule(field: ProfileFieldSpec) -> str:
    # The phone (XLSForm) refuses a blank required field; paper cannot: the typist copies
    # what the respondent wrote, so a blank is kept, and said.
    if field.required:
        return "Obligatoire (*) : vide seulement si la fiche papier ne le donne pas."
    return "Vide : non renseigné."


def grid_rows(form: QuestionnaireForm) -> list[GridRow]:
    """The profile choices, then the statements, as one list of one-key lines."""
    rows = [
        GridRow(
            "", field_label(field), tuple(c.label for c in field.choices), NOT_GIVEN, profile=True
        )
        for field in choice_fields(form)
    ]
    rows += [
        GridRow(item.code, item.text, tuple(c.label for c in item.choices), item.no_answer)
        for item in form.items
    ]
    return rows


def rows_for_code(form: QuestionnaireForm, typed: str) -> list[int]:
    """The answer lines a typed code points to (any case): the question of that very
    code, else every question whose code starts so (« i3_d » → three lines)."""
    wanted = typed.strip().casefold()
    if not wanted:
        return []
    codes = [item.code.casefold() for item in form.items]
    first = len(choice_fields(form))  # the profile choices come first
    if wanted in codes:
        return [first + codes.index(wanted)]
    return [first + index for index, code in enumerate(codes) if code.startswith(wanted)]


def question_legend(row: GridRow) -> str:
    """The whole statement of the line (never cut), then its keys."""
    head = f"{row.text}" if row.profile else f"{row.code} · {row.text}"
    return f"{head}\n{row.legend}"


def row_values(form: QuestionnaireForm, sheet: SheetRecord) -> list[int | None]:
    """A stored sheet as answer lines: the rank of each profile choice, then each answer
    (0 for a blank profile choice or « sans réponse »)."""
    values: list[int | None] = []
    for field in choice_fields(form):
        stored = sheet.profile.get(field.code, "")
        ranks = [rank for rank, c in enumerate(field.choices, start=1) if c.value == stored]
        values.append(ranks[0] if ranks else 0)
    values += [sheet.answers.get(item.code, 0) for item in form.items]
    return values


def sheet_label(number: int | None) -> str:
    """« n° 12 », or « sans numéro »."""
    return "sans numéro" if number is None else f"n° {number}"


def parse_number(text: str) -> int | None:
    """The sheet number as typed; None when left blank; `InvalidInput` in French."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MAX_SHEET_NUMBER:
        raise InvalidInput(f"N° de fiche : un nombre de 1 à {MAX_SHEET_NUMBER} est attendu.")
    return int(text)


def difference_legend(difference: Difference, rank: int, count: int) -> str:
    """« Différence 1 sur 2 · I2_D1 : saisi 3, retapé 2 », then the key of each choice."""
    if difference.kind is DifferenceKind.PROFILE:
        name, stored, retyped = difference.label, difference.stored_text, difference.retyped_text
    else:
        name = difference.code or difference.label
        stored, retyped = (
            "(vide)" if value is None else str(value)
            for value in (difference.stored, difference.retyped)
        )
    return (
        f"Différence {rank} sur {count} · {name} : saisi {stored}, retapé {retyped}\n"
        f"  1 garder la première saisie ({difference.stored_text})\n"
        f"  2 prendre la nouvelle ({difference.retyped_text})"
    )


def difference_row(form: QuestionnaireForm, difference: Difference) -> int | None:
    """The answer line a difference is about (None for a profile field typed as text)."""
    choices = [field.code for field in choice_fields(form)]
    items = [item.code for item in form.items]
    if difference.kind is DifferenceKind.ANSWER and difference.code in items:
        return len(choices) + items.index(difference.code)
    if difference.kind is DifferenceKind.PROFILE and difference.code in choices:
        return choices.index(difference.code)
    return None


def following_number(number: int | None, taken: Collection[int]) -> int | None:
    """The first free number after the one just stored (the pile's next sheet)."""
    following = (number if number is not None else max(taken, default=0)) + 1
    while following in taken:
        following += 1
    return following if following <= MAX_SHEET_NUMBER else None


def progress_text(form: QuestionnaireForm, values: Sequence[int | None], *, short: bool) -> str:
    """« 12/24 réponses tapées », with the number of « sans réponse » (0) typed."""
    items = values[len(choice_fields(form)) :]
    typed = sum(1 for value in items if value is not None)
    none = sum(1 for value in items if value == 0)
    text = f"{typed}/{len(items)} réponses" + ("" if short else " tapées")
    return text + (f" · {none} sans réponse" if none else "")


def sheet_draft(
    form: QuestionnaireForm,
    number_text: str,
    texts: Sequence[str],
    values: Sequence[int | None],
    record: SheetRecord | None,
) -> SheetDraft:
    """What is on screen, as the store reads a sheet; `InvalidInput` for a bad number."""
    number = parse_number(number_text)
    profile: dict[str, str] = {}
    for field, text in zip(text_fields(form), texts, strict=True):
        value = text
        if field.kind is FieldKind.COMMUNE:
            value = complete_commune(value, form.communes) or value
        profile[field.code] = value
    choices = choice_fields(form)
    for field, choice in zip(choices, values, strict=False):
        if choice:
            profile[field.code] = field.choices[choice - 1].value
    answers = {
        item.code: value for item, value in zip(form.items, values[len(choices) :], strict=True)
    }
    if record is not None:
        # A correction keeps how the sheet came (typed or imported) and when collected.
        return SheetDraft(number, profile, answers, record.mode, record.collected_at)
    return SheetDraft(number, profile, answers, SheetMode.PAPER)
