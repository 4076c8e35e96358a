"""Pick the notes an intention comes from: Espace ticks, typing filters, F2 keeps the choice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType

from vitalite_tui.domain.notes import NoteKind, indicator_tag
from vitalite_tui.domain.text import plural
from vitalite_tui.store.prospective.records import OriginRecord
from vitalite_tui.tui.dialogs.tick_pick import Tickable, TickPickDialog, submit_binding
from vitalite_tui.tui.widgets.table import shorten

#: A short mark of each kind, for a list as narrow as a dialog.
KIND_MARKS = {
    NoteKind.RISQUE: "risque",
    NoteKind.OPPORTUNITE: "opport.",
    NoteKind.INTENTION: "intent.",
    NoteKind.TENDANCE: "tend.",
    NoteKind.CONSTAT: "constat",
    NoteKind.IMAGE: "image",
}

#: Room for the note's text on one line of the list.
TEXT_WIDTH = 52


def origin_line(note: OriginRecord) -> Tickable:
    """« risque  I1- Les anciens seront seuls dans les hameaux… », found by its words too."""
    tag = indicator_tag(note.indicator, note.pole)
    return Tickable(
        note.id,
        f"{KIND_MARKS[note.kind]:<7} {tag:<4}{shorten(note.text, TEXT_WIDTH)}",
        words=(note.text, KIND_MARKS[note.kind], note.kind.label, tag, note.subgroup_name),
    )


class OriginPickDialog(TickPickDialog):
    """Returns the ids of the notes ticked (in the list's order); Escape: None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        submit_binding("Garder les notes cochées comme origines de l'intention."),
        Binding(
            "escape",
            "cancel",
            "Annuler",
            id="origins-cancel",
            tooltip="Fermer sans rien changer (d'abord vider le filtre s'il y en a un).",
        ),
    ]

    def __init__(self, title: str, notes: Sequence[OriginRecord]) -> None:
        super().__init__(
            title,
            [origin_line(note) for note in notes],
            {note.id for note in notes if note.linked},
            keys="Espace Cocher · lettres Filtrer · F2 Valider · Échap Annuler",
            filter_placeholder="Filtrer : tapez quelques mots (type, I1, texte…)",
        )

    def count_text(self, ticked: int, hidden: int) -> str:
        tail = f" · {plural(hidden, 'note masquée', 'notes masquées')} par le filtre" * bool(hidden)
        return f"{plural(ticked, 'note cochée', 'notes cochées')}{tail}"
