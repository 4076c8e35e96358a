"""The participants registry: type to filter, add, edit, remove and restore, thirds shown live."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Footer, Input, Label, Static

from vitalite_tui.domain.text import plural
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.participant_form import DEFAULT_COLLEGE, ParticipantFormDialog
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.widgets.table import RecordTable


class FilterInput(Input):
    """The type-to-filter line; ↓ (or Enter) goes down to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "screen.focus_table",
            "Liste",
            id="filter-to-list",
            tooltip="Descendre dans la liste des participants.",
        ),
    ]


class ParticipantTable(RecordTable):
    """The registry's rows; the letters act here, where typing cannot be meant as text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "screen.add",
            "Ajouter",
            id="participant-add",
            tooltip="Inscrire un nouveau participant.",
        ),
        Binding(
            "insert",
            "screen.add",
            "Ajouter",
            id="participant-add-insert",
            tooltip="Inscrire un nouveau participant.",
            show=False,
        ),
        Binding(
            "enter",
            "screen.edit",
            "Modifier",
            id="participant-edit",
            tooltip="Modifier la fiche du participant choisi.",
        ),
        Binding(
            "e",
            "screen.edit",
            "Modifier",
            id="participant-edit-e",
            tooltip="Modifier la fiche du participant choisi.",
            show=False,
        ),
        Binding(
            "delete",
            "screen.remove",
            "Retirer",
            id="participant-remove",
            tooltip="Retirer le participant choisi du registre (après confirmation).",
        ),
        Binding(
            "u",
            "screen.restore",
            "Annuler",
            id="participant-restore",
            tooltip="Annuler la suppression : le dernier participant retiré revient.",
        ),
        Binding(
            "slash",
            "screen.focus_filter",
            "Filtrer",
            id="participant-filter",
            tooltip="Aller à la ligne de filtre (nom, commune, structure, collège).",
            show=False,
            key_display="/",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("Code", 4), ("Nom", 22), ("Collège", 7), ("Commune", 16), ("Structure", 17)],
            id="participant-table",
        )


def participant_cells(record: ParticipantRecord) -> list[str]:
    return [
        record.code,
        record.display_name,
        record.college.short,
        record.commune,
        record.organisation,
    ]


class ParticipantsScreen(BaseScreen):
    """Everyone registered for the démarche, with the balance of the three collèges."""

    CSS_PATH = "participants.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "insert",
            "add",
            "Ajouter",
            id="participants-add",
            tooltip="Inscrire un nouveau participant.",
        ),
    ]

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        self.records: dict[str, ParticipantRecord] = {}
        self.communes: list[str] = []
        #: Participants removed from this screen, last one last: `u` brings them back.
        self.removed: list[ParticipantRecord] = []
        #: People are often registered a collège at a time: a new card starts with the last one.
        self.last_college = DEFAULT_COLLEGE

    def compose(self) -> ComposeResult:
        yield Static("Participants", id="participants-title", classes="screen-title")
        with Horizontal(id="filter-line"):
            yield FilterInput(
                placeholder="Filtrer : nom, commune, structure, collège… (/ pour revenir ici)",
                id="filter",
                compact=True,
            )
            yield Label("", id="shown")
        yield ParticipantTable()
        yield Static("", id="empty", classes="hint")
        yield Static("", id="counts", classes="counts")
        yield Static("", id="warnings", classes="warning")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        try:
            demarche = self.store.demarches.get(self.demarche_id)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.communes = demarche.communes
        self.query_one("#participants-title", Static).update(
            Content(f"Participants — {demarche.territory}")
        )
        self.refresh_rows()
        self.query_one(ParticipantTable).focus()

    # --- the list ----------------------------------------------------------------------

    @property
    def filter_text(self) -> str:
        return self.query_one("#filter", FilterInput).value

    def refresh_rows(self, select: str | None = None) -> None:
        """Rows matching the filter, then the counts and warnings of the whole registry."""
        try:
            shown = self.store.participants.all(self.demarche_id, self.filter_text)
            counts = self.store.participants.counts(self.demarche_id)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.records = {r.id: r for r in shown}
        self.query_one(ParticipantTable).fill(
            ((r.id, participant_cells(r)) for r in shown), select=select
        )
        self.query_one("#counts", Static).update(
            f"Participants : {plural(counts.total, 'inscrit')} · {counts.summary()}"
        )
        filtering = bool(self.filter_text.strip())
        empty = self.query_one("#empty", Static)
        if shown:
            empty.display = False
        else:
            empty.display = True
            empty.update(
                "Personne ne correspond au filtre (Échap pour tout revoir)."
                if filtering
                else "Aucun participant pour l'instant : a ou Inser pour inscrire le premier."
            )
        self.query_one("#shown", Label).update(plural(len(shown), "affiché") if filtering else "")
        warnings = self.query_one("#warnings", Static)
        messages = counts.warnings()
        warnings.update("\n".join(f"⚠ {m}" for m in messages))
        warnings.display = bool(messages)
        self.refresh_bindings()

    @property
    def current(self) -> ParticipantRecord | None:
        return self.records.get(self.query_one(ParticipantTable).current_key or "")

    @on(Input.Changed, "#filter")
    def apply_filter(self) -> None:
        self.refresh_rows()

    @on(Input.Submitted, "#filter")
    def go_to_table(self) -> None:
        self.action_focus_table()

    def action_focus_table(self) -> None:
        # At once (not after the queued keys, as `focus()` would): typing ahead lands here.
        self.set_focus(self.query_one(ParticipantTable))

    def action_focus_filter(self) -> None:
        self.set_focus(self.query_one("#filter", FilterInput))

    def action_back(self) -> None:
        # A filter hides people: Escape first shows everyone again, then goes back.
        if self.filter_text:
            self.query_one("#filter", FilterInput).value = ""
            self.action_focus_table()
            return
        super().action_back()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove"):
            return self.current is not None
        if action == "restore":
            return bool(self.removed)
        return True

    # --- add, edit, remove, restore ----------------------------------------------------

    def action_add(self) -> None:
        added: list[str] = []

        def save(draft: ParticipantDraft) -> None:
            added.append(self.store.participants.add(self.demarche_id, draft))

        def done(draft: ParticipantDraft | None) -> None:
            if draft is None:
                return
            self.last_college = draft.college
            self.refresh_rows(select=added[-1])
            hidden = "" if added[-1] in self.records else " (masqué par le filtre)"
            try:
                record = self.store.participants.get(added[-1])
            except VitaliteError as exc:
                self.report(exc)
                return
            self.notify(
                f"{record.code} {record.display_name} est inscrit(e){hidden}.", markup=False
            )

        blank = ParticipantDraft("", self.last_college)
        self.app.push_screen(
            ParticipantFormDialog("Nouveau participant", blank, communes=self.communes, save=save),
            done,
        )

    def action_edit(self) -> None:
        record = self.current
        if record is None:
            return

        def save(draft: ParticipantDraft) -> None:
            self.store.participants.update(record.id, draft)

        def done(draft: ParticipantDraft | None) -> None:
            if draft is not None:
                self.refresh_rows(select=record.id)

        self.app.push_screen(
            ParticipantFormDialog(
                f"Fiche de {record.code}", record.draft(), communes=self.communes, save=save
            ),
            done,
        )

    def action_remove(self) -> None:
        record = self.current
        if record is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.participants.remove(record.id)
            except VitaliteError as exc:
                self.report(exc)
                return
            self.removed.append(record)
            self.refresh_rows()
            self.notify(
                f"{record.display_name} est retiré(e) du registre. u pour annuler.",
                markup=False,
            )

        question = f"Retirer {record.display_name} ({record.code}) du registre ?"
        self.app.push_screen(ConfirmDialog(question), confirmed)

    def action_restore(self) -> None:
        if not self.removed:
            return
        record = self.removed[-1]
        try:
            self.store.participants.restore(record.id)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.removed.pop()
        self.refresh_rows(select=record.id)
        self.notify(f"{record.display_name} est de retour dans le registre.", markup=False)
