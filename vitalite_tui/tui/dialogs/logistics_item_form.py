"""One item of the logistics checklist: what, who sees to it, by when (a French date)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input

from vitalite_tui.domain.dates import format_date, parse_date
from vitalite_tui.errors import InvalidInput
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput


@dataclass(frozen=True)
class LogisticsDraft:
    """What the form collects; the label and the person are cleaned by the store."""

    label: str
    person: str = ""
    due_on: date | None = None


class LogisticsItemFormDialog(FormDialog[LogisticsDraft]):
    """Label, person and due date; a date that cannot be read keeps the form open on it."""

    DEFAULT_CSS = """
    LogisticsItemFormDialog #logistics-due { width: 14; }
    """

    def __init__(
        self,
        title: str,
        draft: LogisticsDraft | None = None,
        *,
        save: Callable[[LogisticsDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.draft = draft or LogisticsDraft("")

    def compose_fields(self) -> ComposeResult:
        draft = self.draft
        yield Field("Élément", FieldInput(draft.label, id="logistics-label", compact=True))
        yield Field(
            "Responsable",
            FieldInput(draft.person, placeholder="facultatif", id="logistics-person", compact=True),
        )
        yield Field(
            "Pour le",
            FieldInput(
                format_date(draft.due_on),
                placeholder="JJ/MM/AAAA",
                id="logistics-due",
                compact=True,
            ),
        )

    def collect(self) -> LogisticsDraft:
        due = self.query_one("#logistics-due", Input)
        try:
            due_on = parse_date(due.value, field="Pour le")
        except InvalidInput:
            # The focus on the date: the next keys correct it, not another field.
            due.focus()
            raise
        return LogisticsDraft(
            label=self.query_one("#logistics-label", Input).value,
            person=self.query_one("#logistics-person", Input).value,
            due_on=due_on,
        )
