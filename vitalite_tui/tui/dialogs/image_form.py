"""An associated image (photo-language): who chose it, the card, indicator, pole and why."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input, Static

from vitalite_tui.domain.indicators import INDICATORS, Pole, indicator
from vitalite_tui.domain.text import fold
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.felt.records import ImageDraft
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.tui.widgets.choice import ChoiceRow
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput

NO_INDICATOR = ""
NO_POLE = ""
INDICATOR_OPTIONS = [(str(shown.number), shown.code) for shown in INDICATORS] + [
    (NO_INDICATOR, "aucun")
]
POLE_OPTIONS = [
    (Pole.VITALITY.value, "vitalité (v)"),
    (Pole.DEPRESSION.value, "dépression (d)"),
    (NO_POLE, "aucun"),
]
#: How many names an ambiguous beginning lists.
SHOWN_MATCHES = 3


def person_label(person: ParticipantRecord) -> str:
    """« P007 Martine Roux »: what the field shows once someone is chosen."""
    return f"{person.code} {person.display_name}"


def matching(text: str, people: Sequence[ParticipantRecord]) -> list[ParticipantRecord]:
    """People whose code, name, or a word of their name begins like `text` (accents aside)."""
    wanted = fold(" ".join(text.split()))
    if not wanted:
        return []
    found = []
    for person in people:
        label = fold(person_label(person))
        words = fold(person.display_name).split()
        if (
            label.startswith(wanted)
            or fold(person.display_name).startswith(wanted)
            or any(word.startswith(wanted) for word in words)
        ):
            found.append(person)
    return found


def find_person(text: str, people: Sequence[ParticipantRecord]) -> ParticipantRecord | None:
    """The one person `text` names (None when blank: anonymous); a French error otherwise."""
    if not text.strip():
        return None
    exact = [person for person in people if fold(person_label(person)) == fold(text.strip())]
    found = exact or matching(text, people)
    if len(found) == 1:
        return found[0]
    shown = text.strip()
    if not found:
        raise InvalidInput(
            f"Participant : personne ne s'appelle « {shown} » ici (code ou début du nom ; "
            "vide = anonyme)."
        )
    names = ", ".join(p.display_name for p in found[:SHOWN_MATCHES])
    more = "…" if len(found) > SHOWN_MATCHES else ""
    raise InvalidInput(
        f"Participant : « {shown} » peut être {names}{more} — tapez la suite du nom ou le code."
    )


class PersonSuggester(Suggester):
    """Shows in grey the person Enter (or →) takes, by code or beginning of a name."""

    def __init__(self, people: Sequence[ParticipantRecord]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.people = list(people)

    async def get_suggestion(self, value: str) -> str | None:
        found = matching(value, self.people)
        if not found:
            return None
        label = person_label(found[0])
        # The suggestion must begin with what is typed: the code or the name, as typed.
        for candidate in (label, found[0].display_name):
            if fold(candidate).startswith(fold(value)):
                return value + candidate[len(value) :]
        return None


class IndicatorChoice(ChoiceRow):
    """1–4 an indicator, 5 or 0 none."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "0",
            "pick(5)",
            "Aucun",
            id="image-indicator-none",
            tooltip="Aucun indicateur.",
            show=False,
        ),
    ]


class PoleChoice(ChoiceRow):
    """v vitality, d depression, a none (or 1, 2, 3)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "v", "pick(1)", "Vitalité", id="image-pole-v", tooltip="Pôle vitalité.", show=False
        ),
        Binding(
            "d", "pick(2)", "Dépression", id="image-pole-d", tooltip="Pôle dépression.", show=False
        ),
        Binding("a", "pick(3)", "Aucun", id="image-pole-none", tooltip="Aucun pôle.", show=False),
    ]


def poles_hint(number: str) -> str:
    """« I1 Sociabilité : v Rendez-vous · d Isolement »."""
    if not number:
        return "Sans indicateur : pôle vitalité (v) ou dépression (d)."
    shown = indicator(int(number))
    return f"{shown.code} {shown.short_name} : v {shown.vitality} · d {shown.depression}"


class ImageFormDialog(FormDialog[ImageDraft]):
    """Record or change an image; the store checks the card and writes its note."""

    DEFAULT_CSS = """
    ImageFormDialog Field > .field-label { width: 12; }
    ImageFormDialog #image-poles { color: $text-muted; padding-left: 12; }
    """
    KEYS_HINT = "⏎ Suivant · 1–4 indicateur · v/d pôle · F2 Valider · Échap Annuler"

    def __init__(
        self,
        title: str,
        people: Sequence[ParticipantRecord],
        draft: ImageDraft | None = None,
        *,
        focus_card: bool = False,
        save: Callable[[ImageDraft], object] | None = None,
    ) -> None:
        """`people`: those who can be named (the others are typed as anonymous);
        `focus_card`: start on the card (the person is already known)."""
        super().__init__(title, save=save)
        self.people = list(people)
        self.draft = draft or ImageDraft(None, "")
        self.focus_card = focus_card

    def compose_fields(self) -> ComposeResult:
        draft = self.draft
        chosen = next((p for p in self.people if p.id == draft.participant_id), None)
        yield Field(
            "Participant",
            FieldInput(
                person_label(chosen) if chosen is not None else "",
                id="image-person",
                placeholder="code ou début du nom ; vide = anonyme",
                suggester=PersonSuggester(self.people),
                compact=True,
            ),
        )
        yield Field(
            "Carte",
            FieldInput(draft.card, id="image-card", placeholder="numéro ou mot-clé", compact=True),
        )
        number = str(draft.indicator) if draft.indicator is not None else NO_INDICATOR
        yield Field("Indicateur", IndicatorChoice(INDICATOR_OPTIONS, number, id="image-indicator"))
        pole = draft.pole.value if draft.pole is not None else NO_POLE
        yield Field("Pôle", PoleChoice(POLE_OPTIONS, pole, id="image-pole"))
        yield Static(poles_hint(number), id="image-poles", markup=False)
        yield Field("Pourquoi", FieldInput(draft.why, id="image-why", compact=True))

    def on_mount(self) -> None:
        if self.focus_card:
            self.query_one("#image-card", Input).focus()

    @on(ChoiceRow.Changed, "#image-indicator")
    def show_poles(self, event: ChoiceRow.Changed) -> None:
        self.query_one("#image-poles", Static).update(poles_hint(event.value))

    def collect(self) -> ImageDraft:
        person = find_person(self.query_one("#image-person", Input).value, self.people)
        number = self.query_one("#image-indicator", ChoiceRow).value
        pole = self.query_one("#image-pole", ChoiceRow).value
        return ImageDraft(
            participant_id=person.id if person is not None else None,
            card=self.query_one("#image-card", Input).value,
            indicator=int(number) if number else None,
            pole=Pole(pole) if pole else None,
            why=self.query_one("#image-why", Input).value,
        )
