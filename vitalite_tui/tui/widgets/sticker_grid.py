"""Counting the felt barometer's stickers: a line per indicator, a cell per value 0–10.

The number of stickers is typed, then Enter; the grid calls its keeper (the part) to store
each count at once (see `keepers.py`), and handles every key in its own queue, in the order
typed (see `typing_order.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.felt import VALUES
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.tui.keys import digit_bindings
from vitalite_tui.tui.widgets.felt_grid import Said
from vitalite_tui.tui.widgets.keepers import FeltKeeper
from vitalite_tui.tui.widgets.table import shorten
from vitalite_tui.tui.widgets.typing_order import refused_in_order

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

    def __init__(self, keeper: FeltKeeper, *, id: str | None = None) -> None:
        """`keeper` reads a collège's counts and stores one count (see `keepers.py`)."""
        super().__init__(id=id)
        self._keeper = keeper
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
        counts = self._keeper.sticker_counts(self.college)
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
        if not self._keeper.save_sticker_count(number, self.value, count, self.college):
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
