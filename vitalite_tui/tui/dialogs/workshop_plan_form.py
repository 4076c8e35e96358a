"""The plan of one workshop: date, start and end times, place (French dates and times)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Input, Static

from vitalite_tui.domain.dates import format_date, format_time, parse_date, parse_time
from vitalite_tui.domain.workshops import WORKSHOP_TITLES
from vitalite_tui.store.preparation.records import WorkshopPlan
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput


class WorkshopPlanFormDialog(FormDialog[WorkshopPlan]):
    """Edit when and where a workshop takes place; a date or time that cannot be read stays."""

    DEFAULT_CSS = """
    WorkshopPlanFormDialog #plan-date, WorkshopPlanFormDialog #plan-start,
    WorkshopPlanFormDialog #plan-end { width: 14; }
    WorkshopPlanFormDialog .plan-title { color: $text-muted; padding-bottom: 1; }
    """
    KEYS_HINT = "⏎ Champ suivant · F2 Valider · Échap Annuler"

    def __init__(
        self,
        plan: WorkshopPlan,
        *,
        title: str | None = None,
        save: Callable[[WorkshopPlan], object] | None = None,
    ) -> None:
        super().__init__(title or f"Atelier {plan.number} — date, horaires et lieu", save=save)
        self.plan = plan

    def compose_fields(self) -> ComposeResult:
        plan = self.plan
        yield Static(WORKSHOP_TITLES[plan.number], classes="plan-title")
        yield Field(
            "Date",
            FieldInput(
                format_date(plan.date), placeholder="JJ/MM/AAAA", id="plan-date", compact=True
            ),
        )
        yield Field(
            "Début",
            FieldInput(
                format_time(plan.start_time), placeholder="18h30", id="plan-start", compact=True
            ),
        )
        yield Field(
            "Fin",
            FieldInput(
                format_time(plan.end_time), placeholder="21h00", id="plan-end", compact=True
            ),
        )
        yield Field(
            "Lieu",
            FieldInput(plan.place, placeholder="salle des fêtes…", id="plan-place", compact=True),
        )

    def collect(self) -> WorkshopPlan:
        return WorkshopPlan(
            number=self.plan.number,
            date=parse_date(self.query_one("#plan-date", Input).value, field="Date"),
            start_time=parse_time(self.query_one("#plan-start", Input).value, field="Début"),
            end_time=parse_time(self.query_one("#plan-end", Input).value, field="Fin"),
            place=self.query_one("#plan-place", Input).value,
        )
