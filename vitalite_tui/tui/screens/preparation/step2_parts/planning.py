"""Step 2 part F6 · Ateliers: when and where each of the four workshops takes place."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from vitalite_tui.domain.dates import format_day, format_time
from vitalite_tui.store.preparation.records import WorkshopPlan
from vitalite_tui.tui.dialogs.workshop_plan_form import WorkshopPlanFormDialog
from vitalite_tui.tui.screens.preparation.step2_parts.base import Step2Part
from vitalite_tui.tui.widgets.screen_part import PartKeys
from vitalite_tui.tui.widgets.table import RecordTable


class WorkshopTable(PartKeys, RecordTable):
    """The four workshops: when and where."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "part('edit_plan')",
            "Modifier",
            id="workshop-edit",
            tooltip="Modifier la date, les horaires et le lieu de l'atelier choisi.",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("Atelier", 9), ("Date", 15), ("Début", 5), ("Fin", 5), ("Lieu", 30)],
            id="workshop-table",
        )


def plan_cells(plan: WorkshopPlan) -> list[str]:
    when = f"{format_day(plan.date)}/{plan.date.year}" if plan.date else "à fixer"
    return [
        f"Atelier {plan.number}",
        when,
        format_time(plan.start_time),
        format_time(plan.end_time),
        plan.place,
    ]


class PlanningPart(Step2Part):
    """The planning of the four workshops; ⏎ sets a workshop's date, times and place."""

    def compose(self) -> ComposeResult:
        yield WorkshopTable()
        yield Static(
            "⏎ sur un atelier pour fixer sa date, ses horaires et son lieu.", classes="hint"
        )

    def reload(self) -> None:
        plans = self.read(lambda: self.store.planning.all(self.demarche_id))
        if plans is None:
            return
        self.query_one(WorkshopTable).fill((str(p.number), plan_cells(p)) for p in plans)

    def action_edit_plan(self) -> None:
        key = self.query_one(WorkshopTable).current_key
        if key is None:
            return
        plan = self.read(lambda: self.store.planning.get(self.demarche_id, int(key)))
        if plan is None:
            return
        warnings: list[str] = []

        def save(changed: WorkshopPlan) -> None:
            warnings[:] = self.store.planning.save(self.demarche_id, changed)

        def done(changed: WorkshopPlan | None) -> None:
            if changed is None:
                return
            self.reload()
            self.stored()
            for warning in warnings:
                self.notify(warning, title="Planning", severity="warning", markup=False)

        self.app.push_screen(WorkshopPlanFormDialog(plan, save=save), done)
