"""A participant's card: name, collège, commune, organisation, contact and consents."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.widgets import Input

from vitalite_tui.domain.colleges import College
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.widgets.choice import ChoiceRow
from vitalite_tui.tui.widgets.form import CommuneInput, Field, FormCheckbox, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput

#: Shown when the dialog opens for a new participant.
DEFAULT_COLLEGE = College.HABITANT


class ParticipantFormDialog(FormDialog[ParticipantDraft]):
    """Add or edit one participant. The collège takes one key (1 élu, 2 acteur, 3 habitant)."""

    DEFAULT_CSS = """
    ParticipantFormDialog Field > .field-label { width: 12; }
    """
    KEYS_HINT = "⏎ Suivant · Espace coche · F2 Valider · Échap Annuler"

    def __init__(
        self,
        title: str,
        draft: ParticipantDraft | None = None,
        *,
        communes: Sequence[str] = (),
        save: Callable[[ParticipantDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.draft = draft or ParticipantDraft("", DEFAULT_COLLEGE)
        self.communes = list(communes)

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
