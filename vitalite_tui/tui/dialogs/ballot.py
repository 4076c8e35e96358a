"""One person's ballot: one line per candidate, a digit is that person's dots on it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from vitalite_tui.domain.text import plural
from vitalite_tui.domain.votes import check_ballot
from vitalite_tui.errors import InvalidInput, VitaliteError
from vitalite_tui.store.vote.records import TallyRow, VoterRecord, VoteSettingsRecord
from vitalite_tui.tui.widgets.dots_grid import DotsColumn, DotsGrid, DotsLine
from vitalite_tui.tui.widgets.typing_order import TypedAheadDialog

DOTS = DotsColumn("dots", "gommettes", 9)


class BallotDialog(TypedAheadDialog[bool]):
    """Digits set the dots of the line marked ▶ and go down; Enter or F2 stores the ballot.

    A digit above the most one person may put on an action is refused at once; a ballot
    with more dots than a person has is refused when stored. Either way the French reason
    shows under the lines and nothing typed is lost. Returns True once stored.
    """

    DEFAULT_CSS = """
    BallotDialog { align: center middle; }
    BallotDialog > Vertical {
        width: 78; max-width: 100%; height: 22; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    BallotDialog .ballot-rules, BallotDialog .ballot-keys { color: $text-muted; }
    BallotDialog .ballot-count { text-style: bold; }
    BallotDialog .ballot-error { color: $text-error; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "save",
            "Enregistrer",
            id="ballot-save",
            tooltip="Enregistrer le bulletin (il remplace celui déjà saisi).",
        ),
        Binding(
            "enter",
            "save",
            "Enregistrer",
            id="ballot-save-enter",
            tooltip="Enregistrer le bulletin (il remplace celui déjà saisi).",
            show=False,
        ),
        Binding(
            "escape",
            "cancel",
            "Annuler",
            id="ballot-cancel",
            tooltip="Fermer sans rien enregistrer.",
        ),
    ]

    def __init__(
        self,
        voter: VoterRecord,
        rows: Sequence[TallyRow],
        settings: VoteSettingsRecord,
        dots: Mapping[str, int],
        *,
        save: Callable[[dict[str, int]], object],
        then: Callable[[], object] | None = None,
    ) -> None:
        """`then` runs once the ballot is stored and this dialog gone, before the next key
        is read (the next person's ballot usually comes next)."""
        super().__init__()
        self.then = then
        self.voter = voter
        self.rows = list(rows)
        self.settings = settings
        self.initial = dict(dots)
        self._save = save
        self.titles = {row.action_id: row.title for row in self.rows}

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            voter = self.voter
            box.border_title = f"Bulletin de {voter.code} · {voter.name} ({voter.college.label})"
            settings = self.settings
            yield Static(
                f"{plural(settings.dots_per_participant, 'gommette')} par personne, au plus "
                f"{settings.max_per_action} sur une même action.",
                classes="ballot-rules",
            )
            yield DotsGrid([DOTS], commit=self.check_digit, instant=True, id="ballot-grid")
            yield Static("", id="ballot-count", classes="ballot-count")
            error = Static("", id="ballot-error", classes="ballot-error")
            error.display = False
            yield error
            yield Static(
                "0–9 Gommettes de l'action ▶ · ↑↓ Action · ⏎/F2 Enregistrer · Échap Annuler",
                classes="ballot-keys",
            )

    def on_mount(self) -> None:
        grid = self.query_one(DotsGrid)
        grid.set_lines(
            [
                DotsLine(
                    row.action_id,
                    row.number,
                    row.title,
                    {DOTS.key: self.initial.get(row.action_id)},
                )
                for row in self.rows
            ]
        )
        self.set_focus(grid)
        self.show_count()

    def typed_ahead_target(self) -> DotsGrid:
        return self.query_one(DotsGrid)

    @property
    def dots(self) -> dict[str, int]:
        """What is typed: dots by action id (lines left at 0 or empty are left out)."""
        return {
            line.key: value
            for line in self.query_one(DotsGrid).lines
            if (value := line.values.get(DOTS.key))
        }

    def check_digit(self, line: DotsLine, column: DotsColumn, value: int | None) -> bool:
        """A digit above the cap per action is refused at once, with the reason."""
        try:
            check_ballot({line.key: value or 0}, self.settings.rules, self.titles)
        except InvalidInput as exc:
            self.show_error(exc.message)
            return False
        self.show_error("")
        return True

    @on(DotsGrid.Changed)
    def show_count(self) -> None:
        total = sum(self.dots.values())
        allowed = self.settings.dots_per_participant
        if total > allowed:
            left = f"{plural(total - allowed, 'gommette')} de trop"
        else:
            left = f"reste {allowed - total}"
        self.query_one("#ballot-count", Static).update(f"Gommettes : {total} / {allowed} · {left}")

    def show_error(self, message: str) -> None:
        error = self.query_one("#ballot-error", Static)
        error.update(Content(message))
        error.display = bool(message)

    def action_save(self) -> None:
        if not self.dots and not self.initial:
            # Nothing to store and nothing to replace: saying « enregistré » would be a lie.
            self.show_error(
                "Bulletin vide, non enregistré : tapez les gommettes de la personne, "
                "ou Échap pour fermer sans rien enregistrer."
            )
            self.app.bell()
            return
        try:
            self._save(self.dots)
        except VitaliteError as exc:
            self.show_error(exc.message)
            self.app.bell()
            return
        self.dismiss(True)
        if self.then is not None:
            self.then()

    def action_cancel(self) -> None:
        self.dismiss(False)
