"""Choose a sub-group by its number (one key), e.g. to move someone into it."""

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

from vitalite_tui.store.workshop_records import SubGroupRecord
from vitalite_tui.tui.widgets.table import shorten

#: Digit keys 1–9 choose the sub-group of that number at once.
_DIGITS = tuple(str(n) for n in range(1, 10))


def group_choice(group: SubGroupRecord) -> str:
    """« 2  Sous-groupe 2 (11 pers.) · Perspectives / Impuissance », cut to the box."""
    theme = f" · {group.theme}" if group.theme else ""
    return shorten(f"{group.position}  {group.name} ({len(group.members)} pers.){theme}", 66)


class SubGroupPickDialog(ModalScreen[str | None]):
    """Returns the id of the sub-group chosen (digit, or ↑↓ then Enter); Escape: None."""

    DEFAULT_CSS = """
    SubGroupPickDialog { align: center middle; }
    SubGroupPickDialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    SubGroupPickDialog OptionList {
        height: auto; max-height: 14; border: none; padding: 0;
        &:focus { border: none; }
    }
    SubGroupPickDialog .pick-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                digit,
                f"pick({digit})",
                f"Sous-groupe {digit}",
                id=f"pick-{digit}",
                tooltip=f"Choisir le sous-groupe numéro {digit}.",
                show=False,
            )
            for digit in _DIGITS
        ),
        Binding("escape", "cancel", "Annuler", id="pick-cancel", tooltip="Ne rien changer."),
    ]

    def __init__(
        self, title: str, groups: Sequence[SubGroupRecord], current: str | None = None
    ) -> None:
        super().__init__()
        self.pick_title = title
        self.groups = list(groups)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.pick_title
            options = OptionList(
                *(
                    Option(group_choice(g), id=g.id, disabled=g.id == self.current)
                    for g in self.groups
                ),
                id="pick-list",
            )
            yield options
            yield Static("1–9 ou ↑↓ puis ⏎ Choisir · Échap Annuler", classes="pick-keys")

    def on_mount(self) -> None:
        self.query_one("#pick-list", OptionList).focus()

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.groups) and self.groups[number - 1].id != self.current:
            self.dismiss(self.groups[number - 1].id)
        else:
            self.app.bell()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#pick-list")
    def pick_highlighted(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
