"""An action intention: title, description, the trend it answers, its axis, its indicators."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input

from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.store.intentions import IntentionDraft
from vitalite_tui.tui.widgets.cycle import CycleChoice
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput

#: The value of « none » in the trend and axis choices.
NONE = ""


class IndicatorToggles(Widget, can_focus=True):
    """The four indicators side by side; keys 1–4 tick or untick one."""

    DEFAULT_CSS = """
    IndicatorToggles { height: 2; width: 1fr; background: $surface; }
    IndicatorToggles:focus { background-tint: $foreground 5%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            str(shown.number),
            f"tick({shown.number})",
            f"Indicateur {shown.number}",
            id=f"intention-indicator-{shown.number}",
            tooltip=f"Cocher ou décocher l'indicateur {shown.number} ({shown.short_name}).",
            show=False,
        )
        for shown in INDICATORS
    ]

    chosen: reactive[frozenset[int]] = reactive(frozenset())

    def __init__(self, chosen: Sequence[int] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(IndicatorToggles.chosen, frozenset(chosen))

    def render(self) -> Text:
        """Two per line: « 1[X] Sociabilité          2[ ] Accès aux ressources »."""
        text = Text(no_wrap=True, overflow="ellipsis")
        for shown in INDICATORS:
            ticked = shown.number in self.chosen
            cell = f"{shown.number}[{'X' if ticked else ' '}] {shown.short_name}"
            if shown.number % 2:
                text.append(f"{cell:<26}", style="bold" if ticked else "")
            else:
                text.append(cell, style="bold" if ticked else "")
                text.append("\n" if shown.number < len(INDICATORS) else "")
        return text

    def action_tick(self, number: int) -> None:
        self.chosen = self.chosen ^ {number}

    @property
    def value(self) -> tuple[int, ...]:
        return tuple(sorted(self.chosen))


class IntentionFormDialog(FormDialog[IntentionDraft]):
    """Write or edit an intention; ←/→ choose the trend and the axis, 1–4 the indicators."""

    DEFAULT_CSS = """
    IntentionFormDialog Field > .field-label { width: 13; }
    """
    KEYS_HINT = "⏎ Suivant · ←→ Choix · 1-4 Indicateurs · F2 Valider · Échap Annuler"

    def __init__(
        self,
        title: str,
        draft: IntentionDraft | None = None,
        *,
        trends: Sequence[tuple[str, str]] = (),
        axes: Sequence[tuple[str, str]] = (),
        save: Callable[[IntentionDraft], object] | None = None,
    ) -> None:
        """`trends` and `axes` are (id, title) pairs; « aucune » / « aucun » are added."""
        super().__init__(title, save=save)
        self.draft = draft or IntentionDraft("")
        self.trends = [*trends, (NONE, "aucune tendance")]
        self.axes = [*axes, (NONE, "aucun axe" if axes else "aucun axe (pas encore de débrief)")]

    def compose_fields(self) -> ComposeResult:
        draft = self.draft
        yield Field("Intitulé", FieldInput(draft.title, id="intention-title", compact=True))
        yield Field(
            "Description",
            FieldInput(draft.description, id="intention-description", compact=True),
        )
        yield Field(
            "Tendance",
            CycleChoice(self.trends, draft.trend_id or NONE, id="intention-trend"),
        )
        yield Field("Axe", CycleChoice(self.axes, draft.axis_id or NONE, id="intention-axis"))
        yield Field("Indicateurs", IndicatorToggles(draft.indicators, id="intention-indicators"))

    def collect(self) -> IntentionDraft:
        return IntentionDraft(
            title=self.query_one("#intention-title", Input).value,
            description=self.query_one("#intention-description", Input).value,
            trend_id=self.query_one("#intention-trend", CycleChoice).value or None,
            axis_id=self.query_one("#intention-axis", CycleChoice).value or None,
            indicators=self.query_one("#intention-indicators", IndicatorToggles).value,
        )
