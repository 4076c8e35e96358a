"""The « Fiches actions » and « Charte » sheets: the kept actions' sheets, then the charter.

The charter is signed in public: its signatories appear with their names (a public
commitment) when they agreed to be named, else as « un·e habitant·e de … » or by the
structure they sign for, as in every public document (`domain.privacy.public_signatory`).
"""

from __future__ import annotations

from collections.abc import Mapping

from vitalite_tui.domain.charter import INDICATORS_LABEL, SHEET_TEXT_FIELDS, indicators_label
from vitalite_tui.errors import VitaliteError
from vitalite_tui.workbook import printing
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter

#: The labels of an action's card, then its texts (wrapped): a portrait A4 page.
CARD_WIDTHS = (24, 56)
RANK = "Rang au vote"
NO_RANK = "vote pas encore clos"
FILLED = "Rubriques remplies"
MISSING = "Manque"
COMPLETE = "rien : fiche complète"
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
    """One card per kept action, one printed page each: its rank, each field of its sheet
    (labels on the left, texts wrapped on the right), what is missing."""
    sheet.set_widths(CARD_WIDTHS)
    cells = sheet.cells
    if context.workshop not in (None, 3, 4):
        sheet.append([cells.muted(SHEETS_ELSEWHERE)])
        return
    records = context.store.action_sheets.all(context.demarche_id)
    if not records:
        sheet.append([cells.muted(NO_SHEET)])
        return
    ranks = _ranks(context)
    room = CARD_WIDTHS[1]
    for number, record in enumerate(records):
        if number:
            sheet.page_break()
        content, done = record.content, record.completeness
        sheet.append([cells.heading(record.title)], lines=printing.text_lines(record.title, 80))
        rank = ranks.get(record.action_id)
        sheet.append([cells.label(RANK), rank if rank is not None else cells.muted(NO_RANK)])
        fields = [(label, content.text(name)) for name, label in SHEET_TEXT_FIELDS]
        fields.append((INDICATORS_LABEL, indicators_label(content.indicators)))
        for label, text in fields:
            sheet.append(
                [cells.label(label), cells.wrapped(text) if text else None],
                lines=printing.text_lines(text, room),
            )
        sheet.append([cells.label(FILLED), done.fraction])
        missing = ", ".join(done.missing) or COMPLETE
        sheet.append(
            [cells.label(MISSING), cells.wrapped(missing)], lines=printing.text_lines(missing, room)
        )


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
