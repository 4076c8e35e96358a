"""A grid of dot counts, one line per candidate action: digits typed in the cell marked ▸.

Two ways of typing, both handled here in the order the keys were typed:

- *counted* (the wall tally): digits build the count of the current cell, Enter stores it
  and goes down a line (from the last line, to the top of the next column); ←/→ change
  column, ↑/↓ line (a count being typed is stored first);
- *instant* (a ballot): one digit is the number of dots of the current line, which is
  stored at once, and the cursor goes down a line.

Storing is the `commit` callback's job: it runs at once, before the next key is read, and
returns False when the store refused the value (the digits typed then stay in the cell).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from vitalite_tui.tui.keys import digit_bindings
from vitalite_tui.tui.widgets.table import shorten
from vitalite_tui.tui.widgets.typing_order import refused_in_order

#: Digits of a count typed in one cell (up to 999 dots).
MAX_DIGITS = 3


@dataclass(frozen=True)
class DotsColumn:
    """A column: its key, its short French header, its width; the total sums the others."""

    key: str
    label: str
    width: int
    editable: bool = True
    total: bool = False


@dataclass
class DotsLine:
    """One action's line: its number on the list, its title, its counts by column key."""

    key: str
    number: int
    title: str
    values: dict[str, int | None] = field(default_factory=dict)

    def value(self, column: DotsColumn, columns: Sequence[DotsColumn]) -> int | None:
        if column.total:
            return sum(self.values.get(c.key) or 0 for c in columns if not c.total)
        return self.values.get(column.key)


#: Where the cursor is, in its cell: seen without colour (a projector, a 16-colour console).
CELL_MARK = "▸"


def marked(text: str, width: int) -> str:
    """The text of the cell being typed into, right-aligned after its mark."""
    return f"{CELL_MARK}{text.rjust(width - 1)}"


#: commit(line, column, value): store it (None clears the cell); False when refused.
Commit = Callable[[DotsLine, DotsColumn, int | None], bool]


