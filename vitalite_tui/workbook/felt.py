"""Workshop 1's sheets: « Baromètre ressenti » (felt against measured) and « Images »."""

from __future__ import annotations

from typing import Any

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.felt import VALUES, FeltIndicator
from vitalite_tui.domain.indicators import indicator
from vitalite_tui.formats.cells import local_time
from vitalite_tui.store.felt.records import FeltComparison
from vitalite_tui.workbook.barometer import score
from vitalite_tui.workbook.charts import CHART_ROWS, bar_chart
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.contributions import tag_labels
from vitalite_tui.workbook.sheet import Column, SheetWriter
from vitalite_tui.workbook.summary import heading, labels

#: The first row of each indicator: everyone, stickers counted for all included.
WHOLE = "Ensemble"
ANONYMOUS = "anonyme"

FELT_COLUMNS = (
    Column("Collège", 12),
    Column("Indicateur", 11),
    Column("Nom de l'indicateur", 22),
    Column("Pôle 0 (dépression)", 22),
    Column("Pôle 10 (vitalité)", 24),
    Column("n", 7),
    Column("Moyenne /10", 14),
    Column("Position /100", 16),
    Column("Position mesurée /100", 24),
    Column("Écart ressenti − mesuré", 26),
    *(Column(f"Sur {value}", 9) for value in VALUES),
)

IMAGE_COLUMNS = (
    Column("Code", 10),
    Column("Collège", 14),
    Column("Carte", 30),
    Column("Indicateur", 13),
    Column("Nom de l'indicateur", 22),
    Column("Pôle", 12),
    Column("Nom du pôle", 24),
    Column("Pourquoi", 80),
    Column("Heure", 17),
)

FELT_EMPTY = "Aucun ressenti saisi à l'atelier 1 pour l'instant."
IMAGES_EMPTY = "Aucune image associée notée à l'atelier 1 pour l'instant."


FELT_OTHER = (
    "Le baromètre ressenti appartient à l'atelier 1 : voir son classeur, ou celui de la démarche."
)
IMAGES_OTHER = (
    "Les images associées appartiennent à l'atelier 1 : voir son classeur, ou celui de la démarche."
)

FELT_NOTES = (
    "Chaque personne place chaque indicateur de 0 (pôle dépression) à 10 (pôle vitalité) ; "
    "des gommettes comptent autant de placements. Moyenne /10 : la moyenne des placements ; "
    "Position /100 : la même × 10, l'échelle du baromètre mesuré (questionnaires). « Sur v » : "
    "le nombre de placements sur la valeur v.",
    "Le mesuré n'a pas de collège (le questionnaire ne le demande pas) : chaque ligne se "
    "compare au mesuré de l'ensemble. Les gommettes comptées pour tous ne sont que dans la "
    "ligne « Ensemble ». Un collège de très peu de personnes approche la note d'une seule.",
)


def _felt_row(label: str, comparison: FeltComparison, felt: FeltIndicator) -> list[Any]:
    shown = indicator(comparison.indicator)
    return [
        label,
        shown.number,
        shown.short_name,
        shown.depression,
        shown.vitality,
        felt.n,
        None if felt.mean is None else round(felt.mean, 2),
        score(felt.position),
        score(comparison.measured_position),
        score(comparison.difference(felt)),
        *felt.distribution,
    ]


def felt(context: ExportContext, sheet: SheetWriter) -> None:
    """Per indicator, whole then by collège: n, mean, position, measured, difference, spread."""
    if context.workshop not in (None, 1):
        sheet.table("BarometreRessenti", FELT_COLUMNS, [], FELT_OTHER)
        return
    comparisons = context.felt
    rows: list[list[Any]] = []
    if any(c.felt.n for c in comparisons):
        for comparison in comparisons:
            rows.append(_felt_row(WHOLE, comparison, comparison.felt))
            rows += [
                _felt_row(college.plural, comparison, comparison.colleges[college])
                for college in College
            ]
    sheet.table("BarometreRessenti", FELT_COLUMNS, rows, FELT_EMPTY)
    if rows:
        sheet.blank()
        for note in FELT_NOTES:
            sheet.note(note)


def images(context: ExportContext, sheet: SheetWriter) -> None:
    """One row per live image: the code (never a name), collège, card, tags and why."""
    if context.workshop not in (None, 1):
        sheet.table("Images", IMAGE_COLUMNS, [], IMAGES_OTHER)
        return
    rows = []
    for image in context.store.images.all(context.demarche_id):
        rows.append(
            [
                image.code or ANONYMOUS,
                context.college_label(image.college),
                image.card,
                image.indicator,
                *tag_labels(image.indicator, image.pole),
                image.why,
                local_time(image.created_at),
            ]
        )
    sheet.table("Images", IMAGE_COLUMNS, rows, IMAGES_EMPTY)


# ---------------------------------------------------------------- the Synthèse

VERSUS_HEADING = "Baromètre ressenti (atelier 1) et mesuré (questionnaires)"


def versus(context: ExportContext, sheet: SheetWriter) -> None:
    """Felt and measured positions per indicator (the numbers of the Baromètre ressenti and
    Baromètre sheets), and the chart setting them side by side."""
    heading(sheet, VERSUS_HEADING)
    comparisons = context.felt if context.workshop in (None, 1) else []
    if not any(c.felt.n for c in comparisons):
        sheet.append([sheet.cells.muted(f"{FELT_EMPTY} Pas de graphique.")])
        return
    header = labels(
        sheet, "Indicateur", "Pôles", "Ressenti /100", "Mesuré /100", "Écart ressenti − mesuré"
    )
    for comparison in comparisons:
        shown = indicator(comparison.indicator)
        sheet.append(
            [
                f"{shown.code} · {shown.short_name}",
                shown.poles_label,
                score(comparison.felt.position),
                score(comparison.measured_position),
                score(comparison.difference()),
            ]
        )
    chart = bar_chart(
        sheet.sheet,
        "Ressenti et mesuré : position (0–100)",
        "Position (0–100)",
        header_row=header,
        last_row=sheet.row,
        category_column=1,
        first_column=3,
        last_column=4,
    )
    # Always 0 to 100, as the radar: two exports compare at a glance.
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    sheet.add_chart(chart, CHART_ROWS)
