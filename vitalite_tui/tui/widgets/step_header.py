"""The title line of a step screen (« Étape 1 · … — en cours ») and its F3 done/reopen key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Label

from vitalite_tui.domain.steps import StepStatus, step

#: F3 on a step screen (`tui/screens/step_done.py`). Not in the footer (no room at 80 columns):
#: the title line shows it, with what it will do now (« F3 Étape terminée » or « F3 Rouvrir »).
STEP_DONE_BINDING = Binding(
    "f3",
    "toggle_done",
    "Étape terminée",
    id="step-done",
    tooltip=(
        "Marquer l'étape comme terminée (s'il lui manque quelque chose, c'est dit et demandé) ; "
        "si elle l'est déjà, la rouvrir (en cours)."
    ),
    show=False,
)


class StepHeader(Horizontal):
    """« Étape 2 · Travaux préparatoires — ● en cours          F3 Étape terminée »."""

    DEFAULT_CSS = """
    StepHeader { height: 1; }
    StepHeader > #step-title { width: 1fr; }
    StepHeader > #step-key { width: auto; text-style: not bold; color: $text-muted; }
    """

    def __init__(self, number: int, status: StepStatus = StepStatus.TODO) -> None:
        super().__init__(classes="screen-title")
        self.number = number
        self.status = status

    def compose(self) -> ComposeResult:
        yield Label(id="step-title")
        yield Label(id="step-key")

    def on_mount(self) -> None:
        self.show_status(self.status)

    def show_status(self, status: StepStatus) -> None:
        self.status = status
        title = step(self.number).title
        self.query_one("#step-title", Label).update(
            f"Étape {self.number} · {title} — {status.symbol} {status.label}"
        )
        action = "Rouvrir l'étape" if status is StepStatus.DONE else "Étape terminée"
        self.query_one("#step-key", Label).update(f"F3 {action}")

    @property
    def text(self) -> str:
        """The title line as shown, for tests and screen readers."""
        title = self.query_one("#step-title", Label).content
        key = self.query_one("#step-key", Label).content
        return f"{title}  {key}"
