"""Step 3: the questionnaire de sociabilité — the sheets typed so far, and the ways in."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from vitalite_tui.domain.questionnaire_form import (
    FieldKind,
    ProfileFieldSpec,
    QuestionnaireForm,
    choice_label,
)
from vitalite_tui.domain.text import plural
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.questionnaire.records import SheetLine, SheetMode
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.screens.questionnaire.sheet_entry import SheetEntryScreen, sheet_label
from vitalite_tui.tui.screens.step_done import toggle_step_done
from vitalite_tui.tui.widgets.footer import Footer
from vitalite_tui.tui.widgets.round_timer import local_time
from vitalite_tui.tui.widgets.step_header import STEP_DONE_BINDING, StepHeader
from vitalite_tui.tui.widgets.table import RecordTable

if TYPE_CHECKING:
    from vitalite_tui.print.paper import Printed
    from vitalite_tui.store import Store

STEP = 3

#: v and w share one footer entry (« v w Vérifier »): the footer has no room for two at
#: 80 columns; F1 tells them apart.
VERIFY_KEYS = Binding.Group("Vérifier")


class SheetTable(RecordTable):
    """The sheets in number order; the keys that act on one sheet live here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.correct",
            "Corriger",
            id="sheet-correct",
            tooltip="Ouvrir la fiche choisie pour la corriger (réponses déjà remplies).",
        ),
        Binding(
            "v",
            "screen.verify",
            "Vérifier",
            id="sheet-verify",
            tooltip="Retaper la fiche choisie sans voir la première saisie, puis trancher "
            "chaque différence d'une touche.",
            group=VERIFY_KEYS,
        ),
        Binding(
            "w",
            "screen.verify_all",
            "Vérifier tout",
            id="sheet-verify-all",
            tooltip="Vérifier à la suite chaque fiche non vérifiée, de la fiche choisie à la "
            "dernière puis depuis la première : la suivante s'ouvre dès qu'une est vérifiée.",
            group=VERIFY_KEYS,
        ),
        Binding(
            "delete",
            "screen.remove",
            "Retirer",
            id="sheet-remove",
            tooltip="Retirer la fiche choisie (après confirmation) ; u la fait revenir.",
        ),
        Binding(
            "u",
            "screen.restore",
            "Rétablir",
            id="sheet-restore",
            tooltip="Annuler le retrait : la dernière fiche retirée revient.",
            show=False,  # No room in the footer: the notice of the removal names it.
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [
                ("N°", 5),
                ("Saisie le", 11),
                ("Commune", 16),
                ("Âge", 15),
                ("Réponses", 8),
                ("État", 8),
            ],
            id="sheet-table",
        )


def segment_field(form: QuestionnaireForm) -> ProfileFieldSpec | None:
    """The profile choice shown in the list: the age band, else the first choice field."""
    choices = [field for field in form.profile if field.kind is FieldKind.CHOICE]
    return next((f for f in choices if f.code == "age"), choices[0] if choices else None)


def commune_field(form: QuestionnaireForm) -> ProfileFieldSpec | None:
    return next((f for f in form.profile if f.kind is FieldKind.COMMUNE), None)


def sheet_cells(record: SheetLine, form: QuestionnaireForm) -> list[str]:
    """« 12 · 16/10 19:02 · Lagrasse · 40 à 59 ans · 22/24 · ✔ import »."""
    commune = commune_field(form)
    segment = segment_field(form)
    state = " ".join(
        part
        for part, shown in (("✔", record.verified), ("import", record.mode is SheetMode.IMPORT))
        if shown
    )
    return [
        "" if record.sheet_number is None else str(record.sheet_number),
        local_time(record.created_at).strftime("%d/%m %H:%M"),
        record.profile.get(commune.code, "") if commune else "",
        choice_label(segment.choices, record.profile.get(segment.code, "")) if segment else "",
        f"{record.answered}/{record.asked}",
        state,
    ]


