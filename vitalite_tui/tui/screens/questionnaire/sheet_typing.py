"""Typing a paper sheet: the fields, the answer lines, where the cursor is and what it says.

`SheetTypingScreen` holds what is on screen and moves between the fields in typing order;
`SheetEntryScreen` (sheet_entry.py) decides what becomes of a sheet: stored, compared, left.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from vitalite_tui.domain.questionnaire_form import QuestionnaireForm
from vitalite_tui.domain.text import plural
from vitalite_tui.errors import InvalidInput, VitaliteError
from vitalite_tui.store.questionnaire.records import SheetDraft, SheetRecord
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.screens.questionnaire.entry_status import EntryStatus
from vitalite_tui.tui.screens.questionnaire.sheet_form import (
    F2_RULES,
    EntryMode,
    grid_rows,
    parse_number,
    progress_text,
    question_legend,
    quoted,
    row_values,
    sheet_draft,
    sheet_label,
    text_fields,
)
from vitalite_tui.tui.screens.questionnaire.sheet_head import SheetHead
from vitalite_tui.tui.screens.questionnaire.verification import Resolution
from vitalite_tui.tui.widgets.answer_grid import SheetGrid
from vitalite_tui.tui.widgets.footer import Footer


class SheetTypingScreen(BaseScreen):
    """A sheet on screen: its number and profile fields, then one line per answer."""

    AUTOMATIC_COPIES = True

    def __init__(
        self,
        demarche_id: str,
        sheet_id: str | None = None,
        verify: bool = False,
        then: Sequence[str] = (),
    ) -> None:
        super().__init__()
        if (verify or then) and sheet_id is None:
            raise ValueError("verification needs a stored sheet")
        #: The sheets to verify after this one, in turn (« vérifier à la suite »).
        self.then = tuple(then)
        self.demarche_id = demarche_id
        self.sheet_id = sheet_id
        self.mode = EntryMode.VERIFY if verify else EntryMode.CORRECT if sheet_id else EntryMode.NEW
        self.form: QuestionnaireForm | None = None
        self.record: SheetRecord | None = None
        self.error: VitaliteError | None = None
        #: What the screen held when loaded or last saved: leaving asks only if it changed.
        self.initial: tuple[object, ...] = ()
        #: Sheets typed this evening and in all (new sheets only).
        self.tonight = 0
        self.total = 0
        #: The differences being settled (verification), once the retyped sheet is compared.
        self.resolution: Resolution | None = None

    # --- building ----------------------------------------------------------------------

    def load(self) -> None:
        if self.sheet_id is None:
            self.form = self.store.responses.form(self.demarche_id)
        else:
            self.record = self.store.responses.get(self.sheet_id)
            self.form = self.store.responses.sheet_form(self.sheet_id)

    def compose(self) -> ComposeResult:
        try:
            self.load()
        except VitaliteError as exc:
            self.error = exc
        with Horizontal(id="entry-head", classes="screen-title"):
            yield Label("", id="entry-title", markup=False)
            yield Label("", id="entry-counts", markup=False)
        form = self.form
        if form is None:
            yield Static("Cette fiche ne peut pas être ouverte (Échap pour revenir).", id="legend")
            yield Footer(compact=True)
            return
        yield SheetHead(form, id="sheet-head")
        yield SheetGrid(grid_rows(form), keeper=self, id="grid")
        yield Static("", id="legend", markup=False)
        yield EntryStatus(id="entry-status")
        yield Footer(compact=True)

    # --- reading the screen ------------------------------------------------------------

    @property
    def grid(self) -> SheetGrid:
        return self.query_one(SheetGrid)

    @property
    def head(self) -> SheetHead:
        return self.query_one(SheetHead)

    @property
    def number_input(self) -> Input:
        return self.head.number_input

    @property
    def text_inputs(self) -> list[Input]:
        return self.head.text_inputs

    @property
    def fields(self) -> list[Widget]:
        """The focus order: number, text fields, answer lines."""
        return [self.number_input, *self.text_inputs, self.grid]

    @property
    def resolving(self) -> bool:
        return self.resolution is not None

    def snapshot(self) -> tuple[object, ...]:
        return (
            self.number_input.value,
            tuple(self.head.texts),
            tuple(row.value for row in self.grid.rows),
        )

    @property
    def dirty(self) -> bool:
        """Typed but not stored (the number alone does not count on a new sheet)."""
        if self.form is None:
            return False
        if self.resolving:
            return True
        now, then = self.snapshot(), self.initial
        if self.mode is EntryMode.NEW:
            return now[1:] != then[1:]
        return now != then

    def unsaved_text(self) -> str:
        if not self.dirty:
            return ""
        shown = sheet_label(self.typed_number())
        if self.resolving:
            return f"La vérification de la fiche {shown}"
        return f"Fiche {shown} : {self.progress_text()}"

    def typed_number(self) -> int | None:
        """The number in its field, None when blank or unreadable."""
        try:
            return parse_number(self.number_input.value)
        except InvalidInput:
            return None

    def draft(self) -> SheetDraft:
        """What is on screen, as the store reads a sheet; `InvalidInput` for a bad number."""
        assert self.form is not None
        values = [row.value for row in self.grid.rows]
        return sheet_draft(self.form, self.number_input.value, self.head.texts, values, self.record)

    # --- what is shown -----------------------------------------------------------------

    def show_title(self) -> None:
        shown = sheet_label(self.record.sheet_number if self.record else None)
        title = {
            EntryMode.NEW: "Étape 3 · Nouvelle fiche",
            EntryMode.CORRECT: f"Étape 3 · Correction de la fiche {shown}",
            EntryMode.VERIFY: f"Étape 3 · Vérification de la fiche {shown} (à l'aveugle)",
        }[self.mode]
        self.query_one("#entry-title", Label).update(title)
        counts = (
            f"Fiches saisies ce soir : {self.tonight} · au total : {self.total}"
            if self.mode is EntryMode.NEW
            else f"puis {plural(len(self.then), 'autre')}"
            if self.then
            else ""
        )
        self.query_one("#entry-counts", Label).update(counts)

    def show_state(self) -> None:
        """The legend of where the cursor is, and the progress line."""
        if self.form is None:
            return
        rule = "" if self.resolving else F2_RULES[self.f2_action]
        self.query_one(EntryStatus).show(self.progress_text(short=True), rule)
        legend = self.query_one("#legend", Static)
        legend.update(self.legend())
        legend.set_class(self.resolving, "-resolving")

    @property
    def f2_action(self) -> str:
        return "compare" if self.mode is EntryMode.VERIFY else "save"

    def legend(self) -> str:
        if self.resolution is not None:
            return self.resolution.legend()
        field = self.head.legend(self.focused)
        if field is not None:
            return field
        row = self.grid.current
        if row is None:
            return "Fiche complète : F2 pour l'enregistrer, ⌫ pour revenir sur la dernière."
        return question_legend(row)

    def say(self, note: str) -> None:
        """A short message on the progress line (sheet saved, key refused)."""
        self.query_one(EntryStatus).say(note)

    @on(SheetGrid.Changed)
    def grid_changed(self) -> None:
        self.show_state()

    @on(SheetGrid.Refused)
    def key_refused(self, event: SheetGrid.Refused) -> None:
        row = event.grid.current
        if self.resolving:
            self.say(f"⚠ {quoted(event.key)} : 1 garde la première saisie, 2 prend la nouvelle")
        elif row is None:
            self.say(f"⚠ {quoted(event.key)} : la fiche est complète, F2 pour l'enregistrer")
        else:
            self.say(f"⚠ {quoted(event.key)} : tapez 1 à {row.size}, ou 0")

    def on_descendant_focus(self) -> None:
        self.show_state()

    # --- moving between the fields -----------------------------------------------------

    def action_advance(self) -> None:
        """⏎ or ↓ in a field: on to the next one at once (keys typed ahead follow)."""
        focused = self.focused
        fields = self.fields
        if focused not in fields:
            return
        if focused is self.number_input and not self.number_is_free():
            return
        if isinstance(focused, Input) and focused in self.text_inputs:
            warning = self.head.complete(focused)
            if warning is not None:
                self.say(warning)
        self.set_focus(fields[min(fields.index(focused) + 1, len(fields) - 1)])

    def action_field_up(self) -> None:
        focused = self.focused
        fields = self.fields
        if focused in fields and fields.index(focused) > 0:
            self.set_focus(fields[fields.index(focused) - 1])

    def leave_top(self) -> None:
        """↑ or ⌫ above the first answer line."""
        self.set_focus(self.fields[-2])

    def number_is_free(self) -> bool:
        """The typed number is a number, and no other live sheet has it; else say why."""
        try:
            number = parse_number(self.number_input.value)
            own = self.record.sheet_number if self.record else None
            if number not in (None, own) and number in self.store.responses.sheet_numbers(
                self.demarche_id
            ):
                raise InvalidInput(
                    f"La fiche n° {number} est déjà saisie : pour la corriger, "
                    "revenez à la liste (Échap) et choisissez-la."
                )
        except VitaliteError as exc:
            self.report(exc)
            return False
        return True

    # --- a sheet typed -----------------------------------------------------------------

    def start_sheet(self, number: int | None) -> None:
        """A blank sheet (or a blank retyping)."""
        self.show_sheet(number, [""] * len(self.text_inputs), [None] * len(self.grid.rows))

    def fill(self, record: SheetRecord) -> None:
        """A stored sheet, to correct."""
        assert self.form is not None
        texts = [record.profile.get(field.code, "") for field in text_fields(self.form)]
        self.show_sheet(record.sheet_number, texts, row_values(self.form, record))

    def show_sheet(
        self, number: int | None, texts: Sequence[str], values: Sequence[int | None]
    ) -> None:
        """Every field at once, then the cursor on the first profile field."""
        self.head.show(number, texts)
        self.grid.set_values(values)
        self.initial = self.snapshot()
        self.set_focus(self.fields[1])
        self.show_state()

    def sheet_typed(self) -> None:
        """The last line was just answered: store the sheet if every line has an answer."""
        empty = self.grid.first_empty()
        if empty is None:
            self.finish()
            return
        missing = sum(1 for row in self.grid.rows if row.value is None)
        self.grid.go_to(empty)
        self.app.bell()
        self.say(f"⚠ {plural(missing, 'ligne')} à taper encore (ou F2 : sans réponse)")

    def finish(self) -> None:
        """Store (or compare) what is typed: the subclass decides."""
        raise NotImplementedError

    def progress_text(self, *, short: bool = False) -> str:
        """« 12/24 réponses tapées », with the number of « sans réponse » (0) typed."""
        assert self.form is not None
        return progress_text(self.form, [row.value for row in self.grid.rows], short=short)
