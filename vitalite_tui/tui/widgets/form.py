"""Form pieces: a labelled field, a checkbox that lets Enter move on, typed form dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Static

from vitalite_tui.errors import VitaliteError
from vitalite_tui.tui.widgets.note_input import FieldInput

DraftT = TypeVar("DraftT")


class Field(Horizontal):
    """A French label on the left, the widget that takes the answer on the right."""

    DEFAULT_CSS = """
    Field { height: auto; }
    Field > .field-label { width: 16; height: 1; color: $text-muted; }
    Field:focus-within > .field-label { color: $text-accent; text-style: bold; }
    Field > Input { width: 1fr; }
    """

    def __init__(self, label: str, widget: Widget, *, id: str | None = None) -> None:
        super().__init__(Label(label, classes="field-label"), widget, id=id)


class FormCheckbox(Checkbox):
    """A compact checkbox: Space ticks it, Enter moves on as in the text fields."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "toggle_button",
            "Cocher",
            id="checkbox-toggle",
            tooltip="Cocher ou décocher la case.",
            show=False,
        ),
        Binding(
            "enter",
            "screen.advance",
            "Suivant",
            id="checkbox-next",
            tooltip="Passer au champ suivant (sur le dernier : valider).",
            show=False,
        ),
    ]

    def __init__(self, label: str, value: bool = False, *, id: str | None = None) -> None:
        super().__init__(label, value, id=id, compact=True)
        self._show_mark()

    def watch_value(self) -> None:
        super().watch_value()
        self._show_mark()

    def _show_mark(self) -> None:
        # An empty box when unticked: on a monochrome console the colour alone says nothing.
        self.BUTTON_INNER = "X" if self.value else " "


class FormDialog(ModalScreen[DraftT | None]):
    """A form in a box. F2 (or Enter on the last field) validates; Escape cancels.

    `collect` turns what is typed into a draft or raises `InvalidInput`; the optional `save`
    callback stores it and may raise any `VitaliteError`. On error the dialog stays open with
    the French message under the fields: nothing typed is lost.
    """

    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > #form {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    FormDialog .form-error { color: $text-error; text-style: bold; }
    FormDialog .form-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "submit",
            "Valider",
            id="form-submit",
            tooltip="Enregistrer ce qui est saisi et fermer.",
        ),
        Binding(
            "enter",
            "advance",
            "Suivant",
            id="form-next",
            tooltip="Passer au champ suivant ; sur le dernier, valider.",
            show=False,
        ),
        Binding(
            "escape",
            "cancel",
            "Annuler",
            id="form-cancel",
            tooltip="Fermer sans rien enregistrer.",
        ),
    ]

    #: The keys, as a line at the bottom of the box (dialogs have no footer).
    KEYS_HINT: ClassVar[str] = "⏎ Champ suivant · F2 Valider · Échap Annuler"

    def __init__(self, title: str, *, save: Callable[[DraftT], object] | None = None) -> None:
        super().__init__()
        self.form_title = title
        self._save = save
        #: The error shown under the fields, or an empty string.
        self.error_text = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form") as form:
            # The box scrolls on a tiny terminal, but the focus belongs to the fields.
            form.can_focus = False
            form.border_title = self.form_title
            yield from self.compose_fields()
            error = Static("", id="form-error", classes="form-error")
            error.display = False
            yield error
            yield Static(self.KEYS_HINT, classes="form-keys")

    def compose_fields(self) -> ComposeResult:
        """The fields of the form, in the order Enter walks through them."""
        raise NotImplementedError

    def collect(self) -> DraftT:
        """What is typed, as a draft; `InvalidInput` (French) when it cannot be read."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.error_text = message
        error = self.query_one("#form-error", Static)
        error.update(Content(message))
        error.display = bool(message)

    def action_submit(self) -> None:
        try:
            draft = self.collect()
            if self._save is not None:
                self._save(draft)
        except VitaliteError as exc:
            self.show_error(exc.message)
            self.app.bell()
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_advance(self) -> None:
        focused = self.focused
        if isinstance(focused, Input) and focused.cursor_at_end:
            # Enter takes the suggestion shown in grey (a commune…), as → does.
            focused.action_cursor_right()
        chain = self.focus_chain
        if not chain or self.focused is chain[-1]:
            self.action_submit()
        else:
            self.focus_next()


class LineDialog(FormDialog[str]):
    """One line of text to type (a checklist item…); the `save` callback checks it."""

    def __init__(
        self,
        title: str,
        label: str,
        value: str = "",
        *,
        save: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.label = label
        self.value = value

    KEYS_HINT: ClassVar[str] = "⏎ ou F2 Valider · Échap Annuler"

    def compose_fields(self) -> ComposeResult:
        yield Field(self.label, FieldInput(self.value, id="line", compact=True))

    def collect(self) -> str:
        return self.query_one("#line", Input).value
