"""Pick the notes an intention comes from: Espace ticks, typing filters, F2 keeps the choice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Input, SelectionList, Static
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from vitalite_tui.domain.notes import NoteKind, indicator_tag
from vitalite_tui.domain.text import matches, plural
from vitalite_tui.store.intentions import OriginRecord
from vitalite_tui.tui.widgets.note_input import LineInput
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


def origin_prompt(note: OriginRecord) -> Text:
    """« risque  I1- Les anciens seront seuls dans les hameaux… »: literal text, one line."""
    tag = indicator_tag(note.indicator, note.pole)
    line = f"{KIND_MARKS[note.kind]:<7} {tag:<4}{shorten(note.text, TEXT_WIDTH)}"
    return Text(line, no_wrap=True, overflow="ellipsis")


class OriginFilter(LineInput):
    """The filter line; ↓ goes down to the notes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "screen.focus_list",
            "Liste",
            id="origins-to-list",
            tooltip="Descendre dans la liste des notes.",
            show=False,
        ),
    ]


class OriginList(SelectionList[str]):
    """The notes; a letter typed here goes to the filter line (type-to-filter)."""

    def render_line(self, y: int) -> Strip:
        # An empty box when unticked: on a monochrome console the colour alone says nothing.
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if selection.value in self.selected or len(segments) < 2:
            return strip
        segments[1] = Segment(" ", segments[1].style)
        return Strip(segments)

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character not in (None, " "):
            event.stop()
            event.prevent_default()
            assert isinstance(self.screen, OriginPickDialog)
            self.screen.type_in_filter(event.character or "")
            return
        await super()._on_key(event)


class OriginPickDialog(ModalScreen[list[str] | None]):
    """Returns the ids of the notes ticked (in the list's order); Escape: None."""

    DEFAULT_CSS = """
    OriginPickDialog { align: center middle; }
    OriginPickDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    OriginPickDialog #origins-list {
        height: auto; max-height: 14; border: none; padding: 0;
        &:focus { border: none; }
    }
    OriginPickDialog .origins-keys, OriginPickDialog #origins-count { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "submit",
            "Valider",
            id="origins-submit",
            tooltip="Garder les notes cochées comme origines de l'intention.",
        ),
        Binding(
            "escape",
            "cancel",
            "Annuler",
            id="origins-cancel",
            tooltip="Fermer sans rien changer (d'abord vider le filtre s'il y en a un).",
        ),
    ]

    def __init__(self, title: str, notes: Sequence[OriginRecord]) -> None:
        super().__init__()
        self.pick_title = title
        self.notes = list(notes)
        self.chosen = {note.id for note in self.notes if note.linked}

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.pick_title
            yield OriginFilter(
                placeholder="Filtrer : tapez quelques mots (type, I1, texte…)",
                id="origins-filter",
                compact=True,
                # Letters typed in the list come here one by one: none may replace another.
                select_on_focus=False,
            )
            yield OriginList(id="origins-list")
            yield Static("", id="origins-count")
            yield Static(
                "Espace Cocher · lettres Filtrer · F2 Valider · Échap Annuler",
                classes="origins-keys",
            )

    def on_mount(self) -> None:
        self.show_notes()
        self.query_one(OriginList).focus()

    @property
    def filter_text(self) -> str:
        return self.query_one(OriginFilter).value

    def shown(self) -> list[OriginRecord]:
        query = self.filter_text
        return [
            note
            for note in self.notes
            if matches(
                query,
                note.text,
                KIND_MARKS[note.kind],
                note.kind.label,
                indicator_tag(note.indicator, note.pole),
                note.subgroup_name,
            )
        ]

    def show_notes(self) -> None:
        listing = self.query_one(OriginList)
        listing.clear_options()
        listing.add_options(
            [Selection(origin_prompt(n), n.id, n.id in self.chosen) for n in self.shown()]
        )
        if listing.option_count:
            listing.highlighted = 0  # Espace acts at once on the first note
        self.show_count()

    def show_count(self) -> None:
        shown = len(self.query_one(OriginList).options)
        hidden = len(self.notes) - shown
        tail = f" · {plural(hidden, 'note masquée', 'notes masquées')} par le filtre" * bool(hidden)
        self.query_one("#origins-count", Static).update(
            f"{plural(len(self.chosen), 'note cochée', 'notes cochées')}{tail}"
        )

    def type_in_filter(self, character: str) -> None:
        line = self.query_one(OriginFilter)
        line.value += character
        line.cursor_position = len(line.value)
        line.focus()

    @on(Input.Changed, "#origins-filter")
    def refilter(self) -> None:
        self.show_notes()

    @on(Input.Submitted, "#origins-filter")
    def action_focus_list(self) -> None:
        self.set_focus(self.query_one(OriginList))

    @on(SelectionList.SelectionToggled, "#origins-list")
    def toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        value = event.selection.value
        if value in self.chosen:
            self.chosen.discard(value)
        else:
            self.chosen.add(value)
        self.show_count()

    def action_submit(self) -> None:
        self.dismiss([note.id for note in self.notes if note.id in self.chosen])

    def action_cancel(self) -> None:
        if self.filter_text:
            self.query_one(OriginFilter).value = ""
            self.action_focus_list()
            return
        self.dismiss(None)