class DotsGrid(ScrollView, can_focus=True):
    """The lines of the vote, the header kept on top. Every key is handled in typing order."""

    DEFAULT_CSS = """
    DotsGrid {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        background: $surface;
    }
    DotsGrid > .dots-grid--header { color: $text-muted; text-style: bold; }
    DotsGrid > .dots-grid--muted { color: $text-muted; }
    DotsGrid > .dots-grid--line { background: $foreground 8%; }
    DotsGrid > .dots-grid--cell { background: $foreground 20%; }
    DotsGrid:focus > .dots-grid--cell { background: $accent 60%; text-style: bold; }
    DotsGrid > .dots-grid--typing { color: $text-warning; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "dots-grid--header",
        "dots-grid--muted",
        "dots-grid--line",
        "dots-grid--cell",
        "dots-grid--typing",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *digit_bindings(
            "digit({n})",
            "Chiffre {n}",
            "Taper le nombre de gommettes de la case marquée ▸.",
            "dots-digit",
        ),
        Binding(
            "enter",
            "validate",
            "Valider",
            id="dots-validate",
            tooltip="Enregistrer le nombre tapé et descendre à l'action suivante.",
        ),
        Binding(
            "backspace",
            "erase",
            "Effacer",
            id="dots-erase",
            tooltip="Effacer le dernier chiffre tapé.",
            show=False,
        ),
        Binding(
            "delete",
            "clear",
            "Vider",
            id="dots-clear",
            tooltip="Vider la case (rien n'a été lu sur le mur pour elle).",
            show=False,
        ),
        Binding(
            "up",
            "move(-1)",
            "Action précédente",
            id="dots-up",
            tooltip="Monter d'une action (le nombre tapé est d'abord enregistré).",
            show=False,
        ),
        Binding(
            "down",
            "move(1)",
            "Action suivante",
            id="dots-down",
            tooltip="Descendre d'une action (le nombre tapé est d'abord enregistré).",
            show=False,
        ),
        Binding(
            "pageup",
            "move(-10)",
            "Page précédente",
            id="dots-page-up",
            tooltip="Remonter de dix actions.",
            show=False,
        ),
        Binding(
            "pagedown",
            "move(10)",
            "Page suivante",
            id="dots-page-down",
            tooltip="Descendre de dix actions.",
            show=False,
        ),
        Binding(
            "left",
            "column(-1)",
            "Collège précédent",
            id="dots-left",
            tooltip="Passer à la colonne de gauche (le nombre tapé est d'abord enregistré).",
            show=False,
        ),
        Binding(
            "right",
            "column(1)",
            "Collège suivant",
            id="dots-right",
            tooltip="Passer à la colonne de droite (le nombre tapé est d'abord enregistré).",
            show=False,
        ),
    ]

    class Changed(Message):
        """A value was stored or the cursor moved."""

        def __init__(self, grid: DotsGrid) -> None:
            super().__init__()
            self.grid = grid

        @property
        def control(self) -> DotsGrid:
            return self.grid

    def __init__(
        self,
        columns: Sequence[DotsColumn],
        *,
        commit: Commit,
        instant: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self.editable = [column for column in self.columns if column.editable]
        self.lines: list[DotsLine] = []
        self.row = 0
        self.column = 0
        #: Digits typed in the current cell, not yet stored.
        self.buffer = ""
        self.instant = instant
        #: Nothing can be typed (the round is closed): the lines are only read.
        self.locked = False
        self._commit = commit

    # --- state -------------------------------------------------------------------------

    @property
    def current(self) -> DotsLine | None:
        return self.lines[self.row] if self.lines else None

    @property
    def current_column(self) -> DotsColumn:
        return self.editable[self.column]

    def set_lines(self, lines: Sequence[DotsLine], *, restart: bool = False) -> None:
        """New lines (from the store); the cursor stays on the same action if it is there.

        `restart` (another list: a tie-break round) puts it back on the first line of the
        first column (the first collège), wherever it was in the list before."""
        keep = self.current.key if self.current is not None else None
        self.lines = list(lines)
        keys = [line.key for line in self.lines]
        if restart or keep not in keys:
            self.row = 0
        else:
            self.row = keys.index(keep)
        if restart:
            self.column = 0
        self.buffer = ""
        self.virtual_size = Size(0, len(self.lines) + 1)
        self._show_cursor()
        self.refresh()
        self.refresh_bindings()  # with no line, there is nothing to type into

    def go_to(self, row: int) -> None:
        self.row = max(0, min(row, len(self.lines) - 1))
        self._show_cursor()
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Changed(self))

    def _store(self, value: int | None) -> bool:
        line = self.current
        if line is None:
            return False
        column = self.current_column
        if not self._commit(line, column, value):
            self.app.bell()
            return False
        line.values[column.key] = value
        self.buffer = ""
        self._changed()
        return True

    def _flush(self) -> bool:
        """Store the digits being typed, if any; False when the store refused them."""
        return not self.buffer or self._store(int(self.buffer))

    # --- keys, in typing order ---------------------------------------------------------

    async def _on_key(self, event: events.Key) -> None:
        if await refused_in_order(self, event):
            self.app.bell()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if (self.locked or self.current is None) and action in {
            "digit",
            "validate",
            "erase",
            "clear",
        }:
            return False
        if action in {"validate", "erase"}:
            return not self.instant
        if action == "column":
            return len(self.editable) > 1
        return True

    def action_digit(self, digit: int) -> None:
        if self.current is None:
            return
        if self.instant:
            if self._store(digit):
                self.go_to(self.row + 1)
            return
        if len(self.buffer) >= MAX_DIGITS:
            self.app.bell()
            return
        self.buffer = (self.buffer + str(digit)).lstrip("0") or "0"
        self.refresh()

    def action_validate(self) -> None:
        """Store the count, then the line below; after the last line, the top of the next
        column (the wall is often read one colour of stickers at a time)."""
        if not self._flush():
            return
        if self.row == len(self.lines) - 1 and self.column < len(self.editable) - 1:
            self.column += 1
            self.go_to(0)
        else:
            self.go_to(self.row + 1)

    def action_erase(self) -> None:
        if self.buffer:
            self.buffer = self.buffer[:-1]
            self.refresh()
        else:
            self.app.bell()

    def action_clear(self) -> None:
        self.buffer = ""
        self._store(0 if self.instant else None)

    def action_move(self, step: int) -> None:
        if self._flush():
            self.go_to(self.row + step)

    def action_column(self, step: int) -> None:
        if self._flush():
            self.column = max(0, min(self.column + step, len(self.editable) - 1))
            self._changed()

    # --- drawing -----------------------------------------------------------------------

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        """Scroll so that the line marked ▶ is visible under the header, with one around."""
        visible = self.scrollable_content_region.height - 1
        if visible <= 0 or not self.lines:
            return
        top = round(self.scroll_offset.y)
        if self.row - 1 < top:
            top = max(self.row - 1, 0)
        elif self.row + 1 >= top + visible:
            top = min(self.row + 2 - visible, max(len(self.lines) - visible, 0))
        self.scroll_to(y=top, animate=False, immediate=True, force=True)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"dots-grid--{name}", partial=True)

    def _title_width(self, width: int) -> int:
        fixed = 2 + 4 + sum(column.width + 1 for column in self.columns)
        return max(width - fixed, 8)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._header(width, base)
        index = y - 1 + round(self.scroll_offset.y)
        if index >= len(self.lines):
            return Strip.blank(width, base)
        line = self.lines[index]
        here = index == self.row
        style = base + self._style("line") if here else base
        title_width = self._title_width(width)
        segments = [
            Segment("▶ " if here else "  ", style),
            Segment(f"{line.number:>3} ", style + self._style("muted")),
            Segment(set_cell_size(shorten(line.title, title_width), title_width), style),
        ]
        for column in self.columns:
            segments.append(Segment(" ", style))
            segments.append(self._cell(line, column, here, style))
        return Strip(segments).adjust_cell_length(width, style)

    def _cell(self, line: DotsLine, column: DotsColumn, here: bool, style: Style) -> Segment:
        current = here and column.editable and column is self.current_column
        if current and self.buffer:
            return Segment(
                marked(f"{self.buffer}_", column.width),
                style + self._style("cell") + self._style("typing"),
            )
        value = line.value(column, self.columns)
        shown = "·" if value is None else str(value)
        text = shown.rjust(column.width)
        if current:
            # Marked by a character too: colour alone is lost on a washed-out projector.
            return Segment(marked(shown, column.width), style + self._style("cell"))
        if value is None or not column.editable:
            return Segment(text, style + self._style("muted"))
        return Segment(text, style)

    def _header(self, width: int, base: Style) -> Strip:
        style = base + self._style("header")
        title_width = self._title_width(width)
        segments = [
            Segment("    # ", style),
            Segment(set_cell_size("Action", title_width), style),
        ]
        for column in self.columns:
            segments.append(Segment(" " + column.label.rjust(column.width), style))
        return Strip(segments).adjust_cell_length(width, style)
