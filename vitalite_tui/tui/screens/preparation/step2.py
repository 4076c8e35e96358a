"""Step 2: the comité de pilotage, the workshops' planning, logistics and the questionnaire.

Each part is a widget of `step2_parts/`; this screen shows them and keeps the step's status.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType

from vitalite_tui.errors import VitaliteError
from vitalite_tui.tui.screens.parts import PartSpec, PartsScreen, part_bindings
from vitalite_tui.tui.screens.preparation.step2_parts.base import Step2Part, Step2Stored
from vitalite_tui.tui.screens.preparation.step2_parts.committee import CommitteePart
from vitalite_tui.tui.screens.preparation.step2_parts.logistics import LogisticsPart
from vitalite_tui.tui.screens.preparation.step2_parts.planning import PlanningPart
from vitalite_tui.tui.screens.preparation.step2_parts.questionnaire import QuestionnairePart
from vitalite_tui.tui.screens.step_done import toggle_step_done
from vitalite_tui.tui.widgets.footer import Footer
from vitalite_tui.tui.widgets.step_header import STEP_DONE_BINDING, StepHeader

#: The four parts, in tab order.
PARTS: tuple[PartSpec[Step2Part], ...] = (
    PartSpec("committee", "Comité", "f5", lambda: CommitteePart),
    PartSpec("workshops", "Ateliers", "f6", lambda: PlanningPart),
    PartSpec("logistics", "Logistique", "f7", lambda: LogisticsPart),
    PartSpec("questionnaire", "Questionnaire", "f8", lambda: QuestionnairePart),
)


class Step2Screen(PartsScreen[Step2Part]):
    """Four parts in tabs, each one F-key away; every change is stored at once."""

    CSS_PATH = "step2.tcss"
    #: Each part reads again what it stores: the others need not be read when one is shown.
    PARTS_STAY_FRESH = True
    BINDINGS: ClassVar[list[BindingType]] = [
        *part_bindings("step2", PARTS),
        STEP_DONE_BINDING,
    ]

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id

    def compose(self) -> ComposeResult:
        yield StepHeader(2)
        yield from self.compose_parts(PARTS)
        yield Footer()

    def build_part(self, spec: PartSpec[Step2Part]) -> Step2Part:
        return spec.widget()(self.demarche_id)

    def on_mount(self) -> None:
        self.focus_part(self.active_part)

    def reload_parts(self) -> None:
        self.show_status()
        for part in self.parts:
            self.reload_part(part)

    @on(Step2Stored)
    def show_status(self) -> None:
        """Something was stored in step 2: it is now at least in progress."""
        try:
            status = self.store.steps.status(self.demarche_id, 2)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.query_one(StepHeader).show_status(status)
        self.refresh_bindings()

    def action_toggle_done(self) -> None:
        toggle_step_done(self, self.demarche_id, 2)
