"""Workshop 3, the results: the ranking with ties, by collège, weighted, the kept actions."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.text import plural
from vitalite_tui.store.vote.records import ResultLine, ResultsRecord
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.vote_settings import parse_count
from vitalite_tui.tui.widgets.form import LineDialog
from vitalite_tui.tui.widgets.table import RecordTable


def rank_label(line: ResultLine) -> str:
    """« 2= » for a rank shared with another action."""
    return f"{line.rank}=" if line.tied else str(line.rank)


def score_label(value: float) -> str:
    """A weighted score to one decimal, French style: « 12,3 »."""
    return f"{value:.1f}".replace(".", ",")


def marks(line: ResultLine) -> str:
    """« ✔ » kept, « ? » tied on the last place, « ⚠ » collèges disagree."""
    kept = "✔" if line.kept else "?" if line.in_tie else ""
    return kept + ("⚠" if line.disagreement else "")


class ResultsTable(RecordTable):
    def __init__(self) -> None:
        super().__init__(
            [
                ("Rang", 4),
                ("Action", 28),
                ("Total", 5),
                ("élus", 4),
                ("act.", 4),
                ("hab.", 4),
                ("s.c.", 4),
                ("Score", 5),
                ("", 2),
            ],
            id="results-table",
        )


def result_cells(line: ResultLine, weighted: bool) -> list[str]:
    return [
        rank_label(line),
        line.title,
        str(line.total),
        *(str(line.dots_of(college)) for college in College),
        str(line.dots_of(None)) if line.dots_of(None) else "",
        score_label(line.score) if weighted else "",
        marks(line),
    ]


class ResultsPart(ContentPart):
    """The ranking of the first round; the tie-break rounds under it when there were some."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "k",
            "keep",
            "À retenir",
            id="results-keep",
            tooltip="Choisir le nombre d'actions à retenir.",
        ),
        Binding(
            "t",
            "tie_break",
            "Départage",
            id="results-tie-break",
            tooltip="Ouvrir un tour de départage entre les actions à égalité sur la dernière "
            "place retenue.",
        ),
    ]

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.results: ResultsRecord | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="results-summary", classes="counts")
        yield Static("", id="results-hidden", classes="hint")
        yield ResultsTable()
        yield Static("", id="results-tie", classes="warning")
        yield Static("", id="results-rounds", classes="hint")

    def reload(self) -> None:
        results = self.read(lambda: self.store.votes.results(self.demarche_id))
        if results is None:
            return
        self.results = results
        table = self.query_one(ResultsTable)
        table.fill((line.action_id, result_cells(line, results.weighted)) for line in results.lines)
        table.display = bool(results.lines)
        hidden = self.query_one("#results-hidden", Static)
        if results.hidden:
            hidden.update(
                "Résultats masqués jusqu'à la clôture du vote (réglage s dans Vote, F6) : "
                "rien ne s'affiche tant que des personnes votent."
            )
        elif not results.lines:
            hidden.update("Aucune action candidate : importez les intentions dans Candidats (F5).")
        hidden.display = results.hidden or not results.lines
        self.query_one("#results-summary", Static).update(Content(self.summary(results)))
        self.show_tie(results)
        self.refresh_bindings()

    @staticmethod
    def summary(results: ResultsRecord) -> str:
        total = sum(line.total for line in results.lines)
        parts = ["Vote clos" if results.closed else "Vote en cours"]
        if not results.hidden:
            parts.append(plural(total, "gommette"))
        parts.append(
            "nombre à retenir à choisir (k)"
            if results.keep_count is None
            else f"{results.keep_count} à retenir"
        )
        if results.closed:
            parts.append(plural(len(results.kept), "retenue"))
        if results.weighted:
            parts.append("collèges pondérés")
        return " · ".join(parts)

    def show_tie(self, results: ResultsRecord) -> None:
        tie = self.query_one("#results-tie", Static)
        titles = {line.action_id: line.title for line in results.lines}
        message = ""
        if results.tie and not results.hidden:
            names = ", ".join(f"« {titles.get(a, '?')} »" for a in results.tie)
            message = f"Égalité pour {plural(results.tie_places, 'place')} : {names}." + (
                " t ouvre un tour de départage." if results.can_start_tie_break else ""
            )
        elif results.weighted and results.unweighted_dots:
            message = (
                f"{plural(results.unweighted_dots, 'gommette')} sans collège "
                "comptée(s) telle(s) quelle(s) : la pondération ne peut s'y appliquer."
            )
        tie.update(Content(f"⚠ {message}" if message else ""))
        tie.display = bool(message)
        rounds = self.query_one("#results-rounds", Static)
        lines = []
        for tie_break in results.tie_breaks:
            state = "clos" if tie_break.closed else "en cours"
            dots = " · ".join(f"{line.title} {line.total}" for line in tie_break.lines)
            shown = dots if tie_break.lines else "masqué jusqu'à la clôture"
            lines.append(
                f"Départage (tour {tie_break.round_number}, {state}, "
                f"{plural(tie_break.places, 'place')}) : {shown}"
            )
        rounds.update(Content("\n".join(lines)))
        rounds.display = bool(lines)

    def focus_first(self) -> None:
        self.query_one(ResultsTable).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "tie_break":
            return self.results is not None and self.results.can_start_tie_break
        return True

    def action_keep(self) -> None:
        results = self.results
        current = "" if results is None or results.keep_count is None else str(results.keep_count)

        def save(text: str) -> None:
            count = parse_count(text, field="Actions à retenir", required=False)
            self.store.votes.set_keep_count(self.demarche_id, count)

        def done(text: str | None) -> None:
            if text is not None:
                self.reload()

        self.app.push_screen(LineDialog("Actions à retenir", "Nombre", current, save=save), done)

    def action_tie_break(self) -> None:
        results = self.results
        if results is None or not results.can_start_tie_break:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            number = self.read(lambda: self.store.votes.start_tie_break(self.demarche_id))
            if number is not None:
                self.reload()
                self.notify(
                    f"Tour {number} de départage ouvert : saisissez-le dans Vote (F6).",
                )

        self.app.push_screen(
            ConfirmDialog(
                f"Ouvrir un tour de départage entre les {len(results.tie)} actions à égalité "
                f"pour {plural(results.tie_places, 'place')} ? Chaque personne aura "
                f"{plural(results.tie_places, 'gommette')}, une au plus par action."
            ),
            confirmed,
        )
