"""A blind verification being settled, and the sheets typed on two laptops to settle."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from vitalite_tui.domain.text import plural
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.questionnaire.records import Difference, SecondEntry
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.screens.questionnaire.sheet_form import difference_legend
from vitalite_tui.tui.widgets.footer import Footer
from vitalite_tui.tui.widgets.table import RecordTable


@dataclass
class Resolution:
    """Each difference settled by one key, in order: keep the first typing or take the new."""

    differences: list[Difference]
    #: The difference shown.
    index: int = 0
    #: The differences where the new typing is taken.
    accepted: list[Difference] = field(default_factory=list)

    @property
    def current(self) -> Difference:
        return self.differences[self.index]

    def decide(self, take_new: bool) -> bool:
        """Settle the difference shown and move to the next; True once all are settled."""
        if take_new:
            self.accepted.append(self.current)
        if self.index + 1 < len(self.differences):
            self.index += 1
            return False
        return True

    def legend(self) -> str:
        return difference_legend(self.current, self.index + 1, len(self.differences))

    def summary(self, sheet_name: str) -> str:
        """« La fiche n° 12 vérifiée : 1 valeur prise de la nouvelle saisie, … »."""
        taken = len(self.accepted)
        kept = len(self.differences) - taken
        return (
            f"{sheet_name} vérifiée : "
            f"{plural(taken, 'valeur prise', 'valeurs prises')} de la nouvelle saisie, "
            f"{plural(kept, 'première saisie gardée', 'premières saisies gardées')}."
        )


class SecondEntryTable(RecordTable):
    """The sheets typed on two laptops that differ; ⏎ settles the one chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "screen.settle",
            "Trancher",
            id="second-settle",
            tooltip="Montrer les différences de la fiche choisie, une à une.",
        ),
    ]

    def __init__(self) -> None:
        super().__init__([("Fiche", 8), ("Différences", 14)], id="second-table")


class SecondEntriesScreen(BaseScreen):
    """The same paper sheet typed on two laptops (met in a bundle), with differences: each
    is the sheet's blind second entry, settled here value by value as a verification."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "1",
            "decide(False)",
            "Garder 1re",
            id="second-keep",
            tooltip="Garder la valeur de la première saisie (celle de la liste des fiches).",
        ),
        Binding(
            "2",
            "decide(True)",
            "Prendre 2de",
            id="second-take",
            tooltip="Prendre la valeur de la seconde saisie (celle de l'autre poste).",
        ),
    ]

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        self.entries: dict[str, tuple[SecondEntry, list[Difference]]] = {}
        #: The sheet being settled (its id) and where its settling stands.
        self.settling: tuple[SecondEntry, Resolution] | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            "Étape 3 · Fiches saisies sur deux postes (seconde saisie à l'aveugle)",
            classes="screen-title",
        )
        yield SecondEntryTable()
        yield Static("", id="second-difference")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_entries()
        self.query_one(SecondEntryTable).focus()

    def refresh_entries(self) -> None:
        responses = self.store.responses
        try:
            self.entries = {
                entry.sheet_id: (
                    entry,
                    responses.verify(entry.sheet_id, responses.second_entry(entry.second_id)),
                )
                for entry in responses.second_entries(self.demarche_id)
            }
        except VitaliteError as exc:
            self.report(exc)
            return
        self.query_one(SecondEntryTable).fill(
            (key, [f"n° {entry.sheet_number}", plural(len(found), "différence")])
            for key, (entry, found) in self.entries.items()
        )
        self.show(
            "⏎ montre les différences de la fiche choisie."
            if self.entries
            else "Aucune fiche saisie sur deux postes à trancher : toutes concordent ou "
            "sont vérifiées. Échap pour revenir."
        )
        self.refresh_bindings()

    def show(self, text: str) -> None:
        self.query_one("#second-difference", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "decide":
            return self.settling is not None
        if action == "settle":
            return self.settling is None and bool(self.entries)
        return True

    def action_settle(self) -> None:
        key = self.query_one(SecondEntryTable).current_key
        if key is None or key not in self.entries:
            return
        entry, found = self.entries[key]
        if not found:  # Made the same since it was listed: verified as it stands.
            self.finish(entry, Resolution([]))
            return
        self.settling = (entry, Resolution(found))
        self.show(self.settling[1].legend())
        self.refresh_bindings()

    def action_decide(self, take_second: bool) -> None:
        if self.settling is None:
            return
        entry, resolution = self.settling
        if resolution.decide(take_second):
            self.finish(entry, resolution)
            return
        self.show(resolution.legend())

    def finish(self, entry: SecondEntry, resolution: Resolution) -> None:
        """Every difference decided: the sheet takes the chosen values and is verified, in
        one write (the second typing stays set aside, as the merge left it)."""
        self.settling = None
        try:
            self.store.responses.resolve(entry.sheet_id, resolution.accepted)
        except VitaliteError as exc:
            self.report(exc)
            self.refresh_entries()
            return
        self.notify(resolution.summary(f"La fiche n° {entry.sheet_number}"), timeout=6)
        self.refresh_entries()

    def action_back(self) -> None:
        if self.settling is not None:
            # Nothing written yet: back to the list, the sheet still to settle.
            self.settling = None
            self.refresh_entries()
            return
        super().action_back()
