"""Typing the felt barometer: one key per value, person after person (stickers: next door).

`FeltGrid` has one line per person present and a cell per indicator: a key (0–9, x for 10)
fills the cell marked and moves on, I1 → I2 → I3 → I4 → the next person; the fourth value
stores the person at once. It handles every key in its own queue, in the order typed (see
`typing_order.py`), and never calls the store: it calls its keeper (the part), which stores
and says whether it worked (see `keepers.py`). `sticker_grid.py` counts stickers instead.
"""

from __future__ import annotations

from collections.abc import Sequence
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

from vitalite_tui.domain.felt import HIGHEST, VALUES
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.store.felt.records import FeltEntry
from vitalite_tui.tui.widgets.felt_row import FeltRow, indicator_code, say_values
from vitalite_tui.tui.widgets.keepers import FeltKeeper
from vitalite_tui.tui.widgets.table import shorten
from vitalite_tui.tui.widgets.typing_order import refused_in_order

#: The indicator cells of a person's line: « I1 », « I2 »…
CELL = 4
CODE = 5
COLLEGE = 7
#: Rows kept visible above and below the cursor when the list scrolls.
CONTEXT = Spacing(1, 0, 1, 0)
#: Keys of the values: the digits, and x for 10 (one key per value, as on a phone).
TEN_KEY = "x"


def value_key(value: int) -> str:
    return TEN_KEY if value == HIGHEST else str(value)


class Said(Message):
    """Something to tell the facilitator on the status line (a row saved, a key refused)."""

    def __init__(self, text: str, warning: bool = False) -> None:
        super().__init__()
        self.text = text
        self.warning = warning


def name_width(width: int) -> int:
    return max(width - 2 - CODE - 1 - COLLEGE - CELL * len(INDICATORS) - 2, 6)


def header_line(width: int) -> str:
    """The column names over the lines of `FeltGrid`, for a grid `width` cells wide."""
    cells = "".join(indicator_code(i).rjust(CELL) for i in range(len(INDICATORS)))
    return (
        f"  {'Code'.ljust(CODE)} {'Nom'.ljust(name_width(width))}{'Collège'.ljust(COLLEGE)}{cells}"
    )


