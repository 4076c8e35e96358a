"""Typing the felt barometer: one key per value, person after person, or stickers counted.

`FeltGrid` has one line per person present and a cell per indicator: a key (0–9, x for 10)
fills the cell marked and moves on, I1 → I2 → I3 → I4 → the next person; the fourth value
stores the person at once. `StickerGrid` has a line per indicator and a cell per value 0–10:
the number of stickers is typed, then Enter. Both handle every key in their own queue, in
the order typed (see `typing_order.py`), and never call the store: the part passes them
callbacks that store and say whether it worked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.felt import HIGHEST, VALUES
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.store.felt.records import FeltEntry, FeltValues
from vitalite_tui.tui.keys import digit_bindings
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


def indicator_code(index: int) -> str:
    return INDICATORS[index].code


def _say_values(values: Sequence[int | None]) -> str:
    """« I1 5 · I2 7 · I3 – · I4 10 »."""
    shown = ("–" if v is None else str(v) for v in values)
    return " · ".join(f"{indicator_code(i)} {v}" for i, v in enumerate(shown))


class Said(Message):
    """Something to tell the facilitator on the status line (a row saved, a key refused)."""

    def __init__(self, text: str, warning: bool = False) -> None:
        super().__init__()
        self.text = text
        self.warning = warning


# ---------------------------------------------------------------- person after person


@dataclass
class FeltRow:
    """A person's line: the values on screen, and those the store holds."""

    participant_id: str
    code: str
    name: str
    college: College
    values: list[int | None]
    saved: FeltValues

    @classmethod
    def of(cls, entry: FeltEntry) -> FeltRow:
        return cls(
            entry.participant_id,
            entry.code,
            entry.name,
            entry.college,
            list(entry.values),
            entry.values,
        )

    @property
    def dirty(self) -> bool:
        """Typed (or erased) but not stored yet."""
        return tuple(self.values) != self.saved

    @property
    def missing(self) -> list[int]:
        return [index for index, value in enumerate(self.values) if value is None]

    @property
    def mark(self) -> str:
        """« * » typed not stored, « ✔ » four values stored, « … » some stored."""
        if self.dirty:
            return "*"
        given = sum(1 for value in self.saved if value is not None)
        return "✔" if given == len(self.saved) else "…" if given else " "


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

    def __init__(
        self,
        *,
        save: Callable[[FeltRow], bool],
        clear: Callable[[FeltRow], bool],
        id: str | None = None,
    ) -> None:
        """`save` stores a row's values, `clear` removes them: each returns False (after
        reporting why) when the store refused."""
        super().__init__(id=id)
        self.rows: list[FeltRow] = []
        #: The line marked ▶; len(rows) after the last person (« fin de la liste »).
        self.row = 0
        #: The cell marked on that line: 0 … 3 for I1 … I4.
        self.col = 0
        self._save = save
        self._clear = clear

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
        if not self._save(row):
            self._changed()
            return
        row.saved = tuple(row.values)
        self.go_to(self.row + 1)
        if any(value is not None for value in row.values):
            self.say(f"✔ {row.name} : {_say_values(row.values)}")
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
        if any(value is not None for value in row.saved) and not self._clear(row):
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


# ---------------------------------------------------------------- stickers counted


#: The collèges a sticker count can be for: everyone (None), then each collège.
STICKER_COLLEGES: tuple[College | None, ...] = (None, *College)
STICKER_NAME = 15
STICKER_CELL = 5
#: At most this many digits in one count (the store caps it lower).
STICKER_DIGITS = 3


def college_name(college: College | None) -> str:
    return "tous" if college is None else college.plural


@dataclass
class StickerState:
    """Counts on screen for one collège (or everyone), per indicator, per value 0–10."""

    counts: dict[int, list[int]] = field(
        default_factory=lambda: {shown.number: [0] * len(VALUES) for shown in INDICATORS}
    )


