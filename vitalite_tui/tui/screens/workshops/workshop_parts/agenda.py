"""Workshop part F5 · Déroulé: the timed sequences of the evening, in order."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from vitalite_tui.domain.dates import format_time
from vitalite_tui.domain.workshops import AgendaItem
from vitalite_tui.store.workshops.records import AgendaSlot, WorkshopRecord
from vitalite_tui.tui.dialogs.agenda_item_form import AgendaItemFormDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.workshops.workshop_parts.base import WorkshopPart
from vitalite_tui.tui.widgets.screen_part import PartKeys
from vitalite_tui.tui.widgets.table import RecordTable


class AgendaTable(PartKeys, RecordTable):
    """The timed sequences of the evening, in order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "part('add_item')",
            "Ajouter",
            id="agenda-add",
            tooltip="Ajouter une séquence après celle choisie.",
        ),
        Binding(
            "enter",
            "part('edit_item')",
            "Modifier",
            id="agenda-edit",
            tooltip="Modifier le libellé, la durée ou le mode (plénière) de la séquence choisie.",
        ),
        Binding(
            "delete",
            "part('remove_item')",
            "Retirer",
            id="agenda-remove",
            tooltip="Retirer la séquence choisie du déroulé (après confirmation).",
            show=False,  # No room left in the footer: the line under the table names it.
        ),
        Binding(
            "shift+up",
            "part('move_item', -1)",
            "Déplacer",
            id="agenda-up",
            tooltip="Faire monter la séquence choisie d'un cran (Maj+↓ la fait descendre).",
            key_display="Maj+↑↓",
        ),
        Binding(
            "shift+down",
            "part('move_item', 1)",
            "Descendre",
            id="agenda-down",
            tooltip="Faire passer la séquence choisie après la suivante.",
            show=False,
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("Début", 5), ("Fin", 5), ("Durée", 7), ("Séquence", 42), ("Où", 8)],
            id="agenda-table",
        )


def agenda_cells(slot: AgendaSlot) -> list[str]:
    return [
        format_time(slot.start) or "—",
        format_time(slot.end) or "—",
        f"{slot.minutes} min",
        slot.label,
        "plénière" if slot.plenary else "sous-gr.",
    ]


def duration(minutes: int) -> str:
    """« 150 min (2h30) »."""
    return (
        f"{minutes} min ({minutes // 60}h{minutes % 60:02d})" if minutes >= 60 else f"{minutes} min"
    )


def agenda_total(record: WorkshopRecord) -> str:
    """« Total : 150 min (2h30) · 18h30 → 21h00 · prévu 18h30–21h00 »."""
    parts = [f"Total : {duration(record.total_minutes)}"]
    if record.agenda and record.agenda[0].start and record.agenda[-1].end:
        parts.append(
            f"{format_time(record.agenda[0].start)} → {format_time(record.agenda[-1].end)}"
        )
    if record.start_time and record.end_time:
        parts.append(f"prévu {format_time(record.start_time)}–{format_time(record.end_time)}")
    return " · ".join(parts)


class AgendaChanged(Message):
    """The agenda was stored anew (the workshop's title line and step may show it)."""


class AgendaPart(WorkshopPart):
    """The evening's sequences: add, edit, remove, reorder; the whole list is stored at once."""

    def __init__(
        self, demarche_id: str, number: int, session: int = 1, *, id: str | None = None
    ) -> None:
        super().__init__(demarche_id, number, session, id=id)
        self.record: WorkshopRecord | None = None

    def compose(self) -> ComposeResult:
        yield AgendaTable()
        yield Static("", id="agenda-total", classes="counts")
        yield Static(
            "⏎ modifie · a ajoute · Suppr retire · Maj+↑↓ déplace la séquence",
            classes="hint",
        )
        yield Static("", id="agenda-warnings", classes="warning")

    def reload(self) -> None:
        self.show_agenda()

    def show_agenda(self, select: int | None = None) -> None:
        found = self.read(
            lambda: (
                self.store.workshops.get(self.demarche_id, self.number, self.session),
                self.store.workshops.agenda_warnings(self.demarche_id, self.number, self.session),
            )
        )
        if found is None:
            return
        record, warnings = found
        self.record = record
        self.query_one(AgendaTable).fill(
            ((str(i), agenda_cells(slot)) for i, slot in enumerate(record.agenda)),
            select=str(select) if select is not None else None,
        )
        self.query_one("#agenda-total", Static).update(agenda_total(record))
        box = self.query_one("#agenda-warnings", Static)
        box.update(Content("\n".join(f"⚠ {w}" for w in warnings)))
        box.display = bool(warnings)

    @property
    def current_slot(self) -> int | None:
        key = self.query_one(AgendaTable).current_key
        return int(key) if key is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `move_item` is shown even at the ends (one key, both ways); there it does nothing.
        if action in ("edit_item", "remove_item", "move_item"):
            return self.current_slot is not None
        return True

    def agenda_items(self) -> list[AgendaItem]:
        slots = self.record.agenda if self.record is not None else []
        return [AgendaItem(s.label, s.minutes, s.plenary) for s in slots]

    def save_agenda(self, items: list[AgendaItem]) -> list[str]:
        """Store the whole agenda (the store keeps it as one list); returns its warnings."""
        return self.store.workshops.save_agenda(
            self.demarche_id, self.number, items, session=self.session
        )

    def after_change(self, select: int) -> None:
        self.show_agenda(select=select)
        self.post_message(AgendaChanged())

    def edit_agenda(self, title: str, item: AgendaItem | None, place: int, replace: bool) -> None:
        """The dialog for one sequence, stored at `place` (replacing the one there, or not)."""

        def save(changed: AgendaItem) -> None:
            items = self.agenda_items()
            items[place : place + int(replace)] = [changed]
            self.save_agenda(items)

        def done(changed: AgendaItem | None) -> None:
            if changed is not None:
                self.after_change(place)

        self.app.push_screen(AgendaItemFormDialog(title, item, save=save), done)

    def action_add_item(self) -> None:
        index = self.current_slot
        place = index + 1 if index is not None else len(self.agenda_items())
        self.edit_agenda("Nouvelle séquence", None, place, replace=False)

    def action_edit_item(self) -> None:
        index = self.current_slot
        if index is None:
            return
        item = self.agenda_items()[index]
        self.edit_agenda(f"Séquence {index + 1}", item, index, replace=True)

    def action_remove_item(self) -> None:
        index = self.current_slot
        if index is None:
            return
        items = self.agenda_items()
        removed = items.pop(index)

        def confirmed(yes: bool | None) -> None:
            if yes and self.run_safely(lambda: self.save_agenda(items)):
                self.after_change(min(index, len(items) - 1))

        self.app.push_screen(ConfirmDialog(f"Retirer « {removed.label} » du déroulé ?"), confirmed)

    def action_move_item(self, offset: int) -> None:
        index = self.current_slot
        items = self.agenda_items()
        if index is None or not 0 <= index + offset < len(items):
            return
        target = index + offset
        items[index], items[target] = items[target], items[index]
        if self.run_safely(lambda: self.save_agenda(items)):
            self.after_change(target)