class FeltGrid(ScrollView, can_focus=True):
    """The people present, one line each, and their four values."""

    DEFAULT_CSS = """
    FeltGrid {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        background: $surface;
    }
    FeltGrid > .felt-grid--code { color: $text-muted; }
    FeltGrid > .felt-grid--empty { color: $text-muted; }
    FeltGrid > .felt-grid--value { color: $text-accent; text-style: bold; }
    FeltGrid > .felt-grid--dirty { color: $text-warning; text-style: bold; }
    FeltGrid > .felt-grid--line { background: $foreground 8%; }
    FeltGrid > .felt-grid--cell { background: $foreground 25%; }
    FeltGrid:focus > .felt-grid--cell { background: $accent; color: $text; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "felt-grid--code",
        "felt-grid--empty",
        "felt-grid--value",
        "felt-grid--dirty",
        "felt-grid--line",
        "felt-grid--cell",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                value_key(value),
                f"value({value})",
                f"Valeur {value}",
                id=f"felt-value-{value}",
                tooltip=f"Valeur {value} pour l'indicateur marqué, puis le suivant "
                "(0 = pôle dépression, x = 10 = pôle vitalité).",
                show=False,
            )
            for value in VALUES
        ),
        Binding(
            "backspace",
            "back_one",
            "Reculer",
            id="felt-back",
            tooltip="Revenir à la case précédente et l'effacer.",
            key_display="⌫",
            show=False,
        ),
        Binding(
            "enter",
            "keep",
            "Garder",
            id="felt-keep",
            tooltip="Garder la valeur de la case et passer à la suivante.",
            show=False,
        ),
        Binding(
            "f2",
            "save_row",
            "Enregistrer",
            id="felt-save",
            tooltip="Enregistrer la personne telle quelle, même s'il manque des valeurs.",
        ),
        Binding(
            "delete",
            "clear_row",
            "Effacer",
            id="felt-clear",
            tooltip="Effacer toutes les valeurs de la personne marquée.",
            show=False,
        ),
        Binding(
            "up",
            "move(-1)",
            "Monter",
            id="felt-up",
            tooltip="La personne au-dessus (la ligne en cours doit être enregistrée).",
            show=False,
        ),
        Binding(
            "down",
            "move(1)",
            "Descendre",
            id="felt-down",
            tooltip="La personne en dessous (la ligne en cours doit être enregistrée).",
            show=False,
        ),
        Binding(
            "pageup",
            "move(-10)",
            "Page précédente",
            id="felt-page-up",
            tooltip="Remonter de dix personnes.",
            show=False,
        ),
        Binding(
            "pagedown",
            "move(10)",
            "Page suivante",
            id="felt-page-down",
            tooltip="Descendre de dix personnes.",
            show=False,
        ),
        Binding(
            "left",
            "cell(-1)",
            "Case précédente",
            id="felt-left",
            tooltip="La case à gauche, sans rien changer.",
            show=False,
        ),
        Binding(
            "right",
            "cell(1)",
            "Case suivante",
            id="felt-right",
            tooltip="La case à droite, sans rien changer.",
            show=False,
        ),
    ]

    class Changed(Message):
        """A value was typed or erased, or the cursor moved."""

    def __init__(self, keeper: FeltKeeper, *, id: str | None = None) -> None:
        """`keeper` stores a row's values or removes them, at once (see `keepers.py`)."""
        super().__init__(id=id)
        self.rows: list[FeltRow] = []
        #: The line marked ▶; len(rows) after the last person (« fin de la liste »).
        self.row = 0
        #: The cell marked on that line: 0 … 3 for I1 … I4.
        self.col = 0
        self._keeper = keeper

    # --- state -------------------------------------------------------------------------

    @property
    def current(self) -> FeltRow | None:
        return self.rows[self.row] if self.row < len(self.rows) else None

    @property
    def dirty_row(self) -> FeltRow | None:
        row = self.current
        return row if row is not None and row.dirty else None

    def load(self, entries: Sequence[FeltEntry]) -> None:
        """The people present and their stored values; a line being typed stays as typed."""
        pending = self.dirty_row
        wanted = self.current.participant_id if self.current is not None else None
        self.rows = [FeltRow.of(entry) for entry in entries]
        ids = [row.participant_id for row in self.rows]
        if wanted in ids:
            self.row = ids.index(wanted)
            if pending is not None:
                self.rows[self.row].values = list(pending.values)
        else:
            self.row = min(self.row, len(self.rows))
            self.col = 0
        self.virtual_size = Size(0, len(self.rows) + 1)
        self._changed()

    def go_to(self, row: int, col: int = 0) -> None:
        self.row = max(0, min(row, len(self.rows)))
        self.col = max(0, min(col, len(INDICATORS) - 1))
        self._changed()

    def say(self, text: str, *, warning: bool = False) -> None:
        if warning:
            self.app.bell()
        self.post_message(Said(text, warning))

    def _changed(self) -> None:
        self._show_cursor()
        self.refresh()
        self.post_message(self.Changed())

    def _refuse_leaving(self) -> bool:
        """The line being typed must be stored (or erased) before going to another one."""
        row = self.dirty_row
        if row is None:
            return False
        self.say(
            f"{row.name} : valeurs non enregistrées — tapez la suite, F2 pour enregistrer "
            "ainsi, ou Suppr pour effacer",
            warning=True,
        )
        return True

    # --- keys, in typing order ---------------------------------------------------------

    async def _on_key(self, event: events.Key) -> None:
        if await refused_in_order(self, event):
            self.say(
                f"« {event.character or event.key} » : tapez une valeur de 0 à 9, ou x pour 10",
                warning=True,
            )

    def action_value(self, value: int) -> None:
        row = self.current
        if row is None:
            self.say("Fin de la liste : ↑ pour revenir sur une personne", warning=True)
            return
        row.values[self.col] = value
        self._advance()

    def action_keep(self) -> None:
        if self.current is None:
            return
        self._advance()

    def _advance(self) -> None:
        if self.col < len(INDICATORS) - 1:
            self.col += 1
            self._changed()
            return
        self._finish_row()

    def _finish_row(self) -> None:
        """The last cell passed: store the line (all four, or none), or say what is missing."""
        row = self.current
        assert row is not None
        if not row.dirty:
            self.go_to(self.row + 1)
            return
        missing = row.missing
        if missing and len(missing) < len(INDICATORS):
            self.col = missing[0]
            self._changed()
            names = ", ".join(indicator_code(i) for i in missing)
            self.say(
                f"{row.name} : il manque {names} (tapez-la, ou F2 : enregistrer sans)",
                warning=True,
            )
            return
        self._store(row)

    def _store(self, row: FeltRow) -> None:
        if not self._keeper.save_felt(row.participant_id, row.values):
            self._changed()
            return
        row.saved = tuple(row.values)
        self.go_to(self.row + 1)
        if any(value is not None for value in row.values):
            self.say(f"✔ {row.name} : {say_values(row.values)}")
        else:
            self.say(f"✔ {row.name} : plus aucune valeur")

    def action_save_row(self) -> None:
        row = self.current
        if row is None:
            return
        if not row.dirty:
            self.say(f"Rien de changé pour {row.name}")
            return
        self._store(row)

    def action_back_one(self) -> None:
        if self.col > 0 and self.current is not None:
            self.col -= 1
        elif self.row > 0:
            if self._refuse_leaving():
                return
            self.row -= 1
            self.col = len(INDICATORS) - 1
        else:
            self.app.bell()
            return
        row = self.current
        assert row is not None
        row.values[self.col] = None
        self._changed()

    def action_clear_row(self) -> None:
        row = self.current
        if row is None:
            return
        if any(value is not None for value in row.saved) and not self._keeper.clear_felt(
            row.participant_id
        ):
            return
        row.values = [None] * len(INDICATORS)
        row.saved = tuple(row.values)
        self.go_to(self.row, 0)
        self.say(f"{row.name} : valeurs effacées")

    def action_move(self, step: int) -> None:
        if self._refuse_leaving():
            return
        target = max(0, min(self.row + step, len(self.rows) - 1))
        self.go_to(target, 0)

    def action_cell(self, step: int) -> None:
        if self.current is not None:
            self.go_to(self.row, self.col + step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save_row", "clear_row"):
            return self.current is not None
        return True

    # --- drawing -----------------------------------------------------------------------

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        if not self.size.height:
            return
        self.scroll_to_region(
            Region(0, self.row, 1, 1), spacing=CONTEXT, animate=False, force=True, immediate=True
        )

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"felt-grid--{name}", partial=True)

    def render_line(self, y: int) -> Strip:
        index = y + round(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index == len(self.rows):
            marker = "▶ " if self.row == index else "  "
            text = "— fin de la liste —" if self.rows else "Personne n'est noté présent."
            return Strip([Segment(marker + text, base + self._style("empty"))]).adjust_cell_length(
                width, base
            )
        if index > len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        here = index == self.row
        line = base + self._style("line") if here else base
        names = name_width(width)
        segments = [
            Segment("▶ " if here else "  ", line),
            Segment(row.code.ljust(CODE) + " ", line + self._style("code")),
            Segment(set_cell_size(shorten(row.name, names), names), line),
            Segment(row.college.short.ljust(COLLEGE), line + self._style("code")),
        ]
        for col, value in enumerate(row.values):
            shown = "·" if value is None else str(value)
            style = line + self._style("empty" if value is None else "value")
            if value != row.saved[col]:
                style += self._style("dirty")
            if here and col == self.col:
                style += self._style("cell")
            segments.append(Segment(shown.rjust(CELL - 1) + " ", style))
        mark_style = line + self._style("dirty" if row.dirty else "value")
        segments.append(Segment(" " + row.mark, mark_style))
        return Strip(segments).adjust_cell_length(width, line)
