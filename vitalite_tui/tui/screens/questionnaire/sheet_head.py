"""The fields above a sheet's answer lines: its number, then the profile typed as text."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label

from vitalite_tui.domain.questionnaire_form import FieldKind, QuestionnaireForm
from vitalite_tui.tui.screens.questionnaire.sheet_form import field_legend, quoted, text_fields
from vitalite_tui.tui.widgets.sheet_fields import (
    SheetFieldInput,
    complete_commune,
    compose_text_field,
)


class SheetHead(Vertical):
    """« Fiche n° [  ] Commune [      ] », then one line per other field typed as text."""

    def __init__(self, form: QuestionnaireForm, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.form = form

    def compose(self) -> ComposeResult:
        texts = text_fields(self.form)
        with Horizontal(classes="entry-line"):
            yield Label("Fiche n°", classes="entry-label")
            yield SheetFieldInput(id="number", restrict=r"[0-9]*", max_length=5, compact=True)
            if texts:
                yield from compose_text_field(self.form, 0, texts[0])
        for index, field in enumerate(texts[1:], start=1):
            with Horizontal(classes="entry-line"):
                yield from compose_text_field(self.form, index, field)

    @property
    def number_input(self) -> Input:
        return self.query_one("#number", Input)

    @property
    def text_inputs(self) -> list[Input]:
        return list(self.query(".text-field").results(Input))

    @property
    def texts(self) -> list[str]:
        return [text_input.value for text_input in self.text_inputs]

    def show(self, number: int | None, texts: Sequence[str]) -> None:
        self.number_input.value = "" if number is None else str(number)
        for text_input, text in zip(self.text_inputs, texts, strict=True):
            text_input.value = text

    def freeze(self) -> None:
        """Nothing more typed here: the sheet is being compared."""
        for widget in (self.number_input, *self.text_inputs):
            widget.disabled = True

    def legend(self, focused: Widget | None) -> str | None:
        """What the focused field expects; None when the focus is not up here."""
        if focused is self.number_input:
            return "Le n° écrit sur la fiche papier ; ⏎ passe au champ suivant."
        if not isinstance(focused, Input) or focused not in self.text_inputs:
            return None
        return field_legend(self.form, text_fields(self.form)[self.text_inputs.index(focused)])

    def complete(self, text_input: Input) -> str | None:
        """The commune proposed, written in full (« fab » → « Fabrezan »); else a warning."""
        field = text_fields(self.form)[self.text_inputs.index(text_input)]
        if field.required and not text_input.value.strip():
            return f"⚠ Champ obligatoire laissé vide : {field.label}"
        if field.kind is FieldKind.COMMUNE and text_input.value.strip():
            completed = complete_commune(text_input.value, self.form.communes)
            if completed is not None:
                text_input.value = completed
            elif self.form.communes:
                return f"⚠ {quoted(text_input.value.strip())} n'est pas une commune du territoire"
        return None
