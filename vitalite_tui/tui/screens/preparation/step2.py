"""Step 2: the comité de pilotage, the workshops' planning, logistics and the questionnaire."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.markup import escape
from textual.widgets import Footer, Static

from vitalite_tui.domain.dates import format_day, format_time
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.preparation.records import (
    CommitteeMemberRecord,
    LogisticsItemRecord,
    QuestionnaireChoice,
    WorkshopPlan,
)
from vitalite_tui.tui.dialogs.committee_form import CommitteeDraft, CommitteeFormDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.workshop_plan_form import WorkshopPlanFormDialog
from vitalite_tui.tui.screens.parts import Part, PartsScreen, part_bindings
from vitalite_tui.tui.widgets.form import LineDialog
from vitalite_tui.tui.widgets.step_header import STEP_DONE_BINDING, StepHeader, toggle_step_done
from vitalite_tui.tui.widgets.table import RecordTable

#: The four parts: pane id, French title, the F-key that shows it.
PARTS: tuple[Part, ...] = (
    ("committee", "Comité", "f5"),
    ("workshops", "Ateliers", "f6"),
    ("logistics", "Logistique", "f7"),
    ("questionnaire", "Questionnaire", "f8"),
)


class CommitteeTable(RecordTable):
    """Members of the comité de pilotage."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "screen.add_member",
            "Ajouter",
            id="committee-add",
            tooltip="Ajouter un membre au comité de pilotage.",
        ),
        Binding(
            "enter",
            "screen.edit_member",
            "Modifier",
            id="committee-edit",
            tooltip="Modifier le nom, le rôle ou la structure du membre choisi.",
        ),
        Binding(
            "delete",
            "screen.remove_member",
            "Retirer",
            id="committee-remove",
            tooltip="Retirer le membre choisi du comité (après confirmation).",
        ),
    ]

    def __init__(self) -> None:
        super().__init__([("Nom", 26), ("Rôle", 22), ("Structure", 20)], id="committee-table")


class WorkshopTable(RecordTable):
    """The four workshops: when and where."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.edit_plan",
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


class LogisticsTable(RecordTable):
    """The checklist; Space ticks the current item."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "screen.toggle_item",
            "Cocher",
            id="logistics-toggle",
            tooltip="Cocher ou décocher l'élément choisi (prêt / pas prêt).",
        ),
        Binding(
            "a",
            "screen.add_item",
            "Ajouter",
            id="logistics-add",
            tooltip="Ajouter un élément à la liste de logistique.",
        ),
        Binding(
            "enter",
            "screen.rename_item",
            "Renommer",
            id="logistics-rename",
            tooltip="Changer le libellé de l'élément choisi.",
            show=False,  # No room left in the footer: the count line names it.
        ),
        Binding(
            "delete",
            "screen.remove_item",
            "Retirer",
            id="logistics-remove",
            tooltip="Retirer l'élément choisi de la liste (après confirmation).",
        ),
    ]

    def __init__(self) -> None:
        super().__init__([("", 1), ("Élément", 66)], id="logistics-table")


