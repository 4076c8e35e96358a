"""One-line inputs for text said aloud: keys act in the order typed, pasted lines are kept."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input

from vitalite_tui.domain.text import one_line
from vitalite_tui.tui.widgets.typing_order import type_in_order


def flatten(text: str) -> str:
    """Pasted text on one line: each run of line breaks or control characters (a NUL, the
    ESC of a colour code) becomes a space, tabs too; nothing after them is dropped."""
    return one_line(text)


class LineInput(Input):
    """An input whose keys act in the order they were typed, and that keeps every pasted line.

    Textual hands a key to the focused widget but runs its bindings only once the key has
    bubbled back up to the app; the keys typed next go into the input meanwhile. Typed fast,
    or while an old laptop is busy, « note ⏎ suite » could then put « suite » into the note
    being saved (or clear it with it), and « ⌫⌫25 » could type 25 before deleting. Here a
    key that is a binding runs its action at once, in this widget's own queue: the keys
    after it wait their turn, as they should. And a key that was on its way here when such
    an action moved the focus elsewhere is passed on to the widget that now has it.
    """

    async def _on_key(self, event: events.Key) -> None:
        # Sent on if typed before a key here moved the focus; a printable key is typed by
        # Input's own handler (next in line); a bound key acts at once.
        await type_in_order(self, event, typed=lambda key: key.is_printable)

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        if not event.text:
            return
        text = flatten(event.text)
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)


class NoteInput(LineInput):
    """The capture line: Enter runs the screen's `save_note` action, in typing order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.save_note",
            "Enregistrer",
            id="note-save",
            tooltip="Enregistrer la note pour la personne qui parle ; la ligne se vide "
            "une fois la note enregistrée.",
        ),
    ]


class FieldInput(LineInput):
    """A field of a form dialog: Enter moves to the next field at once, in typing order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.advance",
            "Suivant",
            id="field-next",
            tooltip="Passer au champ suivant ; sur le dernier, valider.",
            show=False,
        ),
    ]

    def take_completion(self) -> None:
        """Make the value what Enter keeps: the suggestion shown in grey, as → takes it."""
        if self.cursor_at_end:
            self.action_cursor_right()
