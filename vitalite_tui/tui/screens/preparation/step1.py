"""Step 1: the démarche presented to elected officials, and the council's deliberation."""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from vitalite_tui.domain.dates import format_date, parse_date
from vitalite_tui.domain.steps import Decision, StepStatus, step
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.preparation.demarche_records import Step1Record
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.screens.step_done import toggle_step_done
from vitalite_tui.tui.widgets.choice import ChoiceRow
from vitalite_tui.tui.widgets.footer import Footer
from vitalite_tui.tui.widgets.form import Field, field_in_error
from vitalite_tui.tui.widgets.step_header import STEP_DONE_BINDING, StepHeader

DATE_HINT = "JJ/MM/AAAA"


class Step1Screen(BaseScreen):
    """The presentation and deliberation form. Leaving with Escape keeps what was typed."""

    CSS_PATH = "step1.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "save",
            "Enregistrer",
            id="step1-save",
            tooltip="Enregistrer les dates, la référence, la décision et le commentaire.",
        ),
        STEP_DONE_BINDING,
        Binding(
            "enter",
            "app.focus_next",
            "Suivant",
            id="step1-next",
            tooltip="Passer au champ suivant.",
            show=False,
        ),
        Binding(
            "escape",
            "back",
            "Retour",
            id="back",
            tooltip="Revenir à la démarche ; ce qui a changé est enregistré d'abord.",
        ),
    ]

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        #: What the store holds, as last loaded or saved from this form.
        self.saved = Step1Record()
        #: Valid changes not yet stored, if any.
        self.pending: Step1Record | None = None

    def compose(self) -> ComposeResult:
        yield StepHeader(1)
        with VerticalScroll(id="step1-form"):
            yield Static(step(1).summary, classes="hint")
            yield Field(
                "Présentation le",
                Input(placeholder=DATE_HINT, id="presentation-date", compact=True),
                names=("Date de présentation",),
            )
            yield Field(
                "Délibération le",
                Input(placeholder=DATE_HINT, id="deliberation-date", compact=True),
                names=("Date de délibération",),
            )
            yield Field(
                "Référence",
                Input(placeholder="n° de la délibération", id="deliberation-ref", compact=True),
            )
            yield Field(
                "Décision",
                ChoiceRow([(d.value, d.label) for d in Decision], id="decision"),
            )
            yield Label("Commentaire", classes="field-label")
            yield TextArea(id="comment", soft_wrap=True, show_line_numbers=False)
        yield Static("", id="step1-state", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.saved = self.store.steps.step1(self.demarche_id)
            status = self.store.steps.status(self.demarche_id, 1)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.query_one(StepHeader).show_status(status)
        self.fill(self.saved)
        self.query_one("#presentation-date", Input).focus()

    def fill(self, record: Step1Record) -> None:
        self.query_one("#presentation-date", Input).value = format_date(record.presentation_date)
        self.query_one("#deliberation-date", Input).value = format_date(record.deliberation_date)
        self.query_one("#deliberation-ref", Input).value = record.deliberation_ref
        self.query_one("#decision", ChoiceRow).value = record.decision.value
        self.query_one("#comment", TextArea).text = record.comment
        self.show_state()

    def collect(self) -> Step1Record:
        """What the form holds; `InvalidInput` (French) when a date cannot be read."""
        return Step1Record(
            presentation_date=parse_date(
                self.query_one("#presentation-date", Input).value, field="Date de présentation"
            ),
            deliberation_date=parse_date(
                self.query_one("#deliberation-date", Input).value, field="Date de délibération"
            ),
            deliberation_ref=self.query_one("#deliberation-ref", Input).value,
            decision=Decision(self.query_one("#decision", ChoiceRow).value),
            comment=self.query_one("#comment", TextArea).text,
        )

    def is_modified(self) -> bool:
        """True when the form differs from what is stored, or cannot be read."""
        try:
            return self.collect() != self.saved
        except VitaliteError:
            return True

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(ChoiceRow.Changed)
    def show_state(self) -> None:
        try:
            record = self.collect()
        except VitaliteError:
            record = None
        # Kept aside so that quitting the app (Ctrl+Q) still stores valid changes.
        self.pending = record if record != self.saved else None
        modified = record is None or self.pending is not None
        state = "Modifié, pas encore enregistré (F2)." if modified else ""
        self.query_one("#step1-state", Static).update(state)

    def on_unmount(self) -> None:
        if self.pending is not None and self.pending != self.saved:
            # The screen is gone: nowhere left to show an error; Escape reports them instead.
            with suppress(VitaliteError):
                self.store.steps.save_step1(self.demarche_id, self.pending)

    @on(Input.Submitted)
    def next_field(self) -> None:
        self.focus_next()

    def save(self) -> bool:
        """Store the form; on error, say why and keep every character typed."""
        try:
            record = self.collect()
            self.store.steps.save_step1(self.demarche_id, record)
            status = self.store.steps.status(self.demarche_id, 1)
        except VitaliteError as exc:
            self.report(exc)
            # The next keys correct the field in error, not the one the cursor was in.
            answer = field_in_error(self, exc.message)
            if answer is not None:
                self.set_focus(answer)
            return False
        self.saved = record
        self.query_one(StepHeader).show_status(status)
        self.show_state()
        return True

    def action_save(self) -> None:
        if self.save():
            self.notify("Étape 1 enregistrée.", title="Enregistré")

    def action_toggle_done(self) -> None:
        # What is on screen is saved first: "terminée" must not leave changes behind.
        if self.is_modified() and not self.save():
            return
        toggle_step_done(self, self.demarche_id, 1, self.tell_status)

    def tell_status(self, status: StepStatus) -> None:
        done = status is StepStatus.DONE
        self.notify("Étape 1 terminée." if done else "Étape 1 rouverte (en cours).")

    def action_back(self) -> None:
        if self.is_modified():
            if not self.save():
                return
            self.notify("Modifications de l'étape 1 enregistrées.", title="Enregistré")
        super().action_back()
