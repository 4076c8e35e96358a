"""Where a charter article comes from: tick kept actions and work axes (Space), F2 keeps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.store.charter_records import Origin
from vitalite_tui.tui.widgets.table import shorten

#: How each kind of origin is named in the list.
KIND_LABELS = {LinkKind.ACTION: "Action", LinkKind.AXIS: "Axe"}


def origin_prompt(origin: Origin, ticked: bool, width: int = 62) -> Content:
    """« [X] Action · Un café associatif itinérant », cut to the box (never read as markup)."""
    # A letter in the box, not a colour: readable on a monochrome console.
    mark = "[X]" if ticked else "[ ]"
    kind = KIND_LABELS.get(origin.kind, "")
    return Content(shorten(f"{mark} {kind} · {origin.title}", width))


class OriginsList(OptionList):
    """Space ticks or unticks the highlighted origin; Enter keeps the ticks and closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "tick",
            "Cocher",
            id="origins-toggle",
            tooltip="Cocher ou décocher l'origine choisie.",
        ),
        Binding(
            "enter",
            "screen.submit",
            "Valider",
            id="origins-enter",
            tooltip="Garder les origines cochées et fermer.",
        ),
    ]

    def __init__(self, origins: Sequence[Origin], chosen: frozenset[str]) -> None:
        super().__init__(
            *(Option(origin_prompt(o, o.id in chosen), id=o.id) for o in origins),
            id="origins-list",
        )
        self.origins = {origin.id: origin for origin in origins}
        self.chosen = set(chosen)

    def action_tick(self) -> None:
        index = self.highlighted
        if index is None:
            return
        origin_id = self.get_option_at_index(index).id
        if origin_id is None:
            return
        self.chosen ^= {origin_id}
        origin = self.origins[origin_id]
        self.replace_option_prompt_at_index(index, origin_prompt(origin, origin_id in self.chosen))


class OriginsDialog(ModalScreen[frozenset[str] | None]):
    """Returns the ids of the ticked origins (F2 or Enter); Escape: None, nothing changes."""

    DEFAULT_CSS = """
    OriginsDialog { align: center middle; }
    OriginsDialog > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    OriginsDialog OriginsList {
        height: auto; max-height: 16; border: none; padding: 0;
        &:focus { border: none; }
    }
    OriginsDialog .pick-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "submit",
            "Valider",
            id="origins-submit",
            tooltip="Garder les origines cochées et fermer.",
        ),
        Binding(
            "escape", "cancel", "Annuler", id="origins-cancel", tooltip="Fermer sans rien changer."
        ),
    ]

    def __init__(self, title: str, origins: Sequence[Origin], chosen: frozenset[str]) -> None:
        super().__init__()
        self.pick_title = title
        self.origins = list(origins)
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.pick_title
            if self.origins:
                yield OriginsList(self.origins, self.chosen)
                yield Static("Espace Cocher · ⏎ ou F2 Valider · Échap Annuler", classes="pick-keys")
            else:
                yield Static(
                    "Ni action retenue ni axe de travail pour l'instant : rien à relier.",
                    classes="pick-keys",
                )

    def action_submit(self) -> None:
        lists = self.query(OriginsList)
        self.dismiss(frozenset(lists.first().chosen) if lists else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
