"""Wall-sheet headers: one landscape page per sub-group and round, in type read across a room.

Each page carries the round's question, and the sub-group's indicator with its two poles
(domain/indicators.py). Rounds already opened print their own question; the others print
the question the capture screen will offer (domain/round_questions.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vitalite_tui.domain.indicators import INDICATORS, Indicator
from vitalite_tui.domain.round_questions import suggested_question
from vitalite_tui.domain.text import plural
from vitalite_tui.errors import NotFound
from vitalite_tui.print.paper import FONT, Paper, Printed, file_name
from vitalite_tui.store import Store
from vitalite_tui.store.workshops.records import SubGroupRecord

#: The most rounds planned ahead for a sub-group (the capture screen offers no more).
MAX_PLANNED = 6


def planned_questions(store: Store, group: SubGroupRecord) -> list[str]:
    """The questions of the rounds opened, then of those the capture screen will offer."""
    questions = [record.question for record in store.capture.rounds(group.id)]
    index = len(questions)
    while index < MAX_PLANNED:
        offered = suggested_question(
            group.workshop_number, index, indicator=group.indicator, theme=group.theme
        )
        # The offer repeats its last question once the workshop's sequence is over.
        if index and offered == suggested_question(
            group.workshop_number, index - 1, indicator=group.indicator, theme=group.theme
        ):
            break
        questions.append(offered)
        index += 1
    return questions


#: Where the indicator's part of the page begins (mm above the page's bottom edge): with
#: one indicator, its name and its two poles; with none, the four under a rule.
ONE_INDICATOR = 62.0
ALL_INDICATORS = 30.0 + 9 * len(INDICATORS)
#: The question's type: read across the room, smaller only when it would not fit.
QUESTION_SIZE = 34.0


def _poles(pdf: Paper, indicator: Indicator) -> None:
    pdf.set_y(pdf.h - ONE_INDICATOR)
    pdf.set_font(FONT, "B", 18)
    pdf.cell(pdf.inner_width, 9, f"{indicator.code} · {indicator.name}", align="C")
    pdf.ln(14)
    y = pdf.get_y()
    half = pdf.inner_width / 2
    pdf.set_font(FONT, "B", 24)
    pdf.cell(half, 12, f"− {indicator.depression}", align="L")
    pdf.cell(half, 12, f"{indicator.vitality} +", align="R")
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, y + 16, pdf.w - pdf.r_margin, y + 16)
    pdf.set_line_width(0.2)


def _all_poles(pdf: Paper) -> None:
    """A sub-group on no one indicator: the four, each between its two poles, to tag ideas."""
    pdf.set_y(pdf.h - ALL_INDICATORS)
    pdf.rule(2)
    third = pdf.inner_width / 3
    for indicator in INDICATORS:
        pdf.set_font(FONT, "B", 14)
        pdf.cell(third, 9, f"{indicator.code} · {indicator.short_name}")
        pdf.set_font(FONT, size=14)
        pdf.cell(third, 9, f"− {indicator.depression}", align="C")
        pdf.cell(third, 9, f"{indicator.vitality} +", align="R")
        pdf.ln(9)


def _header_page(pdf: Paper, group: SubGroupRecord, round_number: int, question: str) -> None:
    pdf.add_page()
    pdf.set_font(FONT, size=16)
    label = f"Sous-groupe {group.position}"
    # A sub-group left with its default name is not named twice.
    named = label if group.name.strip() == label else f"{label} : {group.name}"
    what = f"Atelier {group.workshop_number} · {named}"
    # A long name is cut: « Tour 1 » stays clear at the right.
    pdf.cell(pdf.inner_width * 0.75, 9, pdf.shortened(what, pdf.inner_width * 0.75 - 2))
    pdf.set_font(FONT, "B", 20)
    pdf.cell(pdf.inner_width * 0.25, 9, f"Tour {round_number}", align="R")
    pdf.ln(10)
    if group.theme:
        pdf.line_of(group.theme, 14)
    pdf.rule(3)
    pdf.ln(6)
    number = group.indicator
    indicator = INDICATORS[number - 1] if number and 1 <= number <= len(INDICATORS) else None
    # The longest question the base allows still ends above the indicator's part.
    room = pdf.h - (ALL_INDICATORS if indicator is None else ONE_INDICATOR) - pdf.get_y() - 4
    size = pdf.fitted_size(question, pdf.inner_width, room, QUESTION_SIZE, bold=True)
    pdf.line_of(question, size, bold=True, align="C")
    if indicator is None:
        _all_poles(pdf)
    else:
        _poles(pdf, indicator)


def print_wall(store: Store, demarche_id: str, number: int, *, out: Path | None = None) -> Printed:
    """The headers of every sub-group of workshop `number`, round after round."""
    territory = store.demarches.get(demarche_id).territory
    groups = store.subgroups.all(demarche_id, number)
    if not groups:
        raise NotFound(
            f"Aucun sous-groupe à l'atelier {number} : formez-les d'abord (écran de l'atelier, "
            "sous-groupes), puis imprimez leurs en-têtes."
        )
    pdf = Paper(f"En-têtes de mur — atelier {number}", territory, landscape=True)
    for group in groups:
        for round_number, question in enumerate(planned_questions(store, group), start=1):
            _header_page(pdf, group, round_number, question)
    name = file_name("murs", territory, date.today(), f"atelier-{number}")
    return pdf.write_to(
        out, name, f"{plural(pdf.pages_count, 'en-tête')} pour {plural(len(groups), 'sous-groupe')}"
    )
