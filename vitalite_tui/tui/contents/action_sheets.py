"""Fiches actions (workshops 3 and 4): kept actions, how complete each sheet is; Enter fills it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from vitalite_tui.domain.charter import SheetContent
from vitalite_tui.domain.text import plural
from vitalite_tui.store.charter.records import ActionSheetRecord
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.action_sheet_form import ActionSheetFormDialog
from vitalite_tui.tui.widgets.table import RecordTable

NOTHING_KEPT = (
    "Aucune action retenue pour l'instant : c'est le vote de l'atelier 3 qui décide "
    "quelles actions ont une fiche."
)


class SheetsTable(RecordTable):
    """The kept actions, each with how much of its sheet is filled (« 6/8 », « ✔ 8/8 »)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select_cursor",
            "Remplir la fiche",
            id="sheets-open",
            tooltip="Ouvrir la fiche de l'action choisie pour la remplir ou la modifier.",
        ),
    ]

    def __init__(self) -> None:
        super().__init__([("N°", 3), ("Action retenue", 56), ("Fiche", 7)], id="sheets-table")


class ActionSheetsPart(ContentPart):
    """One fiche action per kept action: porteur, partners, public, means, calendar…"""

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.sheets: dict[str, ActionSheetRecord] = {}

    def compose(self) -> ComposeResult:
        yield Static(NOTHING_KEPT, id="sheets-empty", classes="hint")
        yield SheetsTable()
        yield Static("", id="sheets-counts", classes="counts")
        yield Static("", id="sheets-missing", classes="hint")

    def reload(self, select: str | None = None) -> None:
        sheets = self.read(lambda: self.store.action_sheets.all(self.demarche_id))
        if sheets is None:
            return
        self.sheets = {sheet.action_id: sheet for sheet in sheets}
        table = self.query_one(SheetsTable)
        table.fill(
            (
                (sheet.action_id, [str(rank), sheet.title, sheet.completeness.mark])
                for rank, sheet in enumerate(sheets, start=1)
            ),
            select=select,
        )
        self.query_one("#sheets-empty").display = not sheets
        complete = sum(1 for sheet in sheets if sheet.completeness.complete)
        counts = self.query_one("#sheets-counts", Static)
        counts.display = bool(sheets)
        counts.update(
            f"{plural(complete, 'fiche complète', 'fiches complètes')} sur {len(sheets)} · "
            "⏎ remplit la fiche choisie"
        )
        self.show_missing()

    def show_missing(self) -> None:
        sheet = self.sheets.get(self.query_one(SheetsTable).current_key or "")
        self.query_one("#sheets-missing", Static).update(
            sheet.completeness.missing_text if sheet is not None else ""
        )

    @on(DataTable.RowHighlighted, "#sheets-table")
    def show_missing_of_highlighted(self) -> None:
        self.show_missing()

    @on(DataTable.RowSelected, "#sheets-table")
    def open_sheet(self, event: DataTable.RowSelected) -> None:
        event.stop()
        action_id = event.row_key.value
        record = self.read(lambda: self.store.action_sheets.get(action_id or ""))
        if record is None or action_id is None:
            return

        def save(content: SheetContent) -> None:
            self.store.action_sheets.save(action_id, content)

        def done(content: SheetContent | None) -> None:
            self.reload(select=action_id)
            if content is not None:
                self.notify(
                    f"Fiche enregistrée : {self.sheets[action_id].completeness.fraction}."
                    if action_id in self.sheets
                    else "Fiche enregistrée.",
                    markup=False,
                )

        self.app.push_screen(ActionSheetFormDialog(record, save=save), done)
