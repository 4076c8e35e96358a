"""Tick several lines of a list (Espace), typing to filter it if asked; F2 keeps the ticks."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from vitalite_tui.domain.text import matches
from vitalite_tui.tui.widgets.note_input import LineInput


@dataclass(frozen=True)
class Tickable:
    """One line: its id, the text shown (literally, on one line), other words it is found by."""

    id: str
    label: str
    words: tuple[str, ...] = ()


def submit_binding(tooltip: str) -> Binding:
    """F2: keep the ticks and close; the tooltip says what the ticks become."""
    return Binding("f2", "submit", "Valider", id="tick-submit", tooltip=tooltip)


def tick_line(item: Tickable, ticked: bool) -> Text:
    """« [X] risque  I1- Les anciens… »: a letter in the box, readable on a monochrome console."""
    mark = "[X]" if ticked else "[ ]"
    return Text(f"{mark} {item.label}", no_wrap=True, overflow="ellipsis")


class TickFilter(LineInput):
    """The filter line; ↓ goes down to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "screen.focus_list",
            "Liste",
            id="tick-filter-down",
            tooltip="Descendre dans la liste.",
            show=False,
        ),
    ]


class TickList(OptionList):
    """The lines: Espace ticks the highlighted one; a letter typed here goes to the filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "screen.tick",
            "Cocher",
            id="tick-toggle",
            tooltip="Cocher ou décocher la ligne choisie.",
        ),
    ]

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if (
            isinstance(screen, TickPickDialog)
            and screen.filterable
            and event.is_printable
            and event.character not in (None, " ")
        ):
            event.stop()
            event.prevent_default()
            screen.type_in_filter(event.character or "")


class TickPickDialog(ModalScreen[list[str] | None]):
    """Returns the ids of the ticked lines, in the list's order; Escape: None.

    With a `filter_placeholder`, letters typed in the list go to a filter line above it
    (words of the label or of `Tickable.words`); ticks hidden by the filter are kept.
    Enter (or a click) ticks like Espace; subclasses may make Enter keep the ticks instead
    (a priority binding), word F2 and Escape their own way, and show a count (`count_text`).
    """

    DEFAULT_CSS = """
    TickPickDialog { align: center middle; }
    TickPickDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    TickPickDialog TickList {
        height: auto; max-height: 14; border: none; padding: 0;
        &:focus { border: none; }
    }
    TickPickDialog .tick-keys, TickPickDialog #tick-count { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        submit_binding("Garder les lignes cochées et fermer."),
        Binding(
            "escape", "cancel", "Annuler", id="tick-cancel", tooltip="Fermer sans rien changer."
        ),
    ]

    def __init__(
        self,
        title: str,
        items: Sequence[Tickable],
        chosen: Collection[str],
        *,
        keys: str,
        filter_placeholder: str | None = None,
        empty: str = "",
    ) -> None:
        """`keys`: the line of keys under the list; `empty`: shown instead of an empty list."""
        super().__init__()
        self.pick_title = title
        self.items = list(items)
        self.by_id = {item.id: item for item in self.items}
        self.chosen = set(chosen)
        self.keys = keys
        self.filter_placeholder = filter_placeholder
        self.empty = empty

    @property
    def filterable(self) -> bool:
        return self.filter_placeholder is not None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.pick_title
            if not self.items and self.empty:
                yield Static(self.empty, classes="tick-keys", markup=False)
                return
            if self.filter_placeholder is not None:
                yield TickFilter(
                    placeholder=self.filter_placeholder,
                    id="tick-filter",
                    compact=True,
                    # Letters typed in the list come here one by one: none may replace another.
                    select_on_focus=False,
                )
            yield TickList(id="tick-list")
            yield Static("", id="tick-count")
            yield Static(self.keys, classes="tick-keys", markup=False)

    def on_mount(self) -> None:
        if self.query(TickList):
            self.show_lines()
            self.query_one(TickList).focus()

    # --- hooks ---------------------------------------------------------------------------

    def count_text(self, ticked: int, hidden: int) -> str:
        """The line under the list: how many are ticked, hidden by the filter (none here)."""
        return ""

    # --- the list ------------------------------------------------------------------------

    @property
    def filter_text(self) -> str:
        lines = self.query(TickFilter)
        return lines.first().value if lines else ""

    def shown(self) -> list[Tickable]:
        query = self.filter_text
        return [item for item in self.items if matches(query, item.label, *item.words)]

    def show_lines(self) -> None:
        listing = self.query_one(TickList)
        listing.clear_options()
        listing.add_options(
            [Option(tick_line(item, item.id in self.chosen), id=item.id) for item in self.shown()]
        )
        if listing.option_count:
            listing.highlighted = 0  # Espace acts at once on the first line
        self.show_count()

    def show_count(self) -> None:
        hidden = len(self.items) - self.query_one(TickList).option_count
        count = self.query_one("#tick-count", Static)
        text = self.count_text(len(self.chosen), hidden)
        count.update(text)
        count.display = bool(text)

    def type_in_filter(self, character: str) -> None:
        line = self.query_one(TickFilter)
        line.value += character
        line.cursor_position = len(line.value)
        line.focus()

    @on(Input.Changed, "#tick-filter")
    def refilter(self) -> None:
        self.show_lines()

    @on(Input.Submitted, "#tick-filter")
    def action_focus_list(self) -> None:
        self.set_focus(self.query_one(TickList))

    # --- the keys ------------------------------------------------------------------------

    def action_tick(self) -> None:
        listing = self.query_one(TickList)
        index = listing.highlighted
        if index is None:
            return
        item_id = listing.get_option_at_index(index).id
        if item_id is None:
            return
        self.chosen ^= {item_id}
        ticked = tick_line(self.by_id[item_id], item_id in self.chosen)
        listing.replace_option_prompt_at_index(index, ticked)
        self.show_count()

    @on(OptionList.OptionSelected, "#tick-list")
    def tick_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()

    def action_submit(self) -> None:
        if not self.query(TickList):
            self.dismiss(None)  # nothing was there to tick
            return
        self.dismiss([item.id for item in self.items if item.id in self.chosen])

    def action_cancel(self) -> None:
        if self.filter_text:
            self.query_one(TickFilter).value = ""
            self.action_focus_list()
            return
        self.dismiss(None)
