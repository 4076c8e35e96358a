"""The speaking order of a sub-group: who spoke (✔), who speaks (▶), who passed (—), how often."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from vitalite_tui.domain.speaking import PersonBalance, SpeakingBalance
from vitalite_tui.store.preparation.records import ParticipantRecord

SPOKEN = "✔"
CURRENT = "▶"
PASSED = "—"


def speaker_mark(person: PersonBalance, current: bool) -> str:
    if current:
        return CURRENT
    if person.has_spoken:
        return SPOKEN
    if person.passes:
        return PASSED
    return " "


def row_style(person: PersonBalance) -> str:
    """Who has not spoken yet stands out; who passed fades."""
    if person.has_spoken:
        return ""
    return "dim" if person.passes else "bold"


class SpeakerList(Static):
    """One line per member in speaking order; the current speaker's line stands out."""

    DEFAULT_CSS = """
    SpeakerList { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.members: list[ParticipantRecord] = []

    def show(
        self,
        members: Sequence[ParticipantRecord],
        balance: SpeakingBalance | None,
        current_id: str | None,
    ) -> None:
        """Members with their marks and counts; `current_id` None shows no ▶ (an old round)."""
        self.members = list(members)
        if not self.members:
            self.update(Text("Personne dans ce sous-groupe : les notes sont anonymes.", "dim"))
            return
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(width=1)
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column(width=6, no_wrap=True)
        table.add_column(width=2, justify="right", no_wrap=True)
        for member in self.members:
            person = (
                balance.person(member.id)
                if balance is not None
                else PersonBalance(member.id, member.college)
            )
            current = member.id == current_id
            table.add_row(
                speaker_mark(person, current),
                Text(member.display_name),
                member.college.short,
                str(person.turns),
                style="reverse bold" if current else row_style(person),
            )
        self.update(table)
