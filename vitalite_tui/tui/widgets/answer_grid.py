"""A paper sheet's answers, one line per question: one key per answer, the cursor moves on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from vitalite_tui.tui.widgets.keepers import SheetKeeper
from vitalite_tui.tui.widgets.table import shorten
from vitalite_tui.tui.widgets.typing_order import refused_in_order

#: The answer cell at the end of each line: « [3] ».
CELL_WIDTH = 5
#: Rows kept visible above and below the cursor when the list scrolls.
CONTEXT = Spacing(1, 0, 1, 0)


@dataclass
class GridRow:
    """One line of the sheet: a profile choice (age band…) or a statement, and its answer."""

    code: str
    text: str
    #: Labels of the answers 1 … n, in key order.
    options: tuple[str, ...]
    #: What 0 means here: « Sans réponse », « non renseigné ».
    none_label: str
    profile: bool = False
    #: None: nothing typed yet; 0: sans réponse; 1 … n: the answer.
    value: int | None = None

    @property
    def size(self) -> int:
        return len(self.options)

    def answer_label(self, value: int | None) -> str:
        if value is None:
            return ""
        return self.none_label if value == 0 else self.options[value - 1]

    @property
    def legend(self) -> str:
        """« 1 Pas du tout d'accord · 2 … · 0 Sans réponse »: the keys of this row."""
        # No-break spaces: a key never ends a line apart from its label.
        keys = [f"{rank}\u00a0{label}" for rank, label in enumerate(self.options, start=1)]
        return " · ".join([*keys, f"0\u00a0{self.none_label}"])


