"""Choose a work axis by its number (one key), e.g. to file a note or to rename the axis."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from vitalite_tui.domain.text import plural
from vitalite_tui.store.axis_records import AxisRecord
from vitalite_tui.tui.widgets.table import shorten

#: Digit keys 1–9 choose the axis of that number at once.
_DIGITS = tuple(str(n) for n in range(1, 10))


def axis_choice(axis: AxisRecord, width: int = 66) -> str:
    """« 2 Rapprocher l'information… (I2) · 14 notes »: the title cut to fit `width`."""
    tag = f" (I{axis.indicator})" if axis.indicator is not None else ""
    counted = f"{tag} · {plural(axis.note_count, 'note')}"
    return shorten(axis.label, width - len(counted)) + counted


class AxisPickDialog(ModalScreen[str | None]):
    """Returns the id of the axis chosen (digit, or ↑↓ then Enter); Escape: None."""

    DEFAULT_CSS = """
    AxisPickDialog { align: center middle; }
    AxisPickDialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    AxisPickDialog OptionList {
        height: auto; max-height: 14; border: none; padding: 0;
        &:focus { border: none; }
    }
    AxisPickDialog .pick-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                digit,
                f"pick({digit})",
                f"Axe {digit}",
                id=f"axis-pick-{digit}",
                tooltip=f"Choisir l'axe numéro {digit}.",
                show=False,
            )
            for digit in _DIGITS
        ),
        Binding("escape", "cancel", "Annuler", id="axis-pick-cancel", tooltip="Ne rien changer."),
    ]

    def __init__(self, title: str, axes: Sequence[AxisRecord]) -> None:
        super().__init__()
        self.pick_title = title
        self.axes = [axis for axis in axes if axis.number is not None]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.pick_title
            yield OptionList(
                *(Option(axis_choice(axis), id=axis.id) for axis in self.axes), id="axis-pick-list"
            )
            yield Static("1–9 ou ↑↓ puis ⏎ Choisir · Échap Annuler", classes="pick-keys")

    def on_mount(self) -> None:
        self.query_one("#axis-pick-list", OptionList).focus()

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.axes):
            self.dismiss(self.axes[number - 1].id)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#axis-pick-list")
    def pick_highlighted(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
