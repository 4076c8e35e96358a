"""Where a charter article comes from: tick kept actions and work axes (Space), F2 keeps."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType

from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.store.charter.records import Origin
from vitalite_tui.tui.dialogs.tick_pick import Tickable, TickPickDialog, submit_binding
from vitalite_tui.tui.widgets.table import shorten

#: How each kind of origin is named in the list.
KIND_LABELS = {LinkKind.ACTION: "Action", LinkKind.AXIS: "Axe"}


def origin_line(origin: Origin, width: int = 58) -> Tickable:
    """« Action · Un café associatif itinérant », cut to the box."""
    return Tickable(
        origin.id, shorten(f"{KIND_LABELS.get(origin.kind, '')} · {origin.title}", width)
    )


class OriginsDialog(TickPickDialog):
    """Returns the ids of the ticked origins (F2 or Enter); Escape: None, nothing changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        submit_binding("Garder les origines cochées et fermer."),
        Binding(
            "enter",
            "submit",
            "Valider",
            id="origins-enter",
            tooltip="Garder les origines cochées et fermer.",
            # Before the list's own Enter, which ticks.
            priority=True,
            show=False,
        ),
    ]

    def __init__(self, title: str, origins: Sequence[Origin], chosen: Collection[str]) -> None:
        super().__init__(
            title,
            [origin_line(origin) for origin in origins],
            chosen,
            keys="Espace Cocher · ⏎ ou F2 Valider · Échap Annuler",
            empty="Ni action retenue ni axe de travail pour l'instant : rien à relier.",
        )
