"""The « Actions et votes » and « Votes » sheets, and the top actions chart of the Synthèse.

Votes can reveal opinions: the Votes sheet names a ballot's author by their code (P003),
never by name. In an export with the names, the Participants sheet maps codes to names, so
there the ballots are summed by round, collège and action, without any code, and the sheet
says so; a wall tally has no author at all.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from vitalite_tui.domain.colleges import College
from vitalite_tui.store.vote.records import SOURCE_LABELS
from vitalite_tui.workbook.charts import CHART_ROWS, bar_chart
from vitalite_tui.workbook.context import ExportContext
from vitalite_tui.workbook.sheet import Column, SheetWriter
from vitalite_tui.workbook.summary import heading, labels

if TYPE_CHECKING:
    from vitalite_tui.store.vote.records import VoteExport

#: The workshop whose vote these sheets show.
VOTE_WORKSHOP = 3

ACTION_COLUMNS = (
    Column("Action", 50),
    Column("Fusionnée dans", 40),
    Column("Intentions d'origine", 12),
    Column("Gommettes", 12),
    *(Column(college.plural.capitalize(), 12) for college in College),
    Column("Sans collège", 14),
    Column("Score pondéré", 16),
    Column("Rang", 8),
    Column("Retenue", 10),
    Column("Départage (gommettes)", 14),
)
VOTE_COLUMNS = (
    Column("Tour", 7),
    Column("Source", 11),
    Column("Code", 10),
    Column("Collège", 14),
    Column("Action", 50),
    Column("Gommettes", 12),
)

GROUPED_COLUMNS = (
    Column("Tour", 7),
    Column("Source", 11),
    Column("Lignes", 10),
    Column("Collège", 14),
    Column("Action", 50),
    Column("Gommettes", 12),
)
GROUPED = (
    "Export avec les noms : les bulletins sont additionnés par tour, collège et action, "
    "sans code, pour qu'aucun vote ne puisse être relié à un nom de la feuille Participants."
)

NO_ACTION = "Aucune action candidate pour l'instant (atelier 3)."
NO_VOTE = "Aucun vote saisi pour l'instant (atelier 3)."
ELSEWHERE = "Le vote a lieu à l'atelier 3 : voir son classeur."

PERSONAL_DATA = (
    "gommettes de chaque bulletin, attribuées au code de son auteur (jamais à son nom ; dans "
    "un export avec les noms, additionnées par collège sans aucun code) : un vote peut "
    "révéler une opinion"
)


def _data(context: ExportContext) -> VoteExport | None:
    """The vote (read once per export); None when the export covers another workshop."""
    if context.workshop not in (None, VOTE_WORKSHOP):
        return None
    return context.votes


def actions(context: ExportContext, sheet: SheetWriter) -> None:
    """One row per action: candidates in ranking order, then those merged into another."""
    data = _data(context)
    if data is None:
        sheet.table("ActionsVotes", ACTION_COLUMNS, [], ELSEWHERE)
        return
    rows: list[list[Any]] = []
    for action in data.actions:
        voted = action.total is not None
        rows.append(
            [
                action.title,
                action.merged_into,
                action.origins,
                action.total,
                *(action.by_college.get(college, 0) if voted else None for college in College),
                action.by_college.get(None, 0) if voted else None,
                round(action.score, 2) if action.score is not None else None,
                action.rank,
                action.kept,
                action.tie_break_dots,
            ]
        )
    sheet.table("ActionsVotes", ACTION_COLUMNS, rows, NO_ACTION)


def votes(context: ExportContext, sheet: SheetWriter) -> None:
    """One row per ballot line or wall tally: round, source, code (never a name), dots."""
    data = _data(context)
    if data is None:
        sheet.table("Votes", VOTE_COLUMNS, [], ELSEWHERE)
        return
    if context.with_names:
        _grouped_votes(context, sheet, data)
        return
    rows = [
        [
            vote.round_number,
            SOURCE_LABELS.get(vote.source, vote.source),
            vote.code,
            context.college_label(vote.college),
            vote.action,
            vote.dots,
        ]
        for vote in data.votes
    ]
    sheet.table("Votes", VOTE_COLUMNS, rows, NO_VOTE)


def _grouped_votes(context: ExportContext, sheet: SheetWriter, data: VoteExport) -> None:
    """The ballots summed by round, source, collège and action: no code to follow."""
    dots: Counter[tuple[int, str, str, str]] = Counter()
    lines: Counter[tuple[int, str, str, str]] = Counter()
    for vote in data.votes:
        group = (
            vote.round_number,
            SOURCE_LABELS.get(vote.source, vote.source),
            context.college_label(vote.college),
            vote.action,
        )
        dots[group] += vote.dots
        lines[group] += 1
    rows = [
        [round_number, source, lines[group], college, action, total]
        for group, total in dots.items()
        for round_number, source, college, action in (group,)
    ]
    sheet.table("Votes", GROUPED_COLUMNS, rows, NO_VOTE)
    sheet.blank()
    sheet.append([sheet.cells.muted(GROUPED)])


def top_actions(context: ExportContext, sheet: SheetWriter) -> None:
    """The actions with the most dots in the first round (ten at most), and their chart."""
    data = _data(context)
    if data is None:
        return
    heading(sheet, "Actions les plus soutenues (vote de l'atelier 3)")
    if not data.top:
        sheet.append(
            [sheet.cells.muted("Aucune gommette saisie pour l'instant : pas de graphique.")]
        )
        return
    header = labels(sheet, "Action", "Rang", "Gommettes")
    for title, rank, dots in data.top:
        sheet.append([title, rank, dots])
    chart = bar_chart(
        sheet.sheet,
        "Gommettes par action",
        "Gommettes",
        header_row=header,
        last_row=sheet.row,
        category_column=1,
        first_column=3,
        last_column=3,
        horizontal=True,
    )
    # One series, named in the title: the legend would only take room from the names.
    chart.legend = None
    chart.height = 12
    sheet.add_chart(chart, CHART_ROWS + 8)
