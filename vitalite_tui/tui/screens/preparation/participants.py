"""The participants registry: type to filter, add, edit, remove, undo the last of these, join
probable duplicates; thirds shown live."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, Static

from vitalite_tui.domain.text import plural
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.exchange.records import Duplicate
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.participant_form import (
    DEFAULT_COLLEGE,
    ParticipantFormDialog,
    SamePerson,
)
from vitalite_tui.tui.dialogs.registry_checks import DuplicatePickDialog
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.screens.preparation.registry_undo import Change, Undoable, UndoStack
from vitalite_tui.tui.widgets.footer import Footer
from vitalite_tui.tui.widgets.note_input import LineInput
from vitalite_tui.tui.widgets.table import RecordTable
from vitalite_tui.tui.widgets.typing_order import act_in_order, pass_on

#: The id of `u`'s binding, whose words name the action it will undo.
UNDO_ID = "participant-undo"
UNDO_TOOLTIP = "Annuler la dernière inscription, modification ou suppression."


class FilterInput(LineInput):
    """The type-to-filter line; ↓ (or Enter) goes down to the list. Its keys act in the
    order typed: Escape clears it at once, before the keys typed after it come."""

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
            "screen.undo",
            "Annuler",
            id=UNDO_ID,
            tooltip=UNDO_TOOLTIP,
        ),
        Binding(
            "d",
            "screen.duplicates",
            "Doublons",
            id="participant-duplicates",
            tooltip="Lister les doublons probables (même nom, même commune) et en réunir deux "
            "en une seule personne, qui garde présences, notes et votes.",
            # Said by the warning line when there are some: the footer is full at 80 columns.
            show=False,
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

    async def _on_key(self, event: events.Key) -> None:
        # In typing order: « Échap /race » typed fast from the filter reaches here as a
        # whole (the filter handed it on when Échap moved the focus); `/` must move the
        # focus back before « race » comes, and « race » follow it there. Only `/`: a key
        # that opens a form (Inser) waits for the app as usual, which sends the keys typed
        # after it to the form's first field once it has the focus; run here at once, they
        # would reach the form before any field had it, and be lost.
        if event.key == "slash":
            await act_in_order(self, event)
        else:
            pass_on(self, event)


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
        #: The last registrations, changes and removals: `u` takes back the last one.
        self.undo = UndoStack()
        #: Pairs of people probably registered twice (same name and commune).
        self.duplicates: list[Duplicate] = []
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
            self.duplicates = self.store.participants.duplicates(self.demarche_id)
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
        if self.duplicates:
            pairs = plural(len(self.duplicates), "doublon probable", "doublons probables")
            messages = [*messages, f"{pairs} (même nom, même commune) : d pour les réunir."]
        warnings.update("\n".join(f"⚠ {m}" for m in messages))
        warnings.display = bool(messages)
        self.show_undo()

    def show_undo(self) -> None:
        """`u` says in F1 what it will undo (the footer has no room for a name); it leaves
        the footer when nothing can be undone."""
        top = self.undo.top
        tooltip = UNDO_TOOLTIP if top is None else f"Annuler {top.what}."
        # The binding as the table holds it (a keymap may have moved it to another key).
        keys = self.query_one(ParticipantTable)._bindings.key_to_bindings
        for key, bindings in keys.items():
            keys[key] = [
                replace(binding, tooltip=tooltip) if binding.id == UNDO_ID else binding
                for binding in bindings
            ]
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
        if action == "undo":
            return bool(self.undo)
        if action == "duplicates":
            return bool(self.duplicates)
        return True

    # --- add, edit, remove, undo ---------------------------------------------------------

    def same_person(self, besides: str = "") -> SamePerson:
        """Who is already registered under a draft's name and commune (`besides` aside)."""

        def found(draft: ParticipantDraft) -> list[ParticipantRecord]:
            return self.store.participants.same_person(
                self.demarche_id, draft.display_name, draft.commune, besides=besides
            )

        return found

    def open_existing(self, participant_id: str) -> None:
        """The card of someone found already registered, in place of the one being typed."""
        # Shown even if the filter hides them: the list is cleared for it.
        if participant_id not in self.records:
            self.query_one("#filter", FilterInput).value = ""
            self.refresh_rows(select=participant_id)
        else:
            self.query_one(ParticipantTable).fill(
                ((r.id, participant_cells(r)) for r in self.records.values()),
                select=participant_id,
            )
        self.call_after_refresh(self.action_edit)

    def action_add(self) -> None:
        added: list[str] = []

        def save(draft: ParticipantDraft) -> None:
            added.append(self.store.participants.add(self.demarche_id, draft))

        def done(draft: ParticipantDraft | None) -> None:
            if draft is None:
                return
            self.last_college = draft.college
            try:
                record = self.store.participants.get(added[-1])
            except VitaliteError as exc:
                self.report(exc)
                return
            self.undo.push(Undoable(Change.ADDED, record))
            self.refresh_rows(select=added[-1])
            hidden = "" if added[-1] in self.records else " (masqué par le filtre)"
            self.notify(
                f"{record.code} {record.display_name} est inscrit(e){hidden}. u pour annuler.",
                markup=False,
            )

        blank = ParticipantDraft("", self.last_college)
        self.app.push_screen(
            ParticipantFormDialog(
                "Nouveau participant",
                blank,
                communes=self.communes,
                save=save,
                same_person=self.same_person(),
                open_existing=self.open_existing,
            ),
            done,
        )

    def action_edit(self) -> None:
        record = self.current
        if record is None:
            return

        def save(draft: ParticipantDraft) -> None:
            self.store.participants.update(record.id, draft)

        def done(draft: ParticipantDraft | None) -> None:
            if draft is None:
                return
            self.undo.push(Undoable(Change.EDITED, record, before=record.draft()))
            self.refresh_rows(select=record.id)

        self.app.push_screen(
            ParticipantFormDialog(
                f"Fiche de {record.code}",
                record.draft(),
                communes=self.communes,
                save=save,
                same_person=self.same_person(besides=record.id),
                open_existing=self.open_existing,
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
            self.undo.push(Undoable(Change.REMOVED, record))
            self.refresh_rows()
            self.notify(
                f"{record.display_name} est retiré(e) du registre. u pour annuler.",
                markup=False,
            )

        question = f"Retirer {record.display_name} ({record.code}) du registre ?"
        self.app.push_screen(ConfirmDialog(question), confirmed)

    def action_undo(self) -> None:
        action = self.undo.top
        if action is None:
            return
        person = action.person
        participants = self.store.participants
        try:
            if action.change is Change.ADDED:
                participants.remove(person.id)
            elif action.change is Change.REMOVED:
                participants.restore(person.id)
            elif action.before is not None:
                participants.update(person.id, action.before)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.undo.pop()
        self.refresh_rows(select=None if action.change is Change.ADDED else person.id)
        self.notify(f"Annulé : {action.what}.", markup=False)

    # --- probable duplicates ------------------------------------------------------------

    def action_duplicates(self) -> None:
        pairs = list(self.duplicates)
        if not pairs:
            return

        def picked(number: str | None) -> None:
            if number is not None:
                self.confirm_join(pairs[int(number) - 1])

        self.app.push_screen(DuplicatePickDialog(pairs), picked)

    def confirm_join(self, pair: Duplicate) -> None:
        kept, other = pair.codes
        commune = f" ({pair.commune})" if pair.commune else ""

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.participants.merge(pair.keep_id, pair.other_id)
            except VitaliteError as exc:
                self.report(exc)
                return
            # What came before the join cannot be taken back by halves: `u` starts afresh.
            self.undo.clear()
            self.refresh_rows(select=pair.keep_id)
            self.notify(f"{kept} et {other} ne font plus qu'une personne : {kept}.", markup=False)

        question = (
            f"Réunir {kept} et {other}, « {pair.name} »{commune}, en une seule personne ? "
            f"La fiche de {kept} est gardée ; les présences, notes et votes de {other} "
            f"passent à {kept}, puis {other} est retiré(e) du registre. "
            "Cela ne s'annule pas avec u."
        )
        self.app.push_screen(ConfirmDialog(question, enter_means_yes=False), confirmed)
