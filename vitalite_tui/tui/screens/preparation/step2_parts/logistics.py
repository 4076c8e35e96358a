"""Step 2 part F7 · Logistique: the checklist of what the evenings need."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from vitalite_tui.domain.dates import format_day
from vitalite_tui.domain.text import plural
from vitalite_tui.store.preparation.records import LogisticsItemRecord
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.logistics_item_form import LogisticsDraft, LogisticsItemFormDialog
from vitalite_tui.tui.screens.preparation.step2_parts.base import Step2Part
from vitalite_tui.tui.widgets.screen_part import PartKeys
from vitalite_tui.tui.widgets.table import RecordTable


class LogisticsTable(PartKeys, RecordTable):
    """The checklist; Space ticks the current item."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "part('toggle_item')",
            "Cocher",
            id="logistics-toggle",
            tooltip="Cocher ou décocher l'élément choisi (prêt / pas prêt).",
        ),
        Binding(
            "a",
            "part('add_item')",
            "Ajouter",
            id="logistics-add",
            tooltip="Ajouter un élément à la liste de logistique.",
        ),
        Binding(
            "enter",
            "part('edit_item')",
            "Modifier",
            id="logistics-edit",
            tooltip="Changer le libellé de l'élément choisi, qui s'en charge et pour quand.",
            show=False,  # No room left in the footer: the count line names it.
        ),
        Binding(
            "delete",
            "part('remove_item')",
            "Retirer",
            id="logistics-remove",
            tooltip="Retirer l'élément choisi de la liste (après confirmation).",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("", 1), ("Élément", 40), ("Qui", 12), ("Pour le", 15)], id="logistics-table"
        )


def due_cell(item: LogisticsItemRecord, today: date) -> str:
    """« jeu. 16/10 », and « 16/10 en retard » once the day has passed with the item not done."""
    if item.due_on is None:
        return ""
    if item.overdue(today):
        return f"{item.due_on:%d/%m} en retard"
    return format_day(item.due_on)


class LogisticsPart(Step2Part):
    """Tick what is ready; add, rename, remove items."""

    def __init__(self, demarche_id: str, *, id: str | None = None) -> None:
        super().__init__(demarche_id, id=id)
        #: What the table shows, by row key, as the store returned it (never truncated).
        self.items: dict[str, LogisticsItemRecord] = {}

    def compose(self) -> ComposeResult:
        yield LogisticsTable()
        yield Static("", id="logistics-count", classes="counts")

    def reload(self) -> None:
        self.show_items()

    def show_items(self, select: str | None = None) -> None:
        items = self.read(lambda: self.store.logistics.all(self.demarche_id))
        if items is None:
            return
        self.items = {i.id: i for i in items}
        today = date.today()
        self.query_one(LogisticsTable).fill(
            (
                (i.id, ["☑" if i.done else "☐", i.label, i.person, due_cell(i, today)])
                for i in self.items.values()
            ),
            select=select,
        )
        ready = sum(1 for i in self.items.values() if i.done)
        late = sum(1 for i in self.items.values() if i.overdue(today))
        parts = [f"{ready}/{len(self.items)} prêts"]
        if late:
            parts.append(plural(late, "en retard", "en retard"))
        parts.append("Espace coche · ⏎ modifie (qui, pour quand)")
        self.query_one("#logistics-count", Static).update(" · ".join(parts))

    @property
    def current(self) -> LogisticsItemRecord | None:
        return self.items.get(self.query_one(LogisticsTable).current_key or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_item", "edit_item", "remove_item"):
            return self.query_one(LogisticsTable).current_key is not None
        return True

    def action_toggle_item(self) -> None:
        item_id = self.query_one(LogisticsTable).current_key
        if item_id is not None and self.run_safely(lambda: self.store.logistics.toggle(item_id)):
            self.show_items()
            self.stored()

    def action_add_item(self) -> None:
        added: list[str] = []

        def save(draft: LogisticsDraft) -> None:
            added.append(
                self.store.logistics.add(self.demarche_id, draft.label, draft.person, draft.due_on)
            )

        def done(draft: LogisticsDraft | None) -> None:
            if draft is not None:
                self.show_items(select=added[-1])
                self.stored()

        self.app.push_screen(
            LogisticsItemFormDialog("Nouvel élément de logistique", save=save), done
        )

    def action_edit_item(self) -> None:
        item = self.current
        if item is None:
            return

        def save(draft: LogisticsDraft) -> None:
            self.store.logistics.update(item.id, draft.label, draft.person, draft.due_on)

        def done(draft: LogisticsDraft | None) -> None:
            if draft is not None:
                self.show_items()
                self.stored()

        current = LogisticsDraft(item.label, item.person, item.due_on)
        self.app.push_screen(
            LogisticsItemFormDialog("Élément de logistique", current, save=save), done
        )

    def action_remove_item(self) -> None:
        item = self.current
        if item is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.run_safely(lambda: self.store.logistics.remove(item.id)):
                self.show_items()

        self.app.push_screen(
            ConfirmDialog(f"Retirer « {item.label} » de la logistique ?"), confirmed
        )
