"""The Synthèse sheet: the démarche at a glance, block after block.

Each block is a function of the context and the sheet; the blocks are listed in
`registry.SUMMARY_BLOCKS`, where a later feature adds its own (the barometer's radar,
the top actions).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Callable, Sequence

from openpyxl.utils import get_column_letter

from vitalite_tui import __version__
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import INDICATORS, Pole
from vitalite_tui.domain.text import plural
from vitalite_tui.workbook.charts import CHART_ROWS, bar_chart
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.preparation import meeting_dates
from vitalite_tui.workbook.printing import text_lines
from vitalite_tui.workbook.sheet import NOTE_CHARS, TOTAL, SheetWriter

SummaryBlock = Callable[[ExportContext, SheetWriter], None]

#: Labels in A, the workshops' places in B, figures from C on: a landscape page at 70 %.
WIDTHS = (26, 22, *[12] * 9)


def build(context: ExportContext, sheet: SheetWriter, *, blocks: Sequence[SummaryBlock]) -> None:
    sheet.set_widths(WIDTHS)
    for block in blocks:
        block(context, sheet)


def heading(sheet: SheetWriter, text: str) -> None:
    """A blank row, then the block's title (where the block starts, for its chart)."""
    sheet.blank()
    sheet.block_start = sheet.append([sheet.cells.heading(text)])


def labels(sheet: SheetWriter, *texts: str) -> int:
    """A row of bold labels (a block's header), wrapped in their columns; returns its number."""
    lines = max(text_lines(text, width) for text, width in zip(texts, WIDTHS, strict=False) if text)
    return sheet.append([sheet.wrapped_label(text) for text in texts], lines=lines)


def identity(context: ExportContext, sheet: SheetWriter) -> None:
    """Territory, communes, when the file was made, what it covers, whether names are in."""
    demarche = context.demarche
    cells = sheet.cells
    sheet.append([cells.title(f"Vitalité sociale — {demarche.territory}")])
    communes = demarche.communes
    listed = f"{len(communes)} : {', '.join(communes)}" if communes else "aucune saisie"
    # In lines that stay within the printed columns (B to the last).
    for number, line in enumerate(textwrap.wrap(listed, int(sum(WIDTHS[1:]) * NOTE_CHARS))):
        sheet.append([cells.label("Communes") if number == 0 else None, line])
    sheet.append([cells.label("Classeur produit le"), context.started])
    sheet.append([cells.label("Par"), f"vitalite-tui {__version__}"])
    scope = (
        f"atelier {context.workshop} seulement"
        if context.workshop is not None
        else "toute la démarche"
    )
    sheet.append([cells.label("Périmètre"), scope])
    if context.with_names:
        names = (
            f"oui, pour {plural(context.named_count, 'personne')} qui l'ont accepté "
            "(feuille Participants)"
        )
    else:
        names = "non : chaque participant est désigné par un code (P001, P002…)"
    sheet.append([cells.label("Noms des participants"), names])
    if demarche.is_demo:
        sheet.append([cells.label("Démonstration"), "oui : territoire et personnes fictifs"])


def key_figures(context: ExportContext, sheet: SheetWriter) -> None:
    """People by collège, notes, rounds: the figures a report quotes."""
    heading(sheet, "Chiffres clés")
    people = context.participants
    who = (
        f"Présents à l'atelier {context.workshop}"
        if context.workshop is not None
        else "Participants inscrits"
    )
    labels(sheet, "", "Total", *(college.plural.capitalize() for college in College))
    by_college = Counter(person.college for person in people)
    sheet.append([who, len(people), *(by_college[college] for college in College)])
    notes = context.notes
    speakers = Counter(note.speaker_college for note in notes)
    sheet.append(["Contributions", len(notes), *(speakers[college] for college in College)])
    sheet.append(["dont anonymes", speakers[None]])
    groups = context.speaking.subgroups
    sheet.append(["Sous-groupes", len(groups)])
    sheet.append(["Tours d'expression", sum(group.rounds for group in groups)])


