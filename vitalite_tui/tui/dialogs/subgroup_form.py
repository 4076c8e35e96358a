"""Sub-group dialogs: how many to form, a group's name, theme, indicator and animateur."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from vitalite_tui.domain.indicators import INDICATORS, indicator
from vitalite_tui.errors import InvalidInput
from vitalite_tui.tui.widgets.choice import ChoiceRow
from vitalite_tui.tui.widgets.form import Field, FormDialog, LineDialog
from vitalite_tui.tui.widgets.note_input import FieldInput

#: The indicator choice: keys 1–4 pick the indicator of that number, 5 none.
NO_INDICATOR = "aucun"
INDICATOR_OPTIONS = [*((str(i.number), i.code) for i in INDICATORS), (NO_INDICATOR, "aucun")]

DEFAULT_COUNT = 4


@dataclass(frozen=True)
class SubGroupDraft:
    """What the form collects (not yet cleaned: the store checks it)."""

    name: str
    theme: str = ""
    indicator: int | None = None
    animateur: str = ""


def indicator_line(number: int | None) -> str:
    """« I1 Sociabilité : Rendez-vous / Isolement », or why there is none."""
    if number is None:
        return "Sans indicateur : le thème dit de quoi parle le sous-groupe."
    chosen = indicator(number)
    return f"{chosen.code} {chosen.short_name} : {chosen.poles_label}"


def parse_count(text: str) -> int:
    """The number of sub-groups typed; a French error when it is not a number."""
    value = text.strip()
    if not value.isdigit():
        raise InvalidInput(f"Nombre de sous-groupes : « {value} » n'est pas un nombre (par ex. 4).")
    return int(value)


class SubGroupCountDialog(LineDialog):
    """How many sub-groups to form; the `save` callback forms them (and may refuse)."""

    DEFAULT_CSS = """
    SubGroupCountDialog .count-hint { color: $text-muted; padding-bottom: 1; }
    SubGroupCountDialog #line { width: 8; }
    """

    def __init__(
        self,
        hint: str,
        count: int = DEFAULT_COUNT,
        *,
        title: str = "Former les sous-groupes",
        save: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(title, "Combien ?", str(count), save=save)
        self.hint = hint

    def compose_fields(self) -> ComposeResult:
        yield Static(self.hint, classes="count-hint", markup=False)
        yield from super().compose_fields()


class SubGroupFormDialog(FormDialog[SubGroupDraft]):
    """Name, theme, indicator (one key: 1–4, 5 none) and animateur of one sub-group."""

    DEFAULT_CSS = """
    SubGroupFormDialog .indicator-line {
        color: $text-muted; padding-left: 16; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """
    KEYS_HINT = "⏎ Suivant · 1–4 Indicateur, 5 aucun · F2 Valider · Échap Annuler"

    def __init__(
        self,
        title: str,
        draft: SubGroupDraft,
        *,
        animateurs: Sequence[str] = (),
        save: Callable[[SubGroupDraft], object] | None = None,
    ) -> None:
        super().__init__(title, save=save)
        self.draft = draft
        self.animateurs = list(animateurs)
        #: The indicator the theme was last filled from, to follow a change of indicator.
        self.shown_indicator = draft.indicator

    def compose_fields(self) -> ComposeResult:
        draft = self.draft
        yield Field("Nom", FieldInput(draft.name, id="subgroup-name", compact=True))
        chosen = str(draft.indicator) if draft.indicator is not None else NO_INDICATOR
        yield Field("Indicateur", ChoiceRow(INDICATOR_OPTIONS, chosen, id="subgroup-indicator"))
        yield Static(indicator_line(draft.indicator), id="indicator-line", classes="indicator-line")
        yield Field("Thème", FieldInput(draft.theme, id="subgroup-theme", compact=True))
        yield Field(
            "Animateur",
            FieldInput(
                draft.animateur,
                id="subgroup-animateur",
                placeholder="→ prend le nom proposé (comité de pilotage)"
                if self.animateurs
                else "",
                suggester=SuggestFromList(self.animateurs, case_sensitive=False),
                compact=True,
            ),
        )

    @property
    def chosen_indicator(self) -> int | None:
        value = self.query_one("#subgroup-indicator", ChoiceRow).value
        return None if value == NO_INDICATOR else int(value)

    @on(ChoiceRow.Changed, "#subgroup-indicator")
    def follow_indicator(self) -> None:
        """Show the chosen indicator's poles; a theme that was its default follows it."""
        number = self.chosen_indicator
        self.query_one("#indicator-line", Static).update(indicator_line(number))
        theme = self.query_one("#subgroup-theme", Input)
        previous = self.shown_indicator
        if not theme.value.strip() or (
            previous is not None and theme.value == indicator(previous).poles_label
        ):
            theme.value = indicator(number).poles_label if number is not None else ""
        self.shown_indicator = number

    def collect(self) -> SubGroupDraft:
        return SubGroupDraft(
            name=self.query_one("#subgroup-name", Input).value,
            theme=self.query_one("#subgroup-theme", Input).value,
            indicator=self.chosen_indicator,
            animateur=self.query_one("#subgroup-animateur", Input).value,
        )