class StickerGrid(Widget, can_focus=True):
    """A line per indicator, a cell per value 0–10: the stickers read off the wall."""

    DEFAULT_CSS = """
    StickerGrid { height: 5; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *digit_bindings(
            "digit({n})",
            "Chiffre {n}",
            "Un chiffre du nombre de gommettes de la case marquée (puis ⏎).",
            "stickers-digit",
        ),
        Binding(
            "enter",
            "validate",
            "Valider",
            id="stickers-validate",
            tooltip="Enregistrer le nombre tapé pour la case marquée, puis la case suivante.",
        ),
        Binding(
            "backspace",
            "erase",
            "Reculer",
            id="stickers-back",
            tooltip="Effacer le dernier chiffre tapé ; sans chiffre tapé : la case précédente.",
            key_display="⌫",
            show=False,
        ),
        Binding(
            "delete",
            "zero",
            "Zéro",
            id="stickers-zero",
            tooltip="Aucune gommette sur la case marquée (0).",
            show=False,
        ),
        Binding(
            "up",
            "indicator(-1)",
            "Indicateur précédent",
            id="stickers-up",
            tooltip="L'indicateur au-dessus, même valeur.",
            show=False,
        ),
        Binding(
            "down",
            "indicator(1)",
            "Indicateur suivant",
            id="stickers-down",
            tooltip="L'indicateur en dessous, même valeur.",
            show=False,
        ),
        Binding(
            "shift+left",
            "cell(-1)",
            "Valeur précédente",
            id="stickers-previous",
            tooltip="La valeur à gauche, sans rien changer.",
            show=False,
        ),
        Binding(
            "shift+right",
            "cell(1)",
            "Valeur suivante",
            id="stickers-next",
            tooltip="La valeur à droite, sans rien changer.",
            show=False,
        ),
        Binding(
            "left",
            "college(-1)",
            "Collège",
            id="stickers-college-previous",
            tooltip="Les gommettes du collège précédent (ou de tous).",
            show=False,
        ),
        Binding(
            "right",
            "college(1)",
            "Collège",
            id="stickers-college",
            tooltip="Les gommettes du collège suivant : tous, élus, acteurs, habitants.",
            key_display="←→",
        ),
    ]

    class Changed(Message):
        """A count was stored, a digit typed, the cursor or the collège changed."""

    def __init__(
        self,
        *,
        load: Callable[[College | None], Mapping[int, Sequence[int]] | None],
        save: Callable[[int, int, int, College | None], bool],
        id: str | None = None,
    ) -> None:
        """`load` reads a collège's counts (None after reporting why); `save(indicator,
        value, count, collège)` stores one count and says whether it worked."""
        super().__init__(id=id)
        self._load = load
        self._save = save
        self.college_index = 0
        self.state = StickerState()
        self.indicator = 0  # 0 … 3
        self.value = 0  # 0 … 10
        #: Digits typed for the marked cell, not yet validated.
        self.buffer = ""

    @property
    def college(self) -> College | None:
        return STICKER_COLLEGES[self.college_index]

    def reload(self) -> None:
        counts = self._load(self.college)
        if counts is not None:
            self.state = StickerState({number: list(values) for number, values in counts.items()})
        self._changed()

    def say(self, text: str, *, warning: bool = False) -> None:
        if warning:
            self.app.bell()
        self.post_message(Said(text, warning))

    def _changed(self) -> None:
        self.refresh()
        self.post_message(self.Changed())

    def _count(self) -> int:
        return self.state.counts[INDICATORS[self.indicator].number][self.value]

    def _refuse_moving(self) -> bool:
        if not self.buffer:
            return False
        self.say(
            f"« {self.buffer} » n'est pas validé : ⏎ pour l'enregistrer, ⌫ pour l'effacer",
            warning=True,
        )
        return True

    # --- keys, in typing order ---------------------------------------------------------

    async def _on_key(self, event: events.Key) -> None:
        if await refused_in_order(self, event):
            self.say(
                f"« {event.character or event.key} » : tapez le nombre de gommettes, puis ⏎",
                warning=True,
            )

    def action_digit(self, digit: int) -> None:
        if len(self.buffer) >= STICKER_DIGITS:
            self.say("Un nombre de gommettes tient en trois chiffres", warning=True)
            return
        self.buffer = (self.buffer + str(digit)).lstrip("0") or "0"
        self._changed()

    def action_validate(self) -> None:
        if self.buffer:
            count = int(self.buffer)
            if not self._store(count):
                return
            self.buffer = ""
        self._step(1)

    def _store(self, count: int) -> bool:
        number = INDICATORS[self.indicator].number
        if not self._save(number, self.value, count, self.college):
            return False
        self.state.counts[number][self.value] = count
        self.say(
            f"✔ {INDICATORS[self.indicator].code}, valeur {self.value} : {count} "
            f"({college_name(self.college)})"
        )
        return True

    def action_erase(self) -> None:
        if self.buffer:
            self.buffer = self.buffer[:-1]
            self._changed()
            return
        self._step(-1)

    def action_zero(self) -> None:
        self.buffer = ""
        if self._count() and not self._store(0):
            return
        self._changed()

    def _step(self, step: int) -> None:
        """The next (or previous) cell, on to the next indicator after 10."""
        position = self.indicator * len(VALUES) + self.value + step
        position = max(0, min(position, len(INDICATORS) * len(VALUES) - 1))
        self.indicator, self.value = divmod(position, len(VALUES))
        self._changed()

    def action_indicator(self, step: int) -> None:
        if self._refuse_moving():
            return
        self.indicator = max(0, min(self.indicator + step, len(INDICATORS) - 1))
        self._changed()

    def action_cell(self, step: int) -> None:
        if self._refuse_moving():
            return
        self._step(step)

    def action_college(self, step: int) -> None:
        if self._refuse_moving():
            return
        self.college_index = (self.college_index + step) % len(STICKER_COLLEGES)
        self.reload()

    # --- drawing -----------------------------------------------------------------------

    def render(self) -> Content:
        muted, accent = "$text-muted", "$text-accent bold"
        cursor = "reverse bold" if self.has_focus else "bold underline"
        head = [("valeur".ljust(STICKER_NAME), muted)]
        head += [(str(value).rjust(STICKER_CELL), muted) for value in VALUES]
        head.append(("  total", muted))
        lines = [Content.assemble(*head)]
        for index, shown in enumerate(INDICATORS):
            counts = self.state.counts[shown.number]
            name = shorten(f"{shown.code} {shown.short_name}", STICKER_NAME - 1)
            parts: list[tuple[str, str] | str] = [name.ljust(STICKER_NAME)]
            for value, count in enumerate(counts):
                here = index == self.indicator and value == self.value
                text = f"{self.buffer}_" if here and self.buffer else str(count) if count else "·"
                style = cursor if here else accent if count else muted
                parts.append(" " * (STICKER_CELL - len(text)))
                parts.append((text, style))
            parts.append((str(sum(counts)).rjust(7), "bold"))
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
