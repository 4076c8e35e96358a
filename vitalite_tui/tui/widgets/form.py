"""Form pieces: a labelled field, a commune field, a text area and a checkbox that keep
typing in order, typed form dialogs (F1 help, Escape asks before dropping what is typed)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from vitalite_tui.errors import VitaliteError
from vitalite_tui.tui.widgets.note_input import FieldInput
from vitalite_tui.tui.widgets.sheet_fields import CommuneSuggester, complete_commune
from vitalite_tui.tui.widgets.typing_order import pass_on
from vitalite_tui.tui.widgets.unsaved_sheet import Leave, UnsavedSheetDialog

DraftT = TypeVar("DraftT")


def fold_label(text: str) -> str:
    """A field's name as compared: case and extra spaces aside."""
    return " ".join(text.split()).casefold()


def field_in_error(root: Widget, message: str) -> Widget | None:
    """The answer widget of the field under `root` that an error names: messages begin
    with the field's name (« Nom : ce champ est obligatoire. »)."""
    named = fold_label(message.partition(" : ")[0])
    for field in root.query(Field):
        if named in field.names:
            return field.answer()
    return None


class Field(Horizontal):
    """A French label on the left, the widget that takes the answer on the right."""

    DEFAULT_CSS = """
    Field { height: auto; }
    Field > .field-label { width: 16; height: 1; color: $text-muted; }
    Field.-current > .field-label { color: $text-accent; text-style: bold; }
    Field > Input { width: 1fr; }
    """

    def __init__(
        self, label: str, widget: Widget, *, id: str | None = None, names: Sequence[str] = ()
    ) -> None:
        super().__init__(Label(label, classes="field-label"), widget, id=id)
        #: How error messages name this field: its label, and any other name they use.
        self.names = {fold_label(name) for name in (label, *names)}

    # A class, not `:focus-within`: Textual restyles the focused widget and its ancestors,
    # not their other children, so the label stayed lit on the first field.
    def on_descendant_focus(self) -> None:
        self.add_class("-current")

    def on_descendant_blur(self) -> None:
        self.remove_class("-current")

    def answer(self) -> Widget | None:
        """The widget that takes the answer (the first one that can have the focus)."""
        return next((w for w in self.query(Widget) if w.focusable), None)


class CommuneInput(FieldInput):
    """A commune of the territory: Enter (or leaving the field) completes what is typed.

    The suggestion shown in grey comes a moment after each key; « Mont⏎ » typed in one go
    would keep « Mont ». The completion is worked out here, at once, by the rule the paper
    questionnaire follows (`complete_commune`: the first commune that begins like the text,
    accents and case aside); text that begins no commune is kept as typed.
    """

    def __init__(self, value: str, communes: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(
            value,
            id=id,
            placeholder="→ ou ⏎ prend la commune proposée" if communes else "",
            suggester=CommuneSuggester(communes),
            compact=True,
        )
        self.communes = list(communes)

    def take_completion(self) -> None:
        completed = complete_commune(self.value, self.communes)
        if completed is not None and completed != self.value:
            self.value = completed
            self.cursor_position = len(completed)

    def on_blur(self) -> None:
        self.take_completion()


class TypedTextArea(TextArea):
    """Text over several lines that keeps typing where it was meant.

    Pre-filled, it opens with the cursor after its text (TextArea puts it before: what is
    typed would land in front). A key typed after a key here closed the dialog or moved the
    focus on (« F2 Espace ») goes where the focus is now, as in the one-line fields.
    """

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)

    async def _on_key(self, event: events.Key) -> None:
        pass_on(self, event)  # if sent on, TextArea's own handler (next in line) is skipped


class FormTextArea(TypedTextArea):
    """Several lines of text in a form: Enter starts a line, Tab goes on, F2 validates."""

    DEFAULT_CSS = """
    FormTextArea { width: 1fr; height: 8; border: none; padding: 0; }
    FormTextArea:focus { border: none; background-tint: $foreground 5%; }
    """

    def __init__(self, text: str = "", *, id: str | None = None, placeholder: str = "") -> None:
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus", placeholder=placeholder)


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
            tooltip="Fermer sans enregistrer (si quelque chose est tapé, demande d'abord).",
        ),
        Binding(
            "f1",
            # The app's own F1 does not reach a modal screen: bound here, it acts there.
            "app.help",
            "Aide",
            id="form-help",
            tooltip="Ce que veut dire chaque champ de ce formulaire, et ses touches.",
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
        #: What the fields held when the form opened: Escape asks once they differ.
        self.opened_with: tuple[object, ...] = ()

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

    def on_mount(self) -> None:
        self.opened_with = self.typed()

    def compose_fields(self) -> ComposeResult:
        """The fields of the form, in the order Enter walks through them."""
        raise NotImplementedError

    def typed(self) -> tuple[object, ...]:
        """What every field holds now (text, ticks, choices), in order."""
        values: list[object] = []
        for widget in self.query_one("#form").query(Widget):
            if isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, Input | Checkbox) or (
                widget.can_focus and hasattr(widget, "value")
            ):
                values.append(getattr(widget, "value", None))
        return tuple(values)

    def help_text(self) -> str:
        """What F1 says: this form's own text (what each field means), then the keys."""
        # Imported on F1 only, as the screens do: the texts are not needed to start.
        from vitalite_tui.tui.help_texts import FORM_DIALOG, help_for

        own = help_for(self)
        return own if own == FORM_DIALOG else f"{own}\n\n{FORM_DIALOG}"

    def collect(self) -> DraftT:
        """What is typed, as a draft; `InvalidInput` (French) when it cannot be read."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        """The message under the fields, and the focus on the field it names: the next
        keys correct it instead of landing in the last field."""
        self.error_text = message
        error = self.query_one("#form-error", Static)
        error.update(Content(message))
        error.display = bool(message)
        answer = field_in_error(self, message)
        if answer is not None:
            self.set_focus(answer)

    def action_submit(self) -> None:
        # F2 right after « fab »: the commune is completed as Enter would (a name field
        # keeps what is typed: its grey suggestion is taken by Enter or → only).
        for commune in self.query(CommuneInput):
            commune.take_completion()
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
        if self.typed() == self.opened_with:
            self.dismiss(None)
            return

        def leave(choice: Leave | None) -> None:
            if choice is Leave.SAVE:
                self.action_submit()
            elif choice is Leave.DISCARD:
                self.dismiss(None)

        self.app.push_screen(
            UnsavedSheetDialog(
                f"« {self.form_title} » : fermer sans enregistrer ce qui est tapé ?",
                save_label="enregistrer (comme F2)",
                stay_label="revenir au formulaire",
            ),
            leave,
        )

    def action_advance(self) -> None:
        if isinstance(self.focused, FieldInput):
            self.focused.take_completion()
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
        return self.query_one("#line", FieldInput).value
