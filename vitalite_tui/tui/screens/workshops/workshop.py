"""Workshop set-up (steps 4–7): agenda, attendance and newcomers, sub-groups, the recap.

Each part is a widget of `workshop_parts/`; this screen shows them, keeps its title line and
step status up to date, and carries the keys that work from every part.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, OptionList, Static

from vitalite_tui.domain.workshops import workshop_step
from vitalite_tui.tui.screens.parts import PartSpec, PartsScreen, part_bindings
from vitalite_tui.tui.screens.step_done import toggle_step_done
from vitalite_tui.tui.screens.workshops.workshop_parts.agenda import AgendaChanged, AgendaPart
from vitalite_tui.tui.screens.workshops.workshop_parts.attendance import (
    AttendanceChanged,
    AttendancePart,
)
from vitalite_tui.tui.screens.workshops.workshop_parts.base import WorkshopPart
from vitalite_tui.tui.screens.workshops.workshop_parts.recap import RecapPart
from vitalite_tui.tui.screens.workshops.workshop_parts.subgroups import (
    SubGroupList,
    SubGroupsPart,
)
from vitalite_tui.tui.screens.workshops.workshop_parts.when import when_and_where
from vitalite_tui.tui.widgets.footer import Footer
from vitalite_tui.tui.widgets.step_header import STEP_DONE_BINDING, StepHeader
from vitalite_tui.tui.widgets.table import RecordTable

__all__ = ["PARTS", "SubGroupList", "WorkshopScreen"]


#: The four parts, in tab order.
PARTS: tuple[PartSpec[WorkshopPart], ...] = (
    PartSpec("agenda", "Déroulé", "f5", lambda: AgendaPart),
    PartSpec("attendance", "Présences", "f6", lambda: AttendancePart),
    PartSpec("subgroups", "Sous-groupes", "f7", lambda: SubGroupsPart),
    PartSpec("recap", "Rappel", "f8", lambda: RecapPart),
)


class WorkshopScreen(PartsScreen[WorkshopPart]):
    """One workshop evening in four parts, each one F-key away; every change is stored at once."""

    AUTOMATIC_COPIES = True

    CSS_PATH = "workshop.tcss"
    #: The parts keep each other up to date by their messages (`AttendanceChanged`…).
    PARTS_STAY_FRESH = True
    BINDINGS: ClassVar[list[BindingType]] = [
        *part_bindings("workshop", PARTS),
        STEP_DONE_BINDING,
        Binding(
            "f9",
            "contents",
            "Contenus",
            id="workshop-contents",
            tooltip="Ouvrir les contenus de l'atelier (ressenti, axes, tendances, vote, charte…).",
            show=False,
        ),
        Binding(
            "insert",
            "add_newcomer",
            "Nouveau venu",
            id="workshop-newcomer",
            tooltip="Inscrire quelqu'un qui arrive et le noter présent (partie Présences).",
            show=False,
        ),
    ]

    def __init__(self, demarche_id: str, number: int, session: int = 1) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        self.number = number
        #: 1: the planned evening; 2–3: an extra one (« Atelier 2 bis »), same step.
        self.session = session
        self.step = workshop_step(number)

    def compose(self) -> ComposeResult:
        yield StepHeader(self.step)
        with Horizontal(id="workshop-line"):
            yield Static("", id="workshop-title")
            # Not in the footer (no room at 80 columns): said here, where the eye starts.
            yield Label("F9 Contenus", id="workshop-contents-key")
        # A workshop after the first opens on the recap of the previous one, for newcomers.
        first = "attendance" if (self.number, self.session) == (1, 1) else "recap"
        yield from self.compose_parts(PARTS, initial=first)
        yield Footer(compact=True)

    def build_part(self, spec: PartSpec[WorkshopPart]) -> WorkshopPart:
        return spec.widget()(self.demarche_id, self.number, self.session)

    @property
    def attendance(self) -> AttendancePart:
        return self.query_one(AttendancePart)

    @property
    def subgroups(self) -> SubGroupsPart:
        return self.query_one(SubGroupsPart)

    def on_mount(self) -> None:
        self.focus_part(self.active_part)

    def reload_parts(self) -> None:
        """Coming back from the capture screen (or first shown): the header and the part
        shown are read again; each other part is read when it is next shown (at ten times
        the large demo, reading all four took longer than the second a screen may take)."""
        self.refresh_header()
        super().reload_parts()

    def refresh_header(self) -> None:
        found = self.read(
            lambda: (
                self.store.workshops.get(self.demarche_id, self.number, self.session),
                self.store.steps.status(self.demarche_id, self.step),
            )
        )
        if found is None:
            return
        record, status = found
        self.query_one(StepHeader).show_status(status)
        # Two lines, each cut with « … » when too long (`text-overflow` in the .tcss): the
        # place stays readable up to the width, and is never cut silently.
        title = f"{record.label} · {record.title}\n{when_and_where(record)}"
        self.query_one("#workshop-title", Static).update(Content(title))
        self.refresh_bindings()

    @on(AgendaChanged)
    def show_agenda_change(self) -> None:
        self.refresh_header()

    @on(AttendanceChanged)
    def show_attendance_change(self, changed: AttendanceChanged) -> None:
        # Someone no longer present leaves their sub-group; a newcomer placed is shown there.
        self.refresh_header()
        placed = changed.placed
        self.subgroups.show_subgroups(select=f"m:{placed[0]}:{placed[1]}" if placed else None)

    def action_toggle_done(self) -> None:
        toggle_step_done(self, self.demarche_id, self.step)

    def action_contents(self) -> None:
        from vitalite_tui.tui.screens.workshops.contents import contents_screen

        self.app.push_screen(contents_screen(self.demarche_id, self.number))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_newcomer":
            return self.active_part == "attendance"
        return True

    def action_add_newcomer(self) -> None:
        if self.active_part == "attendance":
            self.attendance.action_add_newcomer()

    def action_focus_table(self) -> None:
        """↓ from the filter line (`FilterInput` names this screen's action)."""
        self.attendance.action_focus_table()

    @on(RecordTable.RowHighlighted)
    @on(OptionList.OptionHighlighted)
    def follow_cursor(self) -> None:
        """The keys of the footer depend on the line under the cursor."""
        self.refresh_bindings()