def notes_by_indicator(context: ExportContext, sheet: SheetWriter) -> None:
    """How the notes fall on the four indicators and their poles."""
    heading(sheet, "Contributions par indicateur")
    labels(sheet, "Indicateur", "Pôles", "Vitalité", "Dépression", "Sans pôle", "Total")
    tags = Counter((note.indicator, note.pole) for note in context.notes)
    lines = [
        (f"{shown.code} · {shown.short_name}", shown.poles_label, shown.number)
        for shown in INDICATORS
    ]
    first = sheet.row + 1
    for label, poles, number in [*lines, ("Sans indicateur", "", None)]:
        counts = [tags[(number, pole)] for pole in (Pole.VITALITY, Pole.DEPRESSION, None)]
        # The totals as formulas: still right once the technician moves a note by hand.
        row = sheet.row + 1
        sheet.append([label, poles, *counts, sheet.formula(f"=SUM(C{row}:E{row})")])
    last = sheet.row
    sheet.append(
        [
            sheet.cells.label(TOTAL),
            "",
            *(sheet.formula(f"=SUM({c}{first}:{c}{last})") for c in "CDEF"),
        ]
    )


def workshops(context: ExportContext, sheet: SheetWriter) -> None:
    """Date, place and attendance of each workshop, then the chart of attendance by collège."""
    heading(sheet, "Ateliers")
    header = labels(
        sheet,
        "Atelier",
        "Lieu",
        "Date",
        "Présents",
        *(college.plural.capitalize() for college in College),
        "Nouveaux venus",
        "Sous-groupes",
        "Contributions",
    )
    # One line per evening: an extra one (« Atelier 2 bis ») has its own people and notes.
    newcomers = Counter((p.workshop_number, p.session) for p in context.presences if p.newcomer)
    groups = Counter((g.workshop_number, g.session) for g in context.speaking.subgroups)
    notes = Counter((note.workshop_number, note.session) for note in context.notes)
    for workshop in context.workshops:
        counts = context.evening_attendance(workshop.evening)
        sheet.append(
            [
                workshop.label,
                workshop.place,
                workshop.date,
                counts.total,
                *(counts[college] for college in College),
                newcomers[workshop.evening],
                groups[workshop.evening],
                notes[workshop.evening],
            ]
        )
    last = sheet.row
    if context.workshops:
        # What adds up across workshops: newcomers, sub-groups, contributions (not presences:
        # the same people come again).
        summed = [get_column_letter(5 + len(College) + n) for n in range(3)]
        sheet.append(
            [
                sheet.cells.label(TOTAL),
                *[None] * (3 + len(College)),
                *(sheet.formula(f"=SUM({c}{header + 1}:{c}{last})") for c in summed),
            ]
        )
    if not context.presences:
        sheet.append(
            [sheet.cells.muted("Aucune présence notée pour l'instant : pas de graphique.")]
        )
        return
    chart = bar_chart(
        sheet.sheet,
        "Présences par atelier et par collège",
        "Personnes",
        header_row=header,
        last_row=last,
        category_column=1,
        first_column=5,
        last_column=4 + len(College),
    )
    sheet.add_chart(chart, CHART_ROWS)


def steps(context: ExportContext, sheet: SheetWriter) -> None:
    """The seven steps: status, dates and what each one kept."""
    heading(sheet, "Étapes")
    labels(sheet, "Étape", "État", "Réunion", "Commencée le", "Terminée le", "Détail")
    # The day of the step's meeting (the presentation, a workshop), not the day it was typed.
    meetings = meeting_dates(context)
    for view in context.steps:
        sheet.append(
            [
                f"{view.number}. {view.title}",
                view.status.label,
                meetings.get(view.number),
                view.started_on,
                view.done_on,
                view.detail,
            ]
        )
