"""Pick one item of a long list by typing a few letters of it (a participant, an action)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from vitalite_tui.domain.text import matches
from vitalite_tui.tui.widgets.note_input import LineInput
from vitalite_tui.tui.widgets.table import shorten
from vitalite_tui.tui.widgets.typing_order import TypedAheadDialog

#: One choice: its id and the line shown (also what the filter searches).
PickItem = tuple[str, str]


class PickFilter(LineInput):
    """The filter line: letters filter, ↑/↓ move in the list, Enter picks, in typing order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "screen.move(1)",
            "Suivant",
            id="pick-filter-down",
            tooltip="Descendre dans la liste.",
            show=False,
        ),
        Binding(
            "up",
            "screen.move(-1)",
            "Précédent",
            id="pick-filter-up",
            tooltip="Monter dans la liste.",
            show=False,
        ),
        Binding(
            "enter",
            "screen.pick",
            "Choisir",
            id="pick-filter-enter",
            tooltip="Choisir la ligne en surbrillance.",
            show=False,
        ),
    ]


class FilterPickDialog(TypedAheadDialog[str | None]):
    """Returns the id of the line chosen (filter, ↑/↓, Enter); Escape: None."""

    DEFAULT_CSS = """
    FilterPickDialog { align: center middle; }
    FilterPickDialog > Vertical {
        width: 74; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    FilterPickDialog OptionList {
        height: auto; max-height: 14; border: none; padding: 0;
        &:focus { border: none; }
    }
    FilterPickDialog .pick-hint, FilterPickDialog .pick-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuler", id="filter-pick-cancel", tooltip="Ne rien choisir."),
    ]

    def __init__(
        self,
        title: str,
        items: Sequence[PickItem],
        *,
        hint: str = "",
        empty: str = "",
        then: Callable[[str], object] | None = None,
    ) -> None:
        """`then` runs with the id chosen as soon as this dialog is gone, before the next
        key is read: a dialog it opens gets the keys typed after Enter."""
        super().__init__()
        self.pick_title = title
        self.items = list(items)
        self.hint = hint
        self.empty = empty or "Aucune ligne ne correspond : effacez quelques lettres."
        self.then = then
        #: The filter the list was last filled for.
        self.filled_for: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.pick_title
            if self.hint:
                yield Static(self.hint, classes="pick-hint", markup=False)
            yield PickFilter(placeholder="Tapez pour filtrer…", id="pick-filter", compact=True)
            options = OptionList(id="pick-options")
            options.can_focus = False
            yield options
            yield Static("", id="pick-empty", classes="pick-hint")
            yield Static(
                "Lettres : filtrer · ↑↓ Choisir la ligne · ⏎ Valider · Échap Annuler",
                classes="pick-keys",
            )

    def on_mount(self) -> None:
        self._fill("")
        self.set_focus(self.typed_ahead_target())

    def typed_ahead_target(self) -> PickFilter:
        return self.query_one("#pick-filter", PickFilter)

    @property
    def shown(self) -> list[PickItem]:
        query = self.query_one("#pick-filter", PickFilter).value
        return [item for item in self.items if matches(query, item[1])]

    def _fill(self, query: str) -> None:
        self.filled_for = query
        options = self.query_one("#pick-options", OptionList)
        shown = [item for item in self.items if matches(query, item[1])]
        options.clear_options()
        options.add_options([Option(shorten(label, 68), id=key) for key, label in shown])
        if shown:
            options.highlighted = 0
        empty = self.query_one("#pick-empty", Static)
        empty.update(self.empty if not shown else "")
        empty.display = not shown

    @on(Input.Changed, "#pick-filter")
    def filter_lines(self, event: Input.Changed) -> None:
        if event.value != self.filled_for:
            self._fill(event.value)

    def _up_to_date(self) -> OptionList:
        """The list filtered by what is typed now (keys typed fast are ahead of the list)."""
        value = self.query_one("#pick-filter", PickFilter).value
        if value != self.filled_for:
            self._fill(value)
        return self.query_one("#pick-options", OptionList)

    def action_move(self, step: int) -> None:
        options = self._up_to_date()
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(current + step, options.option_count - 1))

    def action_pick(self) -> None:
        options = self._up_to_date()
        if options.highlighted is None or not options.option_count:
            self.app.bell()
            return
        self._picked(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#pick-options")
    def pick_clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._picked(event.option.id)

    def _picked(self, item: str | None) -> None:
        self.dismiss(item)
        if item is not None and self.then is not None:
            self.then(item)

    def action_cancel(self) -> None:
        self.dismiss(None)
