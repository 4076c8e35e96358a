"""The « Fiches actions » and « Charte » sheets: the kept actions' sheets, then the charter.

The charter is signed in public: its signatories appear with their names (a public
commitment) when they agreed to be named, else as « un·e habitant·e de … » or by the
structure they sign for, as in every public document (`domain.privacy.public_signatory`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vitalite_tui.domain.charter import SHEET_TEXT_FIELDS, indicators_label
from vitalite_tui.errors import VitaliteError
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter

SHEET_COLUMNS = (
    Column("Action retenue", 40),
    Column("Rang au vote", 8),
    *(Column(label, 40) for _, label in SHEET_TEXT_FIELDS),
    Column("Indicateurs", 40),
    Column("Rubriques remplies", 10),
    Column("Manque", 50),
)
NO_SHEET = "Aucune action retenue pour l'instant : le vote de l'atelier 3 décide lesquelles."
SHEETS_ELSEWHERE = "Les fiches actions sont remplies aux ateliers 3 et 4 : voir leur classeur."

ARTICLE_COLUMNS = (
    Column("N°", 6),
    Column("Article", 40),
    Column("Texte", 80),
    Column("Actions d'origine", 50),
    Column("Axes d'origine", 50),
)
NO_ARTICLE = "Aucun article dans la charte pour l'instant (atelier 4)."
CHARTER_ELSEWHERE = "La charte est écrite à l'atelier 4 : voir son classeur."
#: Rows of wrapped text shown for the preamble at most (the cell holds all of it).
PREAMBLE_LINES = 8


def _ranks(context: ExportContext) -> Mapping[str, int]:
    """The rank of each action once the vote is closed (before, a rank means nothing)."""
    try:
        return context.votes.ranks
    except VitaliteError:
        return {}


def action_sheets(context: ExportContext, sheet: SheetWriter) -> None:
    """One row per kept action: its rank, each field of its sheet, what is missing."""
    if context.workshop not in (None, 3, 4):
        sheet.table("FichesActions", SHEET_COLUMNS, [], SHEETS_ELSEWHERE)
        return
    records = context.store.action_sheets.all(context.demarche_id)
    ranks = _ranks(context) if records else {}
    rows: list[list[Any]] = []
    for record in records:
        content = record.content
        done = record.completeness
        rows.append(
            [
                record.title,
                ranks.get(record.action_id),
                *(content.text(name) for name, _ in SHEET_TEXT_FIELDS),
                indicators_label(content.indicators),
                done.fraction,
                ", ".join(done.missing),
            ]
        )
    sheet.table("FichesActions", SHEET_COLUMNS, rows, NO_SHEET)


def charter(context: ExportContext, sheet: SheetWriter) -> None:
    """The articles with their origins (a table), then the heading, preamble, signatories."""
    if context.workshop not in (None, 4):
        sheet.table("Charte", ARTICLE_COLUMNS, [], CHARTER_ELSEWHERE)
        return
    charters = context.store.charter
    heading = charters.get(context.demarche_id)
    articles = charters.articles(context.demarche_id)
    rows = [
        [
            article.number,
            article.title,
            article.text,
            " ; ".join(origin.title for origin in article.actions),
            " ; ".join(origin.title for origin in article.axes),
        ]
        for article in articles
    ]
    sheet.table("Charte", ARTICLE_COLUMNS, rows, NO_ARTICLE)
    cells = sheet.cells
    sheet.blank()
    sheet.append(["", cells.heading(heading.title)])
    sheet.append(
        ["", cells.label("Adoptée le"), heading.adopted_on or cells.muted("pas encore adoptée")]
    )
    if heading.preamble:
        lines = min(heading.preamble.count("\n") + 1 + len(heading.preamble) // 90, PREAMBLE_LINES)
        sheet.append(
            ["", cells.label("Préambule"), cells.wrapped(heading.preamble)], lines=max(lines, 1)
        )
    sheet.blank()
    sheet.append(["", cells.heading("Signataires")])
    signatories = charters.signatories(context.demarche_id)
    if not signatories:
        sheet.append(["", cells.muted("Aucun signataire pour l'instant.")])
        return
    sheet.append(["", cells.label("Nom"), cells.label("Structure"), cells.label("Date")])
    for signatory in signatories:
        sheet.append(["", signatory.shown_name, signatory.shown_organisation, signatory.signed_on])
