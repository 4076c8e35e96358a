"""The paper questionnaire de sociabilité: one respondent per sheet, pre-numbered or blank.

The sheet follows the entry screen from top to bottom (`text_fields`, `choice_fields`, then
the statements, from domain/questionnaire_form.py, the one order source): whoever types a
pile of sheets back reads each one in the order the screen asks for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from vitalite_tui.domain.questionnaire_form import (
    FieldKind,
    ItemSpec,
    QuestionnaireForm,
    choice_fields,
    text_fields,
)
from vitalite_tui.domain.text import plural
from vitalite_tui.errors import VitaliteError
from vitalite_tui.print.paper import FONT, Paper, Printed, file_name
from vitalite_tui.store import Store

#: Width of one answer column (mm): a box and room for a two-line label above it.
COLUMN = 17.0
#: Statements in this size: 24 of them and the profile hold on one A4 page.
TEXT_SIZE = 8.5
#: Copies of the blank sheet when none is asked for: one to photocopy.
BLANK_COPIES = 1


def number_label(number: int | None) -> str:
    """« N° 0042 » on the sheet; a line to write on for the blank variant."""
    return "N° ________" if number is None else f"N° {number:04d}"


def _head(pdf: Paper, form: QuestionnaireForm, number: int | None) -> None:
    top = pdf.get_y()
    pdf.set_font(FONT, "B", 14)
    pdf.cell(pdf.inner_width - 45, 8, form.title)
    pdf.set_font(FONT, "B", 15)
    pdf.rect(pdf.w - pdf.r_margin - 42, top - 1, 42, 10)
    pdf.cell(42, 8, number_label(number), align="C")
    pdf.set_y(top + 11)


def _profile(pdf: Paper, form: QuestionnaireForm) -> None:
    for field in text_fields(form):
        if field.kind is FieldKind.COMMUNE and form.communes:
            pdf.line_of(f"{field.label} (une case)", 9, bold=True)
            pdf.ticks(form.communes)
        else:
            pdf.set_font(FONT, "B", 9)
            pdf.blank_line(f"{field.label} :", 9)
    for field in choice_fields(form):
        pdf.line_of(f"{field.label} (une case)", 9, bold=True)
        pdf.ticks([choice.label for choice in field.choices])


#: The answer scale's heading above the statements (mm, with the space before it).
SCALE_HEADER = 9.0


def _scale_header(pdf: Paper, item: ItemSpec, text_width: float) -> None:
    pdf.set_font(FONT, "B", 7.5)
    top = pdf.get_y()
    pdf.set_xy(pdf.l_margin, top)
    pdf.cell(text_width, 3.3, "Êtes-vous d'accord avec chaque phrase ?")
    for index, choice in enumerate(item.choices):
        pdf.set_y(top)
        x = pdf.l_margin + text_width + index * COLUMN
        pdf.lines_at(x, COLUMN, 3.0, pdf.wrapped(COLUMN, choice.label), align="C")
    pdf.set_y(top + 7.5)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())


def _statement_lines(pdf: Paper, rank: int, item: ItemSpec, text_width: float) -> list[str]:
    pdf.set_font(FONT, size=TEXT_SIZE)
    return pdf.wrapped(text_width - 2, f"{rank}. {item.text}")


def _statement_height(lines: Sequence[str]) -> float:
    return max(len(lines) * 3.8, 5.0) + 1.6


def _statement(pdf: Paper, lines: Sequence[str], item: ItemSpec, text_width: float) -> float:
    """One statement and its boxes; the height it took."""
    height = _statement_height(lines)
    pdf.set_font(FONT, size=TEXT_SIZE)  # measured earlier: a scale heading came between
    top = pdf.get_y()
    pdf.set_y(top + 0.8)
    pdf.lines_at(pdf.l_margin, text_width - 2, 3.8, lines)
    for index in range(item.size):
        x = pdf.l_margin + text_width + index * COLUMN + (COLUMN - 3.6) / 2
        pdf.box(x, top + (height - 3.6) / 2)
    pdf.set_draw_color(170)
    pdf.line(pdf.l_margin, top + height, pdf.w - pdf.r_margin, top + height)
    pdf.set_draw_color(0)
    pdf.set_y(top + height)
    return height


def _statements(pdf: Paper, form: QuestionnaireForm, number: int | None) -> None:
    scale = ""
    for rank, item in enumerate(form.items, start=1):
        text_width = pdf.inner_width - COLUMN * item.size
        lines = _statement_lines(pdf, rank, item, text_width)
        # A statement is never split: its last lines alone on the next page, without boxes.
        needed = _statement_height(lines) + (0 if item.scale == scale else SCALE_HEADER)
        if not pdf.fits(needed):
            # A long questionnaire goes on: the next page says whose sheet it is.
            pdf.add_page()
            pdf.line_of(f"{form.title} — {number_label(number)} (suite)", 9, bold=True)
            scale = ""
        if item.scale != scale:
            pdf.ln(1.5)
            _scale_header(pdf, item, text_width)
            scale = item.scale
        _statement(pdf, lines, item, text_width)


def questionnaire_sheets(
    form: QuestionnaireForm, territory: str, numbers: Sequence[int | None], *, intro: bool
) -> Paper:
    """The document: one sheet per number (None: a blank number to write by hand)."""
    pdf = Paper(form.title, territory)
    for number in numbers:
        pdf.add_page()
        _head(pdf, form, number)
        if intro and form.intro:
            pdf.line_of(form.intro, 8.5)
            pdf.ln(1)
        _profile(pdf, form)
        _statements(pdf, form, number)
        pdf.ln(2)
        pdf.hint("Une seule case par ligne ; une phrase sans réponse peut rester vide. Merci !")
    return pdf


def print_questionnaire(
    store: Store,
    demarche_id: str,
    *,
    out: Path | None = None,
    count: int | None = None,
    first: int | None = None,
    blank: bool = False,
    intro: bool = True,
) -> Printed:
    """Print `count` numbered sheets (from `first`, else after the last number printed or
    typed, remembered at once), or blank-numbered copies to photocopy."""
    form = store.responses.form(demarche_id)
    territory = store.demarches.get(demarche_id).territory
    today = date.today()
    if blank:
        copies = count or BLANK_COPIES
        pdf = questionnaire_sheets(form, territory, [None] * copies, intro=intro)
        name = file_name("questionnaire", territory, today, "vierge")
        return pdf.write_to(out, name, f"{plural(copies, 'fiche')} sans numéro, à photocopier")
    numbers = store.printed_numbers.reserve(demarche_id, count or 10, first)
    try:
        pdf = questionnaire_sheets(form, territory, list(numbers), intro=intro)
        name = file_name("questionnaire", territory, today, f"{numbers[0]}-{numbers[-1]}")
        return pdf.write_to(
            out, name, f"{plural(len(numbers), 'fiche')} n° {numbers[0]} à {numbers[-1]}"
        )
    except VitaliteError:
        # Nothing was printed: these numbers may be issued again.
        store.printed_numbers.release(demarche_id, numbers)
        raise