class Step3Screen(BaseScreen):
    """The step's hub: which questionnaire, how many sheets, the list; n types new ones."""

    AUTOMATIC_COPIES = True

    CSS_PATH = "sheets.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "new_sheet",
            "Saisir",
            id="sheet-new",
            tooltip="Saisir des fiches papier, l'une après l'autre.",
        ),
        Binding(
            "insert",
            "new_sheet",
            "Saisir",
            id="sheet-new-insert",
            tooltip="Saisir des fiches papier, l'une après l'autre.",
            show=False,
        ),
        Binding(
            "s",
            "second_entries",
            "2 postes",
            id="sheet-second-entries",
            tooltip="Les fiches saisies sur deux postes qui diffèrent : trancher chaque "
            "différence d'une touche (la seconde saisie vaut vérification).",
            show=False,  # No room in the footer: the counts line names it when some wait.
        ),
        Binding(
            "b",
            "barometer",
            "Baromètre",
            id="barometer",
            tooltip="Le baromètre de la vitalité sociale calculé à partir des fiches.",
        ),
        Binding(
            "i",
            "print_sheets",
            "Imprimer",
            id="sheet-print",
            tooltip="Imprimer 10 fiches numérotées (après le dernier numéro imprimé ou saisi) "
            "en PDF dans exports/.",
            show=False,  # No room at 80 columns: F1 says it.
        ),
        STEP_DONE_BINDING,
        Binding(
            "ctrl+q",
            "app.quit",
            "Quitter",
            id="step3-quit",
            tooltip="Quitter le programme : chaque fiche de la liste est déjà enregistrée.",
            show=False,  # The footer has room for F1, not for both.
            priority=True,
        ),
    ]

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        self.records: dict[str, SheetLine] = {}
        #: Sheets removed from this screen, last one last: `u` brings them back.
        self.removed: list[SheetLine] = []

    def compose(self) -> ComposeResult:
        yield StepHeader(STEP)
        yield Static("", id="questionnaire", classes="hint")
        yield Static("", id="sheet-counts", classes="counts")
        yield SheetTable()
        yield Static("", id="empty", classes="hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(SheetTable).focus()

    def on_screen_resume(self) -> None:
        # Back from typing or correcting: the list, the counts and the step's status changed.
        self.refresh_sheets()

    # --- the list ----------------------------------------------------------------------

    def refresh_sheets(self, select: str | None = None) -> None:
        try:
            status = self.store.steps.status(self.demarche_id, STEP)
            form = self.store.responses.form(self.demarche_id)
            chosen = self.store.questionnaires.chosen(self.demarche_id)
            sheets = self.store.responses.lines(self.demarche_id)
            pending = len(self.store.responses.second_entries(self.demarche_id))
        except VitaliteError as exc:
            self.report(exc)
            return
        self.query_one(StepHeader).show_status(status)
        origin = "" if chosen else " — par défaut (aucun choisi à l'étape 2)"
        self.query_one("#questionnaire", Static).update(
            Content(
                f"Questionnaire : {form.title} ({form.label}, "
                f"{plural(len(form.items), 'question')}){origin}"
            )
        )
        if select is None and self.records:
            # Back from typing: the cursor on the last sheet added, where the pile stopped.
            added = [record.id for record, _ in sheets if record.id not in self.records]
            select = added[-1] if added else None
        self.records = {record.id: record for record, _ in sheets}
        self.query_one(SheetTable).fill(
            ((record.id, sheet_cells(record, sheet_form)) for record, sheet_form in sheets),
            select=select,
        )
        verified = sum(1 for record in self.records.values() if record.verified)
        imported = sum(1 for r in self.records.values() if r.mode is SheetMode.IMPORT)
        self.query_one("#sheet-counts", Static).update(
            f"{plural(len(sheets), 'fiche saisie', 'fiches saisies')} · "
            f"{plural(verified, 'vérifiée')} · {plural(imported, 'importée')}"
            + (f" · s : {plural(pending, 'double')} à trancher" if pending else "")
        )
        empty = self.query_one("#empty", Static)
        empty.display = not sheets
        empty.update(
            "Aucune fiche pour l'instant : n pour saisir la première fiche papier "
            "(ou «\u00a0vitalite questionnaire import FICHIER\u00a0» pour un tableur)."
        )
        self.refresh_bindings()

    @property
    def current(self) -> SheetLine | None:
        return self.records.get(self.query_one(SheetTable).current_key or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("correct", "verify", "remove"):
            return self.current is not None
        if action == "restore":
            return bool(self.removed)
        if action == "verify_all":
            return bool(self.unverified())
        return True

    def action_toggle_done(self) -> None:
        toggle_step_done(self, self.demarche_id, STEP)

    # --- typing, correcting, verifying -------------------------------------------------

    def action_new_sheet(self) -> None:
        self.app.push_screen(SheetEntryScreen(self.demarche_id))

    def action_correct(self) -> None:
        record = self.current
        if record is not None:
            self.app.push_screen(SheetEntryScreen(self.demarche_id, record.id))

    def action_verify(self) -> None:
        record = self.current
        if record is not None:
            self.app.push_screen(SheetEntryScreen(self.demarche_id, record.id, verify=True))

    def action_print_sheets(self) -> None:
        from vitalite_tui.tui.printing import print_in_background

        def make(store: Store) -> Printed:
            from vitalite_tui.print.questionnaire import print_questionnaire

            return print_questionnaire(store, self.demarche_id)

        print_in_background(self, make, "Questionnaires imprimés")

    def action_second_entries(self) -> None:
        from vitalite_tui.tui.screens.questionnaire.verification import SecondEntriesScreen

        self.app.push_screen(SecondEntriesScreen(self.demarche_id))

    def unverified(self) -> list[str]:
        """The sheets not verified yet, from the one chosen on (then from the top)."""
        ids = [key for key, record in self.records.items() if not record.verified]
        chosen = self.query_one(SheetTable).current_key
        start = next((i for i, key in enumerate(ids) if key == chosen), None)
        if start is None and chosen in self.records:
            keys = list(self.records)
            after = keys[keys.index(chosen) :]
            start = next((ids.index(key) for key in after if key in ids), 0)
        return ids[start or 0 :] + ids[: start or 0]

    def action_verify_all(self) -> None:
        waiting = self.unverified()
        if waiting:
            first, *rest = waiting
            self.app.push_screen(SheetEntryScreen(self.demarche_id, first, verify=True, then=rest))

    def action_barometer(self) -> None:
        from vitalite_tui.tui.screens.questionnaire.barometer import BarometerScreen

        self.app.push_screen(BarometerScreen(self.demarche_id))

    # --- removing and restoring --------------------------------------------------------

    def action_remove(self) -> None:
        record = self.current
        if record is None:
            return
        shown = sheet_label(record.sheet_number)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.responses.remove(record.id)
            except VitaliteError as exc:
                self.report(exc)
                return
            self.removed.append(record)
            self.refresh_sheets()
            self.notify(f"Fiche {shown} retirée. u pour annuler.")

        self.app.push_screen(
            ConfirmDialog(
                f"Retirer la fiche {shown} ? Ses réponses ne compteront plus dans le baromètre "
                "(u la fait revenir)."
            ),
            confirmed,
        )

    def action_restore(self) -> None:
        if not self.removed:
            return
        record = self.removed[-1]
        try:
            self.store.responses.restore(record.id)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.removed.pop()
        self.refresh_sheets(select=record.id)
        self.notify(f"La fiche {sheet_label(record.sheet_number)} est de retour.")
