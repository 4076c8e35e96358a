"""The list of work axes: rename, add, remove and restore them, change their order."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.felt.debrief_records import AxisDraft, AxisRecord
from vitalite_tui.tui.dialogs.axis_form import axis_dialog
from vitalite_tui.tui.widgets.table import RecordTable

if TYPE_CHECKING:
    from vitalite_tui.store import Store

#: What the number column shows for a removed axis.
REMOVED_MARK = "–"


def axis_cells(axis: AxisRecord) -> list[str]:
    number = str(axis.number) if axis.number is not None else REMOVED_MARK
    title = f"(retiré) {axis.title}" if axis.removed else axis.title
    indicator = f"I{axis.indicator}" if axis.indicator is not None else ""
    return [number, title, indicator, str(axis.note_count), str(axis.intention_count)]


class AxesTable(RecordTable):
    """The axes, live ones in order then removed ones; the keys act on the row chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.edit",
            "Modifier",
            id="axes-edit",
            tooltip="Modifier le titre, la description ou l'indicateur de l'axe choisi.",
        ),
        Binding("n", "screen.add", "Nouvel axe", id="axes-add", tooltip="Nommer un nouvel axe."),
        Binding(
            "delete",
            "screen.remove",
            "Retirer",
            id="axes-remove",
            tooltip="Retirer l'axe choisi : ses notes gardent leur lien, u le rétablit.",
        ),
        Binding(
            "u",
            "screen.restore",
            "Rétablir",
            id="axes-restore",
            tooltip="Rétablir l'axe retiré choisi, avec ses notes, à sa place.",
        ),
        Binding(
            "shift+up",
            "screen.move(-1)",
            "Monter",
            id="axes-up",
            tooltip="Monter l'axe choisi d'un rang (son numéro change).",
        ),
        Binding(
            "shift+down",
            "screen.move(1)",
            "Descendre",
            id="axes-down",
            tooltip="Descendre l'axe choisi d'un rang (son numéro change).",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("N°", 2), ("Titre", 42), ("Ind.", 4), ("Notes", 5), ("Int.", 4)], id="axes-table"
        )


class AxesDialog(ModalScreen[None]):
    """Every axis of the démarche, removed ones included, and what can be done to them."""

    DEFAULT_CSS = """
    AxesDialog { align: center middle; }
    AxesDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    AxesDialog #axes-table { height: auto; max-height: 14; }
    AxesDialog .axes-empty, AxesDialog .axes-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Fermer", id="axes-close", tooltip="Revenir au débrief."),
    ]

    def __init__(self, store: Store, demarche_id: str) -> None:
        super().__init__()
        self.store = store
        self.demarche_id = demarche_id
        self.records: dict[str, AxisRecord] = {}

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Axes de travail"
            yield AxesTable()
            yield Static(
                "Aucun axe pour l'instant : n pour nommer le premier.", classes="axes-empty"
            )
            yield Static(
                "⏎ Modifier · n Nouveau · Suppr Retirer · u Rétablir · Maj+↑↓ Déplacer · "
                "Échap Fermer",
                classes="axes-keys",
            )

    def on_mount(self) -> None:
        self.refresh_rows()
        self.query_one(AxesTable).focus()

    def refresh_rows(self, select: str | None = None) -> None:
        try:
            axes = self.store.axes.all(self.demarche_id, removed=True)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.records = {axis.id: axis for axis in axes}
        self.query_one(AxesTable).fill(((a.id, axis_cells(a)) for a in axes), select=select)
        self.query_one(".axes-empty", Static).display = not axes
        self.refresh_bindings()

    @property
    def current(self) -> AxisRecord | None:
        return self.records.get(self.query_one(AxesTable).current_key or "")

    def report(self, error: VitaliteError) -> None:
        self.notify(error.message, title="Attention", severity="error", timeout=8, markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        current = self.current
        if action in ("edit", "remove", "move"):
            return current is not None and not current.removed
        if action == "restore":
            return current is not None and current.removed
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    def action_add(self) -> None:
        dialog = axis_dialog(self.store, self.demarche_id)

        def done(draft: AxisDraft | None) -> None:
            if draft is not None and dialog.saved is not None:
                self.refresh_rows(select=dialog.saved.id)

        self.app.push_screen(dialog, done)

    def action_edit(self) -> None:
        axis = self.current
        if axis is None or axis.removed:
            return

        def done(draft: AxisDraft | None) -> None:
            if draft is not None:
                self.refresh_rows(select=axis.id)

        self.app.push_screen(axis_dialog(self.store, self.demarche_id, axis), done)

    def _change(self, axis: AxisRecord, work: Callable[[str], object]) -> bool:
        """Run one store call on an axis; a French error is shown and nothing else happens."""
        try:
            work(axis.id)
        except VitaliteError as exc:
            self.report(exc)
            return False
        self.refresh_rows(select=axis.id)
        return True

    def action_remove(self) -> None:
        axis = self.current
        if axis is not None and not axis.removed and self._change(axis, self.store.axes.remove):
            self.notify(
                f"Axe « {axis.title} » retiré : ses notes gardent leur lien. u pour le rétablir.",
                markup=False,
            )

    def action_restore(self) -> None:
        axis = self.current
        if axis is not None and axis.removed and self._change(axis, self.store.axes.restore):
            self.notify(f"Axe « {axis.title} » rétabli, avec ses notes.", markup=False)

    def action_move(self, offset: int) -> None:
        axis = self.current
        if axis is None or axis.removed:
            return
        try:
            moved = self.store.axes.move(axis.id, offset)
        except VitaliteError as exc:
            self.report(exc)
            return
        if moved:
            self.refresh_rows(select=axis.id)
        else:
            self.app.bell()