class SheetGrid(ScrollView, can_focus=True):
    """The answer lines. Every key is handled here, in the order it was typed.

    A digit answers the line marked ▶ and moves on at once, within this widget's own key
    handler: a burst « 3 4 4 2 1 » fills five consecutive lines, whatever the laptop is
    doing meanwhile. No focus moves between lines, hence no key can land on the wrong one.
    """

    DEFAULT_CSS = """
    SheetGrid {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        background: $surface;
    }
    SheetGrid > .sheet-grid--code { color: $text-muted; }
    SheetGrid > .sheet-grid--empty { color: $text-muted; }
    SheetGrid > .sheet-grid--none { color: $text-warning; text-style: bold; }
    SheetGrid > .sheet-grid--answer { color: $text-accent; text-style: bold; }
    SheetGrid > .sheet-grid--cursor { background: $foreground 10%; }
    SheetGrid:focus > .sheet-grid--cursor { background: $accent 45%; }
    SheetGrid > .sheet-grid--marked { background: $warning 45%; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "sheet-grid--code",
        "sheet-grid--empty",
        "sheet-grid--none",
        "sheet-grid--answer",
        "sheet-grid--cursor",
        "sheet-grid--marked",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(digit),
                f"answer({digit})",
                f"Réponse {digit}",
                id=f"sheet-answer-{digit}",
                tooltip=(
                    "Sans réponse (ou profil non renseigné), puis la ligne suivante."
                    if digit == 0
                    else f"Réponse {digit} à la ligne marquée ▶ (voir la légende), "
                    "puis la ligne suivante."
                ),
                show=False,
            )
            for digit in range(10)
        ),
        Binding(
            "backspace",
            "back_one",
            "Reculer",
            id="sheet-back",
            tooltip="Revenir à la ligne précédente et effacer sa réponse.",
            key_display="⌫",
        ),
        Binding(
            "up",
            "move(-1)",
            "Monter",
            id="sheet-up",
            tooltip="Monter d'une ligne sans rien changer (sur la première : les champs du haut).",
            show=False,
        ),
        Binding(
            "down",
            "move(1)",
            "Descendre",
            id="sheet-down",
            tooltip="Descendre d'une ligne sans rien changer.",
            show=False,
        ),
        Binding(
            "enter",
            "move(1)",
            "Garder",
            id="sheet-keep",
            tooltip="Garder la réponse de la ligne et passer à la suivante.",
            show=False,
        ),
        Binding(
            "pageup",
            "move(-10)",
            "Page précédente",
            id="sheet-page-up",
            tooltip="Remonter de dix lignes.",
            show=False,
        ),
        Binding(
            "pagedown",
            "move(10)",
            "Page suivante",
            id="sheet-page-down",
            tooltip="Descendre de dix lignes.",
            show=False,
        ),
        Binding(
            "end",
            "first_empty",
            "Première vide",
            id="sheet-first-empty",
            tooltip="Aller à la première ligne sans réponse tapée.",
            show=False,
        ),
    ]

    class Changed(Message):
        """An answer was typed or the cursor moved."""

        def __init__(self, grid: SheetGrid) -> None:
            super().__init__()
            self.grid = grid

        @property
        def control(self) -> SheetGrid:
            return self.grid

    class Refused(Message):
        """A key that is no answer here (a 7 on a four-point scale, a letter)."""

        def __init__(self, grid: SheetGrid, key: str) -> None:
            super().__init__()
            self.grid = grid
            self.key = key

        @property
        def control(self) -> SheetGrid:
            return self.grid

    def __init__(
        self,
        rows: Sequence[GridRow],
        *,
        keeper: SheetKeeper | None = None,
        id: str | None = None,
    ) -> None:
        """`keeper` is called as soon as the last line gets its answer, before the next key,
        and when ↑ or ⌫ goes above the first line (see `keepers.py`)."""
        super().__init__(id=id)
        self.rows = list(rows)
        #: The line marked ▶; len(rows) once the last line is answered (« after the end »).
        self.cursor = 0
        #: A line shown in the warning colour (a difference being resolved), if any.
        self.marked: int | None = None
        #: No typing, no moving: the lines are being compared, not typed.
        self.locked = False
        self._keeper = keeper
        self.code_width = max((len(row.code) for row in self.rows), default=0)

    # --- state -------------------------------------------------------------------------

    @property
    def current(self) -> GridRow | None:
        return self.rows[self.cursor] if self.cursor < len(self.rows) else None

    @property
    def typed(self) -> int:
        """Lines with an answer typed (0 included)."""
        return sum(1 for row in self.rows if row.value is not None)

    def first_empty(self) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.value is None), None)

    def set_values(self, values: Sequence[int | None]) -> None:
        """Every line's answer at once (a blank sheet, a stored one); the cursor to the top."""
        for row, value in zip(self.rows, values, strict=True):
            row.value = value
        self.marked = None
        self.go_to(0)

    def go_to(self, index: int) -> None:
        self.cursor = max(0, min(index, len(self.rows)))
        self._show_cursor()
        self._changed()

    def mark(self, index: int | None) -> None:
        """Highlight one line (and move there), or none."""
        self.marked = index
        if index is not None:
            self.go_to(index)
        else:
            self.refresh()

    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Changed(self))

    # --- keys, in typing order ---------------------------------------------------------

    async def _on_key(self, event: events.Key) -> None:
        if await refused_in_order(self, event):
            # A letter, or a digit beyond the scale: never typed anywhere, said at once.
            self.app.bell()
            self.post_message(self.Refused(self, event.character or event.key))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.locked:
            return False
        if action == "answer":
            row = self.current
            return row is not None and int(str(parameters[0])) <= row.size
        return True

    def action_answer(self, value: int) -> None:
        row = self.current
        if row is None or not 0 <= value <= row.size:
            return
        row.value = value
        self.cursor += 1
        self._show_cursor()
        self._changed()
        if self.cursor == len(self.rows) and self._keeper is not None:
            self._keeper.sheet_typed()

    def action_back_one(self) -> None:
        if self.cursor == 0:
            if self._keeper is not None:
                self._keeper.leave_top()
            return
        self.cursor -= 1
        self.rows[self.cursor].value = None
        self._show_cursor()
        self._changed()

    def action_move(self, step: int) -> None:
        if step < 0 and self.cursor == 0:
            if self._keeper is not None:
                self._keeper.leave_top()
            return
        self.go_to(min(self.cursor + step, len(self.rows) - 1))

    def action_first_empty(self) -> None:
        empty = self.first_empty()
        self.go_to(len(self.rows) - 1 if empty is None else empty)

    # --- drawing -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.virtual_size = Size(0, len(self.rows))

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        if not self.size.height:
            return
        line = min(self.cursor, len(self.rows) - 1)
        self.scroll_to_region(
            Region(0, line, 1, 1), spacing=CONTEXT, animate=False, force=True, immediate=True
        )

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"sheet-grid--{name}", partial=True)

    def render_line(self, y: int) -> Strip:
        index = y + round(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        line = base
        if index == self.marked:
            line += self._style("marked")
        elif index == self.cursor:
            line += self._style("cursor")
        if row.value is None:
            cell, cell_style = "[ ]", self._style("empty")
        elif row.value == 0:
            cell, cell_style = "[0]", self._style("none")
        else:
            cell, cell_style = f"[{row.value}]", self._style("answer")
        text = row.text
        if row.profile and row.value is not None:
            text = f"{row.text} : {row.answer_label(row.value)}"
        text_width = max(width - 2 - self.code_width - 1 - CELL_WIDTH, 4)
        segments = [
            Segment("▶ " if index == self.cursor else "  ", line),
            Segment(row.code.ljust(self.code_width) + " ", line + self._style("code")),
            Segment(set_cell_size(shorten(text, text_width), text_width), line),
            Segment(f" {cell} ", line + cell_style),
        ]
        return Strip(segments).adjust_cell_length(width, line)
