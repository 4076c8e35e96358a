"""Step 2 part F8 · Questionnaire: which definition the démarche's sheets are typed against."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.widgets import Static

from vitalite_tui.store.preparation.records import QuestionnaireChoice
from vitalite_tui.tui.screens.preparation.step2_parts.base import Step2Part
from vitalite_tui.tui.widgets.screen_part import PartKeys
from vitalite_tui.tui.widgets.table import RecordTable


class QuestionnaireTable(PartKeys, RecordTable):
    """The questionnaire definitions a démarche can type its sheets against."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "part('choose_questionnaire')",
            "Choisir",
            id="questionnaire-choose",
            tooltip="Utiliser ce questionnaire pour la saisie des réponses (étape 3).",
        ),
    ]

    def __init__(self) -> None:
        super().__init__(
            [("", 1), ("Questionnaire", 44), ("Version", 8), ("Questions", 9)],
            id="questionnaire-table",
        )


def choice_key(choice: QuestionnaireChoice) -> str:
    return f"{choice.code}@{choice.version}"


class QuestionnairePart(Step2Part):
    """The questionnaires available; ⏎ chooses the one used at step 3."""

    def __init__(self, demarche_id: str, *, id: str | None = None) -> None:
        super().__init__(demarche_id, id=id)
        #: What the table shows, by row key, as the store returned it.
        self.choices: dict[str, QuestionnaireChoice] = {}

    def compose(self) -> ComposeResult:
        yield QuestionnaireTable()
        yield Static("", id="questionnaire-state", classes="hint")

    def reload(self) -> None:
        # Read again, the cursor stays where it is; the first time it starts on the one chosen.
        self.show_questionnaires(chosen_first=not self.choices)

    def show_questionnaires(self, *, chosen_first: bool = True) -> None:
        questionnaires = self.store.questionnaires
        found = self.read(
            lambda: (questionnaires.available(), questionnaires.chosen(self.demarche_id))
        )
        if found is None:
            return
        available, chosen = found
        chosen_key = choice_key(chosen) if chosen else None
        self.choices = {choice_key(c): c for c in available}
        self.query_one(QuestionnaireTable).fill(
            (
                (key, ["✔" if key == chosen_key else "", c.title, c.version, str(c.item_count)])
                for key, c in self.choices.items()
            ),
            select=chosen_key if chosen_first else None,
        )
        state = self.query_one("#questionnaire-state", Static)
        if not available:
            state.update(
                "Aucun questionnaire disponible : les fichiers de définition manquent "
                "dans le dossier schemas/ de l'installation."
            )
        elif chosen is None:
            state.update("Aucun questionnaire choisi : ⏎ sur une ligne pour le choisir.")
        else:
            state.update(f"Choisi : {escape(chosen.title)}, version {escape(chosen.version)}.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose_questionnaire":
            return self.query_one(QuestionnaireTable).current_key is not None
        return True

    def action_choose_questionnaire(self) -> None:
        key = self.query_one(QuestionnaireTable).current_key
        choice = self.choices.get(key or "")
        if choice is None:
            return
        if self.run_safely(
            lambda: self.store.questionnaires.choose(self.demarche_id, choice.code, choice.version)
        ):
            self.show_questionnaires()
            self.stored()
            self.notify(f"Questionnaire choisi : {choice.title}.", markup=False)
