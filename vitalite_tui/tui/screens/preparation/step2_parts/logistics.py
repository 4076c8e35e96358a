"""Step 2 part F7 · Logistique: the checklist of what the evenings need."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from vitalite_tui.store.preparation.records import LogisticsItemRecord
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.preparation.step2_parts.base import Step2Part
from vitalite_tui.tui.widgets.form import LineDialog
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
            "part('rename_item')",
            "Renommer",
            id="logistics-rename",
            tooltip="Changer le libellé de l'élément choisi.",
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
        super().__init__([("", 1), ("Élément", 66)], id="logistics-table")


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
        self.query_one(LogisticsTable).fill(
            ((i.id, ["☑" if i.done else "☐", i.label]) for i in self.items.values()),
            select=select,
        )
        ready = sum(1 for i in self.items.values() if i.done)
        self.query_one("#logistics-count", Static).update(
            f"{ready}/{len(self.items)} prêts · Espace coche ou décoche · ⏎ renomme"
        )

    @property
    def current(self) -> LogisticsItemRecord | None:
        return self.items.get(self.query_one(LogisticsTable).current_key or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_item", "rename_item", "remove_item"):
            return self.query_one(LogisticsTable).current_key is not None
        return True

    def action_toggle_item(self) -> None:
        item_id = self.query_one(LogisticsTable).current_key
        if item_id is not None and self.run_safely(lambda: self.store.logistics.toggle(item_id)):
            self.show_items()
            self.stored()

    def action_add_item(self) -> None:
        added: list[str] = []

        def save(label: str) -> None:
            added.append(self.store.logistics.add(self.demarche_id, label))

        def done(label: str | None) -> None:
            if label is not None:
                self.show_items(select=added[-1])

        self.app.push_screen(LineDialog("Nouvel élément de logistique", "Élément", save=save), done)

    def action_rename_item(self) -> None:
        item = self.current
        if item is None:
            return

        def save(text: str) -> None:
            self.store.logistics.rename(item.id, text)

        def done(text: str | None) -> None:
            if text is not None:
                self.show_items()

        self.app.push_screen(
            LineDialog("Renommer l'élément de logistique", "Élément", item.label, save=save), done
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
