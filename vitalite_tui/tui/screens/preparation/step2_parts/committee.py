"""Step 2 part F5 · Comité: the members of the comité de pilotage."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from vitalite_tui.domain.roles import roles_summary
from vitalite_tui.store.preparation.records import CommitteeMemberRecord
from vitalite_tui.tui.dialogs.committee_form import CommitteeDraft, CommitteeFormDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.preparation.step2_parts.base import Step2Part
from vitalite_tui.tui.widgets.screen_part import PartKeys
from vitalite_tui.tui.widgets.table import RecordTable

#: What is left of 80 columns for the roles at each workshop, beside the other three.
ROLES_WIDTH = 28


class CommitteeTable(PartKeys, RecordTable):
    """Members of the comité de pilotage."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "part('add_member')",
            "Ajouter",
            id="committee-add",
            tooltip="Ajouter un membre au comité de pilotage.",
        ),
        Binding(
            "enter",
            "part('edit_member')",
            "Modifier",
            id="committee-edit",
            tooltip="Modifier le nom, le rôle, la structure ou le rôle à chaque atelier "
            "du membre choisi.",
        ),
        Binding(
            "delete",
            "part('remove_member')",
            "Retirer",
            id="committee-remove",
            tooltip="Retirer le membre choisi du comité (après confirmation).",
        ),
    ]

    def __init__(self) -> None:
        # Every column has its width so that a long list of roles ends in « … » within
        # 80 columns instead of running off the screen (the form shows them whole).
        super().__init__(
            [("Nom", 18), ("Rôle", 12), ("Structure", 12), ("Ateliers", ROLES_WIDTH)],
            id="committee-table",
        )


class CommitteePart(Step2Part):
    """Who sits on the comité de pilotage: add, edit, remove."""

    def __init__(self, demarche_id: str, *, id: str | None = None) -> None:
        super().__init__(demarche_id, id=id)
        #: What the table shows, by row key, as the store returned it (never truncated).
        self.members: dict[str, CommitteeMemberRecord] = {}

    def compose(self) -> ComposeResult:
        yield CommitteeTable()
        yield Static(
            "Aucun membre pour l'instant : a pour en ajouter.",
            id="committee-empty",
            classes="hint",
        )

    def reload(self) -> None:
        self.show_committee()

    def show_committee(self, select: str | None = None) -> None:
        members = self.read(lambda: self.store.committee.all(self.demarche_id))
        if members is None:
            return
        self.members = {m.id: m for m in members}
        self.query_one(CommitteeTable).fill(
            (
                (m.id, [m.name, m.role, m.organisation, roles_summary(m.workshop_roles)])
                for m in self.members.values()
            ),
            select=select,
        )
        self.query_one("#committee-empty").display = not self.members

    @property
    def current(self) -> CommitteeMemberRecord | None:
        return self.members.get(self.query_one(CommitteeTable).current_key or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_member", "remove_member"):
            return self.query_one(CommitteeTable).current_key is not None
        return True

    def action_add_member(self) -> None:
        added: list[str] = []

        def save(draft: CommitteeDraft) -> None:
            added.append(
                self.store.committee.add(
                    self.demarche_id,
                    draft.name,
                    draft.role,
                    draft.organisation,
                    workshop_roles=draft.workshop_roles,
                )
            )

        def done(draft: CommitteeDraft | None) -> None:
            if draft is not None:
                self.show_committee(select=added[-1])
                self.stored()

        self.app.push_screen(CommitteeFormDialog("Nouveau membre du comité", save=save), done)

    def action_edit_member(self) -> None:
        member = self.current
        if member is None:
            return

        def save(draft: CommitteeDraft) -> None:
            self.store.committee.update(
                member.id,
                draft.name,
                draft.role,
                draft.organisation,
                workshop_roles=draft.workshop_roles,
            )

        def done(draft: CommitteeDraft | None) -> None:
            if draft is not None:
                self.show_committee()

        current = CommitteeDraft(
            member.name, member.role, member.organisation, member.workshop_roles
        )
        self.app.push_screen(
            CommitteeFormDialog("Modifier le membre du comité", current, save=save), done
        )

    def action_remove_member(self) -> None:
        member = self.current
        if member is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.run_safely(lambda: self.store.committee.remove(member.id)):
                self.show_committee()
                self.notify(f"{member.name} ne fait plus partie du comité.", markup=False)

        self.app.push_screen(ConfirmDialog(f"Retirer {member.name} du comité ?"), confirmed)
