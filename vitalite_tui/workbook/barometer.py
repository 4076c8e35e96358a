"""The measured barometer: the Baromètre sheet, and its figure and radar chart on the Synthèse."""

from __future__ import annotations

from typing import Any

from vitalite_tui.domain.barometer import BANDS, IndicatorBarometer
from vitalite_tui.domain.indicators import indicator
from vitalite_tui.domain.text import plural
from vitalite_tui.store.questionnaire.barometer import small_segments_note
from vitalite_tui.workbook.charts import RADAR_ROWS, radar_chart
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter
from vitalite_tui.workbook.summary import heading, labels

#: The first rows of the table: every sheet counted, before any split.
WHOLE = "Ensemble"
ALL_SHEETS = "toutes les fiches"

COLUMNS = (
    Column("Segment", 24),
    Column("Valeur", 26),
    Column("Fiches", 8),
    Column("Indicateur", 11),
    Column("Nom de l'indicateur", 22),
    Column("Pôle vitalité", 24),
    Column("Pôle dépression", 16),
    Column("n", 7),
    Column("Score vitalité (V)", 22),
    Column("Score dépression (D)", 24),
    Column("Position", 12),
    *(Column(f"Position {band}", 19) for band in BANDS),
)

EMPTY = "Aucun questionnaire saisi pour l'instant."


def score(value: float | None) -> float | None:
    """A score or a position on 0–100, to one decimal: the precision a report quotes."""
    return None if value is None else round(value, 1)


def _row(segment: str, value: str, sheets: int, result: IndicatorBarometer) -> list[Any]:
    shown = indicator(result.indicator)
    return [
        segment,
        value,
        sheets,
        shown.number,
        shown.short_name,
        shown.vitality,
        shown.depression,
        result.n,
        score(result.vitality),
        score(result.depression),
        score(result.position),
        *result.distribution,
    ]


def left_out_line(context: ExportContext) -> str:
    """Why some sheets are not counted, or "" when all are."""
    measured = context.questionnaire.barometer
    if not measured.left_out:
        return ""
    return (
        f"{plural(measured.left_out, 'fiche saisie', 'fiches saisies')} avec une autre version "
        f"du questionnaire (qui compte autrement) ne sont pas dans le baromètre, calculé avec "
        f"{measured.questionnaire}."
    )


def build(context: ExportContext, sheet: SheetWriter) -> None:
    """Per indicator: n, V, D, position and distribution; then the same for each segment."""
    data = context.questionnaire
    whole = data.barometer
    rows: list[list[Any]] = []
    if whole.sheets:
        rows += [_row(WHOLE, ALL_SHEETS, whole.sheets, result) for result in whole.indicators]
        for split in data.segments:
            assert split.segment is not None  # every split names its field
            rows += [
                _row(split.segment.label, group.label, group.sheets, result)
                for group in split.segments
                for result in group.indicators
            ]
    sheet.table("Barometre", COLUMNS, rows, EMPTY)
    notes = [left_out_line(context)] if whole.sheets else []
    notes += [
        f"{split.segment.label} : {small}"
        for split in data.segments
        if split.segment is not None and (small := small_segments_note(split))
    ]
    if any(notes):
        sheet.blank()
    for note in filter(None, notes):
        sheet.note(note)


# ---------------------------------------------------------------- the Synthèse


def sheets_typed(context: ExportContext, sheet: SheetWriter) -> None:
    """One more line of the key figures: the questionnaires typed (listed right after them)."""
    sheet.append(["Questionnaires saisis", len(context.questionnaire.sheets)])


def radar(context: ExportContext, sheet: SheetWriter) -> None:
    """The four positions in a table, and the radar chart drawn from it."""
    heading(sheet, "Baromètre de la vitalité sociale (questionnaires)")
    measured = context.questionnaire.barometer
    if not measured.sheets:
        sheet.append([sheet.cells.muted(f"{EMPTY} Pas de radar.")])
        return
    header = labels(
        sheet,
        "Indicateur",
        "Pôles",
        "Position (0–100)",
        "n",
        "Score vitalité (V)",
        "Score dépression (D)",
    )
    for result in measured.indicators:
        shown = indicator(result.indicator)
        sheet.append(
            [
                f"{shown.code} · {shown.short_name}",
                shown.poles_label,
                score(result.position),
                result.n,
                score(result.vitality),
                score(result.depression),
            ]
        )
    if note := left_out_line(context):
        sheet.note(note)
    chart = radar_chart(
        sheet.sheet,
        "Baromètre mesuré : position (0–100)",
        header_row=header,
        last_row=header + len(measured.indicators),
        category_column=1,
        value_column=3,
    )
    sheet.add_chart(chart, RADAR_ROWS)
