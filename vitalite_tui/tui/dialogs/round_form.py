"""A new speaking round: its question (required), its timebox, in workshop 2 its trend."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static

from vitalite_tui.errors import InvalidInput
from vitalite_tui.tui.widgets.cycle import CycleChoice
from vitalite_tui.tui.widgets.form import Field, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput

#: The value of « no trend » among the trend choices.
NO_TREND = ""


@dataclass(frozen=True)
class RoundDraft:
    """What the form collects (the question is checked by the store)."""

    question: str
    minutes: int
    #: The trend the round is about (workshop 2), None for none.
    trend_id: str | None = None


def parse_minutes(text: str) -> int:
    """« 25 », « 25 min »: a whole number of minutes, or a French error."""
    digits = text.strip().removesuffix("min").strip()
    if not digits.isdigit():
        raise InvalidInput(f"Durée : « {text.strip()} » n'est pas un nombre de minutes (ex. 20).")
    return int(digits)


class RoundFormDialog(FormDialog[RoundDraft]):
    """Ask the round's question and timebox; Enter walks the two fields, then starts it.

    Given `trends` (workshop 2: the presented trends, as (id, title)), the round is about
    one of them: F3 goes round them (and « aucune ») while the focus stays on the question.
    """

    DEFAULT_CSS = """
    RoundFormDialog #round-minutes { width: 8; }
    RoundFormDialog .round-intro { color: $text-muted; padding-bottom: 1; }
    """
    KEYS_HINT = "⏎ Champ suivant, puis commencer · F2 Commencer · Échap Annuler"
    TREND_KEYS_HINT = "⏎ Champ suivant · F3 Tendance · F2 Commencer · Échap Annuler"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f3",
            "cycle_trend(1)",
            "Tendance",
            id="round-trend-next",
            tooltip="Le tour porte sur la tendance présentée suivante (puis « aucune »).",
        ),
        Binding(
            "shift+f3",
            "cycle_trend(-1)",
            "Tendance précédente",
            id="round-trend-previous",
            tooltip="Revenir à la tendance précédente.",
            show=False,
        ),
    ]

    def __init__(
        self,
        title: str,
        minutes: int,
        *,
        intro: str = "",
        trends: Sequence[tuple[str, str]] = (),
        trend_id: str | None = None,
        question: Callable[[str | None], str] | None = None,
        save: Callable[[RoundDraft], object] | None = None,
    ) -> None:
        """`question`: the question offered for a round on a trend (or None), pre-filled
        and selected, so that typing replaces it and ⏎ takes it."""
        super().__init__(title, save=save)
        self.minutes = minutes
        self.intro = intro
        self.trends = list(trends)
        self.trend_id = trend_id
        self.suggest = question
        #: The question offered now: it follows the trend chosen until something is typed.
        self.offered = question(trend_id) if question is not None else ""

    def on_mount(self) -> None:
        if self.trends:
            self.query_one(".form-keys", Static).update(self.TREND_KEYS_HINT)

    def compose_fields(self) -> ComposeResult:
        if self.intro:
            yield Static(self.intro, classes="round-intro", markup=False)
        if self.trends:
            options = [*self.trends, (NO_TREND, "aucune tendance")]
            yield Field(
                "Tendance (F3)",
                CycleChoice(options, self.trend_id or NO_TREND, focusable=False, id="round-trend"),
            )
        yield Field(
            "Question",
            FieldInput(
                self.offered,
                placeholder="la question qui guide ce tour",
                id="round-question",
                compact=True,
            ),
        )
        yield Field(
            "Durée (min)",
            FieldInput(str(self.minutes), id="round-minutes", compact=True, max_length=3),
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cycle_trend":
            return bool(self.trends)
        return True

    def action_cycle_trend(self, step: int) -> None:
        if self.trends:
            self.query_one("#round-trend", CycleChoice).cycle(step)

    @on(CycleChoice.Changed, "#round-trend")
    def offer_the_trend_question(self, event: CycleChoice.Changed) -> None:
        """Another trend: the question offered follows it, unless one was typed."""
        field = self.query_one("#round-question", Input)
        if self.suggest is None or field.value != self.offered:
            return
        self.offered = self.suggest(event.value or None)
        field.value = self.offered
        if field.has_focus:
            field.select_all()  # typing still replaces it

    @property
    def chosen_trend(self) -> str | None:
        if not self.trends:
            return None
        return self.query_one("#round-trend", CycleChoice).value or None

    def collect(self) -> RoundDraft:
        return RoundDraft(
            question=self.query_one("#round-question", Input).value,
            minutes=parse_minutes(self.query_one("#round-minutes", Input).value),
            trend_id=self.chosen_trend,
        )
