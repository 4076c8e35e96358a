"""Workshop 2 · Tendances: the catalogue of trends, which to present, their risks and chances."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from vitalite_tui.domain.text import plural
from vitalite_tui.store.prospective.records import IndicatorCount, TrendRecord
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.trend_form import TrendDraft, TrendFormDialog
from vitalite_tui.tui.widgets.table import RecordTable


class TrendTable(RecordTable):
    """The démarche's trends in the order they are presented."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Reformuler",
            id="trends-reword",
            tooltip="Changer l'intitulé ou la description de la tendance choisie.",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("", 1), ("Tendance", 30), ("Description", 25), ("Notes", 10)],
            id="trends-table",
        )


def trend_cells(trend: TrendRecord) -> list[str]:
    notes = f"R {trend.risks} · O {trend.opportunities}" if trend.notes else ""
    return ["✔" if trend.selected else "", trend.title, trend.description, notes]


def counts_line(counts: list[IndicatorCount]) -> str:
    """« Risques / opportunités par indicateur : I1 3/2 · I2 0/1 · … »."""
    if not any(c.risks or c.opportunities for c in counts):
        return "Aucun risque ni opportunité noté pour cette tendance (saisie en sous-groupe)."
    parts = [
        f"{'I' + str(c.indicator) if c.indicator is not None else 'sans indic.'} "
        f"{c.risks}/{c.opportunities}"
        for c in counts
    ]
    return "Risques/opportunités par indicateur : " + " · ".join(parts)


class TrendsPart(ContentPart):
    """Choose the trends presented at workshop 2, word them, order them."""

    DEFAULT_CSS = """
    TrendsPart #trends-details { height: 3; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "present",
            "Présenter",
            id="trends-toggle",
            tooltip="Présenter ou non la tendance choisie (✔ : proposée aux tours).",
        ),
        Binding(
            "n",
            "add",
            "Ajouter",
            id="trends-add",
            tooltip="Ajouter une tendance propre au territoire.",
        ),
        Binding(
            "shift+up",
            "move(-1)",
            "Monter",
            id="trends-up",
            tooltip="Présenter la tendance choisie plus tôt.",
            show=False,
        ),
        Binding(
            "shift+down",
            "move(1)",
            "Descendre",
            id="trends-down",
            tooltip="Présenter la tendance choisie plus tard.",
            show=False,
        ),
        Binding(
            "delete",
            "remove",
            "Retirer",
            id="trends-remove",
            tooltip="Retirer la tendance choisie de la liste (u la rétablit).",
            show=False,
        ),
        Binding(
            "u",
            "restore",
            "Rétablir",
            id="trends-restore",
            tooltip="Rétablir la dernière tendance retirée.",
        ),
    ]

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.trends: dict[str, TrendRecord] = {}
        self.removed = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="trends-counts", classes="counts")
        yield TrendTable()
        yield Static("", id="trends-empty", classes="hint")
        yield Static("", id="trends-details", markup=False)

    # --- reading -----------------------------------------------------------------------

    @property
    def table(self) -> TrendTable:
        return self.query_one(TrendTable)

    @property
    def current(self) -> TrendRecord | None:
        return self.trends.get(self.table.current_key or "")

    def reload(self, select: str | None = None) -> None:
        trends = self.read(lambda: self.store.trends.all(self.demarche_id))
        removed = self.read(lambda: self.store.trends.all(self.demarche_id, removed=True))
        if trends is None:
            return
        self.removed = len(removed or [])
        self.trends = {trend.id: trend for trend in trends}
        self.table.fill(((t.id, trend_cells(t)) for t in trends), select=select)
        shown = sum(1 for t in trends if t.selected)
        self.query_one("#trends-counts", Static).update(
            f"{plural(shown, 'tendance présentée', 'tendances présentées')} sur {len(trends)}"
            " · Espace : présenter · Maj+↑↓ : ordre"
        )
        empty = self.query_one("#trends-empty", Static)
        empty.display = not trends
        empty.update("Aucune tendance dans la liste : n pour en ajouter une, u pour rétablir.")
        self.show_details()
        self.screen.refresh_bindings()

    def show_details(self) -> None:
        details = self.query_one("#trends-details", Static)
        trend = self.current
        if trend is None:
            details.update("")
            return
        counts = self.read(lambda: self.store.trends.by_indicator(trend.id)) or []
        source = f" (source : {trend.source})" if trend.source else ""
        details.update(f"{counts_line(counts)}\n{trend.description}{source}")

    @on(DataTable.RowHighlighted, "#trends-table")
    def highlighted(self) -> None:
        self.show_details()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("present", "move", "remove"):
            return self.current is not None
        if action == "restore":
            return self.removed > 0
        return True

    # --- acting ------------------------------------------------------------------------

    def action_present(self) -> None:
        trend = self.current
        if trend is not None and self.run_safely(lambda: self.store.trends.toggle(trend.id)):
            self.reload(select=trend.id)

    def action_move(self, step: int) -> None:
        trend = self.current
        if trend is not None and self.run_safely(lambda: self.store.trends.move(trend.id, step)):
            self.reload(select=trend.id)

    def action_remove(self) -> None:
        trend = self.current
        if trend is not None and self.run_safely(lambda: self.store.trends.remove(trend.id)):
            self.reload()
            self.app.notify(f"« {trend.title} » retirée : u pour la rétablir.", markup=False)

    def action_restore(self) -> None:
        removed = self.read(lambda: self.store.trends.all(self.demarche_id, removed=True))
        if not removed:
            return
        trend = removed[0]
        if self.run_safely(lambda: self.store.trends.restore(trend.id)):
            self.reload(select=trend.id)

    def action_add(self) -> None:
        added: list[str] = []

        def save(draft: TrendDraft) -> None:
            added.append(self.store.trends.add(self.demarche_id, draft.title, draft.description))

        def done(draft: TrendDraft | None) -> None:
            if draft is not None and added:
                self.reload(select=added[0])
            self.table.focus()

        self.app.push_screen(TrendFormDialog("Nouvelle tendance", save=save), done)

    @on(DataTable.RowSelected, "#trends-table")
    def reword(self) -> None:
        trend = self.current
        if trend is None:
            return

        def save(draft: TrendDraft) -> None:
            self.store.trends.reword(trend.id, draft.title, draft.description)

        def done(draft: TrendDraft | None) -> None:
            if draft is not None:
                self.reload(select=trend.id)
            self.table.focus()

        self.app.push_screen(
            TrendFormDialog(
                "Reformuler la tendance", TrendDraft(trend.title, trend.description), save=save
            ),
            done,
        )