class QuestionnaireTable(RecordTable):
    """The questionnaire definitions a démarche can type its sheets against."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.choose_questionnaire",
            "Choisir",
            id="questionnaire-choose",
            tooltip="Utiliser ce questionnaire pour la saisie des réponses (étape 3).",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("", 1), ("Questionnaire", 44), ("Version", 8), ("Questions", 9)],
            id="questionnaire-table",
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


def choice_key(choice: QuestionnaireChoice) -> str:
    return f"{choice.code}@{choice.version}"


class Step2Screen(PartsScreen):
    """Four parts in tabs, each one F-key away; every change is stored at once."""

    CSS_PATH = "step2.tcss"
    HELP = (
        "Étape 2 : le comité de pilotage fixe le planning des quatre ateliers, le rôle de "
        "chacun, la logistique et le questionnaire. F5 à F8 passent d'une partie à l'autre ; "
        "tout est enregistré dès la validation."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        *part_bindings("step2", PARTS),
        STEP_DONE_BINDING,
    ]

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        # What each table shows, by row key, as the store returned it (never truncated).
        self.members: dict[str, CommitteeMemberRecord] = {}
        self.items: dict[str, LogisticsItemRecord] = {}
        self.choices: dict[str, QuestionnaireChoice] = {}

    def compose(self) -> ComposeResult:
        yield StepHeader(2)
        yield from self.compose_parts(PARTS)
        yield Footer()

    def compose_part(self, part: str) -> ComposeResult:
        if part == "committee":
            yield CommitteeTable()
            yield Static(
                "Aucun membre pour l'instant : a pour en ajouter.",
                id="committee-empty",
                classes="hint",
            )
        elif part == "workshops":
            yield WorkshopTable()
            yield Static(
                "⏎ sur un atelier pour fixer sa date, ses horaires et son lieu.", classes="hint"
            )
        elif part == "logistics":
            yield LogisticsTable()
            yield Static("", id="logistics-count", classes="counts")
        else:
            yield QuestionnaireTable()
            yield Static("", id="questionnaire-state", classes="hint")

    def on_mount(self) -> None:
        self.after_change()
        self.refresh_committee()
        self.refresh_workshops()
        self.refresh_logistics()
        self.refresh_questionnaires()
        self.query_one(CommitteeTable).focus()

    # --- parts -------------------------------------------------------------------------

    def focus_part(self, part: str) -> None:
        self.query_one(f"#{part}").query_one(RecordTable).focus()

    def after_change(self) -> None:
        """Something was stored in step 2: it is now at least in progress."""
        try:
            status = self.store.steps.status(self.demarche_id, 2)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.query_one(StepHeader).show_status(status)
        self.refresh_bindings()

    def action_toggle_done(self) -> None:
        try:
            status = toggle_step_done(self.store, self.demarche_id, 2)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.query_one(StepHeader).show_status(status)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        needs_row = {
            "edit_member": CommitteeTable,
            "remove_member": CommitteeTable,
            "toggle_item": LogisticsTable,
            "rename_item": LogisticsTable,
            "remove_item": LogisticsTable,
            "choose_questionnaire": QuestionnaireTable,
        }
        table_type = needs_row.get(action)
        if table_type is None:
            return True
        try:
            return self.query_one(table_type).current_key is not None
        except NoMatches:
            return False

    # --- comité de pilotage ------------------------------------------------------------

    def refresh_committee(self, select: str | None = None) -> None:
        members = self.read(lambda: self.store.committee.all(self.demarche_id))
        if members is None:
            return
        self.members = {m.id: m for m in members}
        self.query_one(CommitteeTable).fill(
            ((m.id, [m.name, m.role, m.organisation]) for m in self.members.values()),
            select=select,
        )
        self.query_one("#committee-empty").display = not self.members

    def action_add_member(self) -> None:
        added: list[str] = []

        def save(draft: CommitteeDraft) -> None:
            added.append(
                self.store.committee.add(
                    self.demarche_id, draft.name, draft.role, draft.organisation
                )
            )

        def done(draft: CommitteeDraft | None) -> None:
            if draft is not None:
                self.refresh_committee(select=added[-1])
                self.after_change()

        self.app.push_screen(CommitteeFormDialog("Nouveau membre du comité", save=save), done)

    def action_edit_member(self) -> None:
        member = self.members.get(self.query_one(CommitteeTable).current_key or "")
        if member is None:
            return

        def save(draft: CommitteeDraft) -> None:
            self.store.committee.update(member.id, draft.name, draft.role, draft.organisation)

        def done(draft: CommitteeDraft | None) -> None:
            if draft is not None:
                self.refresh_committee()

        current = CommitteeDraft(member.name, member.role, member.organisation)
        self.app.push_screen(
            CommitteeFormDialog("Modifier le membre du comité", current, save=save), done
        )

    def action_remove_member(self) -> None:
        member = self.members.get(self.query_one(CommitteeTable).current_key or "")
        if member is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.run_safely(lambda: self.store.committee.remove(member.id)):
                self.refresh_committee()
                self.notify(f"{member.name} ne fait plus partie du comité.", markup=False)

        self.app.push_screen(ConfirmDialog(f"Retirer {member.name} du comité ?"), confirmed)

    # --- ateliers ----------------------------------------------------------------------

    def refresh_workshops(self) -> None:
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
            self.refresh_workshops()
            self.after_change()
            for warning in warnings:
                self.notify(warning, title="Planning", severity="warning", markup=False)

        self.app.push_screen(WorkshopPlanFormDialog(plan, save=save), done)

    # --- logistique --------------------------------------------------------------------

    def refresh_logistics(self, select: str | None = None) -> None:
        items = self.read(lambda: self.store.logistics.all(self.demarche_id))
        if items is None:
            return
        self.items = {i.id: i for i in items}
        self.query_one(LogisticsTable).fill(
            ((i.id, ["☑" if i.done else "☐", i.label]) for i in self.items.values()),
            select=select,
        )
        ready = sum(1 for i in self.items.values() if i.done)
        self.query_one("#logistics-count", Static).update(
            f"{ready}/{len(self.items)} prêts · Espace coche ou décoche · ⏎ renomme"
        )

    def action_toggle_item(self) -> None:
        item_id = self.query_one(LogisticsTable).current_key
        if item_id is not None and self.run_safely(lambda: self.store.logistics.toggle(item_id)):
            self.refresh_logistics()
            self.after_change()

    def action_add_item(self) -> None:
        added: list[str] = []

        def save(label: str) -> None:
            added.append(self.store.logistics.add(self.demarche_id, label))

        def done(label: str | None) -> None:
            if label is not None:
                self.refresh_logistics(select=added[-1])

        self.app.push_screen(LineDialog("Nouvel élément de logistique", "Élément", save=save), done)

    def action_rename_item(self) -> None:
        item = self.items.get(self.query_one(LogisticsTable).current_key or "")
        if item is None:
            return

        def save(text: str) -> None:
            self.store.logistics.rename(item.id, text)

        def done(text: str | None) -> None:
            if text is not None:
                self.refresh_logistics()

        self.app.push_screen(
            LineDialog("Renommer l'élément de logistique", "Élément", item.label, save=save), done
        )

    def action_remove_item(self) -> None:
        item = self.items.get(self.query_one(LogisticsTable).current_key or "")
        if item is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.run_safely(lambda: self.store.logistics.remove(item.id)):
                self.refresh_logistics()

        self.app.push_screen(
            ConfirmDialog(f"Retirer « {item.label} » de la logistique ?"), confirmed
        )

    # --- questionnaire -----------------------------------------------------------------

    def refresh_questionnaires(self) -> None:
        questionnaires = self.store.questionnaires
        found = self.read(
            lambda: (questionnaires.available(), questionnaires.chosen(self.demarche_id))
        )
        if found is None:
            return
        available, chosen = found
        chosen_key = choice_key(chosen) if chosen else None
        self.choices = {choice_key(c): c for c in available}
        self.query_one(QuestionnaireTable).fill(
            (
                (key, ["✔" if key == chosen_key else "", c.title, c.version, str(c.item_count)])
                for key, c in self.choices.items()
            ),
            select=chosen_key,
        )
        state = self.query_one("#questionnaire-state", Static)
        if not available:
            state.update(
                "Aucun questionnaire disponible : les fichiers de définition manquent "
                "dans le dossier schemas/ de l'installation."
            )
        elif chosen is None:
            state.update("Aucun questionnaire choisi : ⏎ sur une ligne pour le choisir.")
        else:
            state.update(f"Choisi : {escape(chosen.title)}, version {escape(chosen.version)}.")

    def action_choose_questionnaire(self) -> None:
        key = self.query_one(QuestionnaireTable).current_key
        choice = self.choices.get(key or "")
        if choice is None:
            return
        if self.run_safely(
            lambda: self.store.questionnaires.choose(self.demarche_id, choice.code, choice.version)
        ):
            self.refresh_questionnaires()
            self.after_change()
            self.notify(f"Questionnaire choisi : {choice.title}.", markup=False)
