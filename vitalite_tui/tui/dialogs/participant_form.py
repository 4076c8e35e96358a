"""A participant's card: name, collège, commune, organisation, contact and consents."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.communes import folded_commune, outside_territory
from vitalite_tui.domain.merge import person_key
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord
from vitalite_tui.tui.dialogs.registry_checks import (
    KEEP_AS_TYPED,
    REGISTER_ANYWAY,
    CommunePickDialog,
    SamePersonDialog,
)
from vitalite_tui.tui.widgets.choice import ChoiceRow
from vitalite_tui.tui.widgets.form import CommuneInput, Field, FormCheckbox, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput

#: Shown when the dialog opens for a new participant.
DEFAULT_COLLEGE = College.HABITANT

#: The people already registered under a draft's name and commune (the one edited aside).
SamePerson = Callable[[ParticipantDraft], Sequence[ParticipantRecord]]


class ParticipantFormDialog(FormDialog[ParticipantDraft]):
    """Add or edit one participant. The collège takes one key (1 élu, 2 acteur, 3 habitant).

    Before storing, two questions may come: a commune that is none of the territory's (take
    one of the closest, or keep it), and a name and commune already registered (open that
    card, via `open_existing`, or register anyway). Each is asked once per answer typed.
    """

    DEFAULT_CSS = """
    ParticipantFormDialog Field > .field-label { width: 12; }
    """
    KEYS_HINT = "⏎ Suivant · Espace coche · F2 Valider · F1 Aide · Échap Annuler"

    def __init__(
        self,
        title: str,
        draft: ParticipantDraft | None = None,
        *,
        communes: Sequence[str] = (),
        save: Callable[[ParticipantDraft], object] | None = None,
        same_person: SamePerson | None = None,
        open_existing: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.draft = draft or ParticipantDraft("", DEFAULT_COLLEGE)
        self.communes = list(communes)
        self.same_person = same_person
        self.open_existing = open_existing
        # What the user already answered for: asked again only if the text changes.
        self.commune_kept = folded_commune(self.draft.commune)
        self.registered_anyway = person_key(self.draft.display_name, self.draft.commune)

    def compose_fields(self) -> ComposeResult:
        draft = self.draft
        yield Field("Nom", FieldInput(draft.display_name, id="name", compact=True))
        yield Field(
            "Collège",
            ChoiceRow([(c.value, c.label) for c in College], draft.college.value, id="college"),
        )
        yield Field("Commune", CommuneInput(draft.commune, self.communes, id="commune"))
        yield Field("Structure", FieldInput(draft.organisation, id="organisation", compact=True))
        yield Field(
            "Contact",
            FieldInput(
                draft.contact, id="contact", placeholder="téléphone ou courriel", compact=True
            ),
        )
        yield FormCheckbox(
            "Accepte que ses données soient conservées", draft.consent_data, id="consent-data"
        )
        yield FormCheckbox(
            "Accepte d'être recontacté(e)", draft.consent_contact, id="consent-contact"
        )
        yield FormCheckbox(
            "Accepte que son nom figure dans les documents",
            draft.consent_named,
            id="consent-named",
        )

    # Named in the documents needs the data kept (the store refuses the pair): the boxes
    # follow each other, so the form can never hold it.
    @on(Checkbox.Changed, "#consent-named")
    def keep_data_for_named(self, event: Checkbox.Changed) -> None:
        if event.value:
            self.query_one("#consent-data", FormCheckbox).value = True

    @on(Checkbox.Changed, "#consent-data")
    def unname_without_data(self, event: Checkbox.Changed) -> None:
        if not event.value:
            self.query_one("#consent-named", FormCheckbox).value = False

    def collect(self) -> ParticipantDraft:
        return ParticipantDraft(
            display_name=self.query_one("#name", Input).value,
            college=College(self.query_one("#college", ChoiceRow).value),
            commune=self.query_one("#commune", Input).value,
            organisation=self.query_one("#organisation", Input).value,
            contact=self.query_one("#contact", Input).value,
            consent_data=self.query_one("#consent-data", FormCheckbox).value,
            consent_contact=self.query_one("#consent-contact", FormCheckbox).value,
            consent_named=self.query_one("#consent-named", FormCheckbox).value,
        )

    def action_submit(self) -> None:
        for commune in self.query(CommuneInput):
            commune.take_completion()
        try:
            draft = self.collect()
        except VitaliteError:
            super().action_submit()  # says why, on the field in error
            return
        if self.ask_commune(draft.commune) or self.ask_same_person(draft):
            return
        super().action_submit()

    def ask_commune(self, commune: str) -> bool:
        """True when a question about the commune is asked (the submit waits for it)."""
        if folded_commune(commune) == self.commune_kept or not outside_territory(
            commune, self.communes
        ):
            return False
        field = self.query_one("#commune", CommuneInput)

        def answered(choice: str | None) -> None:
            if choice is None:
                self.set_focus(field)
                return
            if choice == KEEP_AS_TYPED:
                self.commune_kept = folded_commune(commune)
            else:
                field.value = choice
            self.action_submit()

        self.app.push_screen(CommunePickDialog(commune, self.communes), answered)
        return True

    def ask_same_person(self, draft: ParticipantDraft) -> bool:
        """True when someone already registered like this is shown (the submit waits)."""
        wanted = person_key(draft.display_name, draft.commune)
        if self.same_person is None or wanted == self.registered_anyway:
            return False
        try:
            already = list(self.same_person(draft))
        except VitaliteError as exc:
            self.show_error(exc.message)
            return True
        if not already:
            return False

        def answered(choice: str | None) -> None:
            if choice == REGISTER_ANYWAY:
                self.registered_anyway = wanted
                self.action_submit()
            elif choice is not None:
                self.dismiss(None)
                if self.open_existing is not None:
                    self.open_existing(choice)

        self.app.push_screen(SamePersonDialog(draft.display_name, already), answered)
        return True
