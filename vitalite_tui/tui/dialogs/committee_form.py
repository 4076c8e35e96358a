"""A member of the comité de pilotage: name, role, organisation, and a role at each workshop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.widgets import Input, Static

from vitalite_tui.domain.roles import WorkshopRole, WorkshopRoles
from vitalite_tui.domain.workshops import WORKSHOP_NUMBERS
from vitalite_tui.tui.widgets.cycle import CycleChoice
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput

#: The value of « no role at this workshop » in the choices.
NO_ROLE = ""

#: The choices of each workshop's line: none first (most members hold no role at most).
ROLE_OPTIONS: list[tuple[str, str]] = [
    (NO_ROLE, "aucun rôle"),
    *((role.value, role.label) for role in WorkshopRole),
]


@dataclass(frozen=True)
class CommitteeDraft:
    """What the form collects (not yet cleaned: the store checks it)."""

    name: str
    role: str = ""
    organisation: str = ""
    workshop_roles: WorkshopRoles = field(default_factory=dict)


class CommitteeFormDialog(FormDialog[CommitteeDraft]):
    """Add or edit one committee member; Enter walks the fields, the last one validates."""

    DEFAULT_CSS = """
    CommitteeFormDialog .form-hint { color: $text-muted; padding: 0 0 0 16; }
    """

    def __init__(
        self,
        title: str,
        draft: CommitteeDraft | None = None,
        *,
        save: Callable[[CommitteeDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.draft = draft or CommitteeDraft("")

    def compose_fields(self) -> ComposeResult:
        yield Field("Nom", FieldInput(self.draft.name, id="name", compact=True))
        yield Field(
            "Rôle",
            FieldInput(
                self.draft.role, id="role", placeholder="présidente, technicien…", compact=True
            ),
        )
        yield Field(
            "Structure", FieldInput(self.draft.organisation, id="organisation", compact=True)
        )
        for number in WORKSHOP_NUMBERS:
            chosen = self.draft.workshop_roles.get(number)
            yield Field(
                f"Atelier {number}",
                CycleChoice(
                    ROLE_OPTIONS,
                    chosen.value if chosen else NO_ROLE,
                    id=f"workshop-role-{number}",
                ),
            )
        yield Static("Rôle à chaque atelier : ←/→ ou Espace pour choisir.", classes="form-hint")

    def collect(self) -> CommitteeDraft:
        roles: WorkshopRoles = {}
        for number in WORKSHOP_NUMBERS:
            value = self.query_one(f"#workshop-role-{number}", CycleChoice).value
            if value != NO_ROLE:
                roles[number] = WorkshopRole(value)
        return CommitteeDraft(
            name=self.query_one("#name", Input).value,
            role=self.query_one("#role", Input).value,
            organisation=self.query_one("#organisation", Input).value,
            workshop_roles=roles,
        )
