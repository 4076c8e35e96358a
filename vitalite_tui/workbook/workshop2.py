"""Workshop 2's sheets: Tendances (risks and opportunities), Intentions (with their origins),
Scénario. No speaker anywhere: the Contributions sheet already says who said what, by code.
"""

from __future__ import annotations

from typing import Any

from vitalite_tui.domain.indicators import INDICATORS, indicator
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter

#: The trends, risks and opportunities and the scenario belong to workshop 2.
WORKSHOP = 2
OTHER_WORKSHOP = "Les {what} relèvent de l'atelier 2 : voir le classeur de cet atelier."

#: The trend of notes from rounds that were about none (or about a trend removed since).
NO_TREND = "(sans tendance)"
#: Between the origins of an intention, in one cell.
ORIGINS_SEPARATOR = " | "

TREND_COLUMNS = (
    Column("Tendance", 45),
    Column("Présentée", 12),
    Column("Description", 60),
    Column("Type", 14),
    Column("Indicateur", 13),
    Column("Nom de l'indicateur", 22),
    Column("Texte", 80),
    Column("Sous-groupe", 20),
)

INTENTION_COLUMNS = (
    Column("Intention", 50),
    Column("Description", 60),
    Column("Tendance", 40),
    Column("Axe", 40),
    # One column per indicator, 1 where the intention serves it: numbers a sum counts.
    *(Column(f"{shown.code} {shown.short_name}", 16) for shown in INDICATORS),
    Column("Sous-groupe", 20),
    Column("Origines", 80),
    Column("Nombre d'origines", 20),
)
#: The columns summed under the intentions: the four indicators, the origins.
INTENTION_TOTALS = (*range(5, 5 + len(INDICATORS)), len(INTENTION_COLUMNS))

SCENARIO_COLUMNS = (
    Column("Indicateur", 13),
    Column("Nom de l'indicateur", 22),
    Column("Pôles", 36),
    Column("Texte", 100),
)


def _indicator_name(number: int | None) -> str:
    return indicator(number).short_name if number is not None else ""


def _outside(context: ExportContext) -> bool:
    """An export of another workshop than workshop 2."""
    return context.workshop not in (None, WORKSHOP)


def trends(context: ExportContext, sheet: SheetWriter) -> None:
    """One row per trend (presented or not, its description), then one per risk or
    opportunity noted for it: kind, indicator, text, sub-group."""
    if _outside(context):
        empty = OTHER_WORKSHOP.format(what="tendances")
        sheet.table("Tendances", TREND_COLUMNS, [], empty)
        return
    rows: list[list[Any]] = []
    for found in context.store.trends.sheets(context.demarche_id):
        title = found.trend.title if found.trend is not None else NO_TREND
        presented = found.trend.selected if found.trend is not None else None
        if found.trend is not None:
            rows.append([title, presented, found.trend.description, "", None, "", "", ""])
        rows += [
            [
                title,
                presented,
                "",
                note.kind.label,
                note.indicator,
                _indicator_name(note.indicator),
                note.text,
                note.subgroup_name,
            ]
            for note in found.notes
        ]
    sheet.table(
        "Tendances",
        TREND_COLUMNS,
        rows,
        "Aucune tendance pour l'instant (atelier 2, contenus : F5 Tendances).",
    )


def intentions(context: ExportContext, sheet: SheetWriter) -> None:
    """One row per live intention, by axis, with the texts of the notes it comes from."""
    if _outside(context):
        empty = OTHER_WORKSHOP.format(what="intentions d'action")
        sheet.table("Intentions", INTENTION_COLUMNS, [], empty)
        return
    rows = [
        [
            row.intention.title,
            row.intention.description,
            row.intention.trend_title,
            row.intention.axis_title,
            *(1 if shown.number in row.intention.indicators else None for shown in INDICATORS),
            row.intention.subgroup_name,
            ORIGINS_SEPARATOR.join(f"{o.kind.label} : {o.text}" for o in row.origins),
            len(row.origins),
        ]
        for row in context.store.intentions.sheet(context.demarche_id)
    ]
    sheet.table(
        "Intentions",
        INTENTION_COLUMNS,
        rows,
        "Aucune intention d'action pour l'instant (atelier 2, contenus : F6 Intentions).",
    )
    sheet.totals_row(INTENTION_TOTALS)


def scenario(context: ExportContext, sheet: SheetWriter) -> None:
    """The four texts of the scenario sketch, one row per indicator."""
    if _outside(context):
        sheet.table(
            "Scenario", SCENARIO_COLUMNS, [], OTHER_WORKSHOP.format(what="textes du scénario")
        )
        return
    texts = context.store.scenario.text_map(context.demarche_id)
    rows = [
        [shown.number, shown.short_name, shown.poles_label, texts.get(shown.number, "")]
        for shown in INDICATORS
    ]
    sheet.table("Scenario", SCENARIO_COLUMNS, rows, "")
