"""A work axis of the debrief: its title, a few words of description, the indicator it serves."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.widgets import Input, Static

from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.store.felt.debrief_records import AxisDraft, AxisRecord
from vitalite_tui.tui.widgets.choice import ChoiceRow
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput
from vitalite_tui.tui.widgets.table import shorten

if TYPE_CHECKING:
    from vitalite_tui.store import Store

#: The indicators first, so that the digit is the indicator's number; « aucun » last.
NO_INDICATOR = ""
INDICATOR_OPTIONS = [(str(i.number), i.code) for i in INDICATORS] + [(NO_INDICATOR, "aucun")]
INDICATOR_NAMES = " · ".join(f"{i.code} {i.short_name}" for i in INDICATORS)


class AxisFormDialog(FormDialog[AxisDraft]):
    """Name a new axis or rename one; the store checks the title and refuses a twin."""

    DEFAULT_CSS = """
    AxisFormDialog .axis-indicators { color: $text-muted; }
    """
    KEYS_HINT: ClassVar[str] = "⏎ Suivant · 1–4 indicateur, 5 aucun · F2 Valider · Échap Annuler"

    def __init__(
        self,
        title: str,
        draft: AxisDraft | None = None,
        *,
        save: Callable[[AxisDraft], AxisRecord] | None = None,
    ) -> None:
        super().__init__(title, save=self._store if save is not None else None)
        self.draft = draft or AxisDraft("")
        self._save_axis = save
        #: The axis as stored, once F2 succeeded.
        self.saved: AxisRecord | None = None

    def _store(self, draft: AxisDraft) -> None:
        assert self._save_axis is not None
        self.saved = self._save_axis(draft)

    def compose_fields(self) -> ComposeResult:
        draft = self.draft
        yield Field(
            "Titre",
            FieldInput(
                draft.title,
                id="axis-title",
                placeholder="ex. Recréer des lieux de rencontre",
                compact=True,
            ),
        )
        yield Field(
            "Description",
            FieldInput(
                draft.description, id="axis-description", placeholder="facultatif", compact=True
            ),
        )
        chosen = str(draft.indicator) if draft.indicator is not None else NO_INDICATOR
        yield Field("Indicateur", ChoiceRow(INDICATOR_OPTIONS, chosen, id="axis-indicator"))
        yield Static(INDICATOR_NAMES, classes="axis-indicators")

    def collect(self) -> AxisDraft:
        indicator = self.query_one("#axis-indicator", ChoiceRow).value
        return AxisDraft(
            title=self.query_one("#axis-title", Input).value,
            description=self.query_one("#axis-description", Input).value,
            indicator=int(indicator) if indicator else None,
        )


def axis_dialog(store: Store, demarche_id: str, axis: AxisRecord | None = None) -> AxisFormDialog:
    """The form for a new axis (`axis` None) or for renaming one, stored on F2.

    A French error keeps the form open with what was typed.
    """
    if axis is None:
        return AxisFormDialog(
            "Nouvel axe de travail", save=lambda draft: store.axes.create(demarche_id, draft)
        )
    return AxisFormDialog(
        shorten(f"Axe {axis.label}", 60),
        axis.draft(),
        save=lambda draft: store.axes.edit(axis.id, draft),
    )
