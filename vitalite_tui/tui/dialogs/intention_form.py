"""An action intention: title, description, the trend it answers, its axis, its indicators."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.widgets import Input

from vitalite_tui.store.prospective.records import IntentionDraft
from vitalite_tui.tui.widgets.cycle import CycleChoice
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.indicator_toggles import IndicatorToggles
from vitalite_tui.tui.widgets.note_input import FieldInput

#: The value of « none » in the trend and axis choices.
NONE = ""


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
