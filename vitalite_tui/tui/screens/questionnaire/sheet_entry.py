"""Step 3: a paper questionnaire typed fast (one key per answer), corrected, or verified blind."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import ClassVar

from textual.binding import Binding, BindingType

from vitalite_tui.domain.text import plural
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.questionnaire.records import SheetDraft
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.questionnaire.sheet_form import (
    EntryMode,
    difference_row,
    evening_start,
    following_number,
    quoted,
    rows_for_code,
    sheet_label,
)
from vitalite_tui.tui.screens.questionnaire.sheet_typing import SheetTypingScreen
from vitalite_tui.tui.screens.questionnaire.verification import Resolution
from vitalite_tui.tui.widgets.unsaved_sheet import Leave, UnsavedSheetDialog

__all__ = ["SheetEntryScreen", "evening_start", "sheet_label"]


class SheetEntryScreen(SheetTypingScreen):
    """One line per question, one key per answer; the next sheet starts by itself."""

    CSS_PATH = "sheet_entry.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "save",
            "Enregistrer",
            id="sheet-save",
            tooltip="Enregistrer la fiche telle quelle : une question non tapée compte "
            "« sans réponse ».",
        ),
        Binding(
            "f2",
            "compare",
            "Comparer",
            id="sheet-compare",
            tooltip="Comparer la fiche retapée avec la première saisie (une question non "
            "tapée compte « sans réponse »).",
        ),
        Binding(
            "1",
            "resolve(False)",
            "Garder",
            id="sheet-resolve-keep",
            tooltip="Différence : garder la première saisie.",
        ),
        Binding(
            "2",
            "resolve(True)",
            "Nouvelle",
            id="sheet-resolve-take",
            tooltip="Différence : prendre la nouvelle saisie.",
        ),
        Binding(
            "f5",
            "go_to_code",
            "Aller à",
            id="sheet-go-to-code",
            tooltip="Aller à une question par son code (I2_V3, ou son début), puis ⏎.",
        ),
        Binding(
            "escape",
            "back",
            "Retour",
            id="back",
            tooltip="Revenir à la liste des fiches ; une fiche commencée : l'enregistrer, "
            "l'abandonner ou rester (au choix).",
        ),
    ]

    def on_mount(self) -> None:
        if self.error is not None or self.form is None:
            if self.error is not None:
                self.report(self.error)
            return
        try:
            if self.mode is EntryMode.NEW:
                self.total = self.store.responses.count(self.demarche_id)
                self.tonight = self.store.responses.typed_since(
                    self.demarche_id, evening_start(datetime.now(timezone.utc))
                )
                number: int | None = self.store.responses.next_sheet_number(self.demarche_id)
            else:
                assert self.record is not None
                number = self.record.sheet_number
        except VitaliteError as exc:
            self.report(exc)
            return
        self.show_title()
        if self.mode is EntryMode.CORRECT and self.record is not None:
            self.fill(self.record)
        else:
            self.start_sheet(number)

    # --- a sheet stored -------------------------------------------------------------------

    def action_save(self) -> None:
        self.finish()

    def action_compare(self) -> None:
        self.finish()

    def finish(self) -> None:
        """Store what is typed, as the mode says: then the next sheet, or back to the list."""
        if self.mode is EntryMode.VERIFY:
            self.compare()
            return
        if self.mode is EntryMode.NEW and not self.dirty:
            self.say("Rien n'est tapé sur cette fiche")
            return
        draft = self.store_sheet()
        if draft is None:
            return
        if self.mode is EntryMode.CORRECT:
            self.leave()
            return
        self.start_sheet(self.following_number(draft.sheet_number))
        self.say(f"✔ Fiche {sheet_label(draft.sheet_number)} enregistrée")

    def store_sheet(self) -> SheetDraft | None:
        """A new sheet saved, or the corrected one updated; None after saying why not."""
        try:
            draft = self.draft()
            if self.sheet_id is None:
                self.store.responses.save_sheet(self.demarche_id, draft)
            else:
                self.store.responses.update_sheet(self.sheet_id, draft)
        except VitaliteError as exc:
            self.report(exc)
            return None
        self.initial = self.snapshot()
        if self.mode is EntryMode.NEW:
            # Said on the progress line: a toast would hide the legend at every sheet.
            self.tonight += 1
            self.total += 1
            self.show_title()
        else:
            self.notify(f"Fiche {sheet_label(draft.sheet_number)} corrigée.", timeout=4)
        return draft

    def following_number(self, number: int | None) -> int | None:
        """The first free number after the one just stored (the pile's next sheet)."""
        try:
            taken = self.store.responses.sheet_numbers(self.demarche_id)
        except VitaliteError as exc:
            self.report(exc)
            return None
        return following_number(number, taken)

    def leave(self) -> None:
        super().action_back()

    # --- verification ------------------------------------------------------------------

    def compare(self) -> None:
        """The retyped sheet against the stored one: verified at once, or differences shown."""
        assert self.sheet_id is not None
        try:
            differences = self.store.responses.verify(self.sheet_id, self.draft())
            if not differences:
                self.store.responses.mark_verified(self.sheet_id)
        except VitaliteError as exc:
            self.report(exc)
            return
        if not differences:
            self.notify(f"{self.sheet_name} vérifiée : aucune différence.", timeout=5)
            self.verified_next()
            return
        self.resolution = Resolution(differences)
        self.grid.locked = True
        self.head.freeze()
        self.set_focus(self.grid)
        self.show_difference()
        self.refresh_bindings()

    @property
    def sheet_name(self) -> str:
        """« La fiche n° 12 » being verified."""
        return f"La fiche {sheet_label(self.record.sheet_number if self.record else None)}"

    def show_difference(self) -> None:
        assert self.resolution is not None
        assert self.form is not None
        self.grid.mark(difference_row(self.form, self.resolution.current))
        self.show_state()

    def action_resolve(self, take_new: bool) -> None:
        resolution = self.resolution
        if resolution is None or self.sheet_id is None:
            return
        if not resolution.decide(take_new):
            self.show_difference()
            return
        try:
            # Once every difference is decided: the sheet takes the chosen values and is
            # marked verified in the same write (never half-way if the laptop stops).
            self.store.responses.resolve(self.sheet_id, resolution.accepted)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.resolution = None
        self.notify(resolution.summary(self.sheet_name), timeout=6)
        self.verified_next()

    def verified_next(self) -> None:
        """This sheet is verified: the next one of the series at once, else back to the list."""
        if not self.then:
            self.leave()
            return
        following, *rest = self.then
        self.app.switch_screen(
            SheetEntryScreen(self.demarche_id, following, verify=True, then=rest)
        )

    # --- going to a question -----------------------------------------------------------

    def action_go_to_code(self) -> None:
        from vitalite_tui.tui.screens.questionnaire.question_code import QuestionCodeDialog

        def chosen(typed: str | None) -> None:
            if typed is None or self.form is None:
                return
            rows = rows_for_code(self.form, typed)
            if len(rows) == 1:
                self.set_focus(self.grid)
                self.grid.go_to(rows[0])
            elif rows:
                count = plural(len(rows), "question")
                self.say(f"⚠ {quoted(typed.strip())} : {count} commencent ainsi, tapez le code")
            else:
                codes = ", ".join(item.code for item in self.form.items[:3])
                self.say(f"⚠ {quoted(typed.strip())} : aucune question de ce code ({codes}…)")

        self.app.push_screen(QuestionCodeDialog(), chosen)

    # --- leaving -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resolve":
            return self.resolving
        if action in ("save", "compare"):
            return self.form is not None and not self.resolving and action == self.f2_action
        if action == "go_to_code":
            return self.form is not None and not self.resolving
        return True

    def action_back(self) -> None:
        if not self.dirty:
            self.leave()
            return
        if self.mode is EntryMode.VERIFY:

            def abandon(yes: bool | None) -> None:
                if yes:
                    self.leave()

            self.app.push_screen(
                ConfirmDialog(
                    "Abandonner la vérification ? La fiche reste telle qu'elle a été "
                    "saisie la première fois, non vérifiée.\nNon : continuer."
                ),
                abandon,
            )
            return

        def chosen(choice: Leave | None) -> None:
            if choice is Leave.SAVE:
                draft = self.store_sheet()
                if draft is None:
                    return  # Not stored (the message says why): the sheet stays on screen.
                if self.mode is EntryMode.NEW:
                    self.notify(f"Fiche {sheet_label(draft.sheet_number)} enregistrée.")
            if choice is not None:
                self.leave()

        self.app.push_screen(
            UnsavedSheetDialog(
                f"La fiche {sheet_label(self.typed_number())} n'est pas enregistrée "
                f"({self.progress_text()}). Une question non tapée compterait "
                f"{quoted('sans réponse')}."
            ),
            chosen,
        )
