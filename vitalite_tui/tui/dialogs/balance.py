"""The speaking balance of a sub-group and of the whole workshop, per person and per collège."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.speaking import SpeakingBalance, Tally
from vitalite_tui.domain.text import plural
from vitalite_tui.tui.widgets.table import RecordTable


@dataclass(frozen=True)
class BalanceLine:
    """One member: turns in the round shown, and turns, notes, passes over the sub-group."""

    participant_id: str
    name: str
    college: College
    round_turns: int
    subgroup: Tally


def balance_lines(
    members: Sequence[tuple[str, str, College]],
    round_balance: SpeakingBalance | None,
    subgroup_balance: SpeakingBalance,
) -> list[BalanceLine]:
    """(id, name, collège) of the members, with their counts."""
    return [
        BalanceLine(
            participant_id,
            name,
            college,
            round_balance.person(participant_id).turns if round_balance is not None else 0,
            subgroup_balance.person(participant_id).tally,
        )
        for participant_id, name, college in members
    ]


def college_line(label: str, balance: SpeakingBalance) -> str:
    """« Sous-groupe : élus 3 · acteurs 4 · habitants 5 · anonymes 1 » (turns taken)."""
    anonymous = f" · anonymes {balance.anonymous.turns}" if balance.anonymous.turns else ""
    return f"{label} : {balance.summary()}{anonymous}"


class BalanceTable(RecordTable):
    def __init__(self) -> None:
        super().__init__(
            [
                ("Nom", 20),
                ("Coll.", 6),
                ("Ce tour", 7),
                ("Prises", 6),
                ("Notes", 5),
                ("Passes", 6),
            ],
            id="balance-table",
        )


class SpeakingBalanceDialog(ModalScreen[None]):
    """Read-only: who spoke how often, so the floor can go to those who have not yet."""

    DEFAULT_CSS = """
    SpeakingBalanceDialog { align: center middle; }
    SpeakingBalanceDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    SpeakingBalanceDialog #balance-table { height: auto; max-height: 14; }
    SpeakingBalanceDialog .balance-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,ctrl+r",
            "dismiss",
            "Fermer",
            id="balance-close",
            tooltip="Revenir à la saisie.",
        ),
    ]

    def __init__(
        self,
        title: str,
        lines: Sequence[BalanceLine],
        subgroup: SpeakingBalance,
        workshop: SpeakingBalance | None,
    ) -> None:
        super().__init__()
        self.box_title = title
        self.lines = list(lines)
        self.subgroup = subgroup
        self.workshop = workshop

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.box_title
            yield Static(
                "Prises de parole par personne (Prises, Notes, Passes : tous les tours du "
                "sous-groupe) et par collège :",
                classes="balance-keys",
            )
            yield BalanceTable()
            yield Static(self.summary(), id="balance-summary", markup=False)
            yield Static("Échap Revenir à la saisie", classes="balance-keys")

    def on_mount(self) -> None:
        self.query_one(BalanceTable).fill(
            (
                line.participant_id,
                [
                    line.name,
                    line.college.short,
                    str(line.round_turns),
                    str(line.subgroup.turns),
                    str(line.subgroup.notes),
                    str(line.subgroup.passes),
                ],
            )
            for line in self.lines
        )
        self.query_one(BalanceTable).focus()

    def summary(self) -> str:
        """Turns by collège for the sub-group and the workshop, and who has not spoken yet."""
        parts = [college_line("Sous-groupe", self.subgroup)]
        if self.workshop is not None:
            parts.append(college_line("Tout l'atelier", self.workshop))
            silent = len(self.workshop.not_spoken)
            present = len(self.workshop.people)
            parts.append(
                f"Pas encore pris la parole dans l'atelier : "
                f"{plural(silent, 'personne')} sur {present}."
            )
        return "\n".join(parts)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
