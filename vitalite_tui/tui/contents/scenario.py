"""Workshop 2 · Scénario: the sketch written at the debrief, one text per indicator."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Label, Static, TextArea

from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.domain.scenario import filled
from vitalite_tui.domain.text import clean_text, nbsp_quotes, of
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.contents.tabs import CONTENT_TABS
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.services import GoesBack


class ScenarioText(TextArea):
    """A text of the sketch. The contents' F-keys still change part from inside it (TextArea
    itself would take F6 and F7 to select a line or everything)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            key,
            f"screen.show_part('{part}')",
            title,
            id=f"scenario-text-{part}",
            tooltip=f"Afficher la partie « {title} ».",
            show=False,
        )
        for part, title, key in CONTENT_TABS[2]
    ]


def indicator_label(number: int) -> str:
    shown = INDICATORS[number - 1]
    return nbsp_quotes(
        f"I{number} {shown.short_name} — {of(f'« {shown.depression} »')} à « {shown.vitality} »"
    )


class ScenarioPart(ContentPart):
    """Four texts, one per indicator; F2 stores them all, F4 proposes a first draft."""

    DEFAULT_CSS = """
    ScenarioPart #scenario-texts { height: 1fr; }
    ScenarioPart .scenario-label { padding: 0 1; color: $text-muted; }
    ScenarioPart ScenarioText { height: 5; margin: 0 1; }
    ScenarioPart ScenarioText:focus { border: tall $accent; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f2",
            "save",
            "Enregistrer",
            id="scenario-save",
            tooltip="Enregistrer les quatre textes du scénario.",
        ),
        Binding(
            "f4",
            "draft",
            "Proposer",
            id="scenario-draft",
            tooltip="Proposer un texte par indicateur à partir des intentions (les textes "
            "déjà écrits ne sont remplacés qu'après confirmation).",
        ),
        Binding(
            "escape",
            "leave",
            "Retour",
            id="scenario-back",
            tooltip="Revenir à l'atelier ; un texte non enregistré est d'abord proposé à "
            "l'enregistrement.",
        ),
    ]

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        #: The texts as stored, by indicator: what « unsaved » is measured against.
        self.stored: dict[int, str] = {shown.number: "" for shown in INDICATORS}

    def compose(self) -> ComposeResult:
        yield Static(
            "Un texte par indicateur · F4 Proposer à partir des intentions · F2 Enregistrer",
            id="scenario-hint",
            classes="hint",
        )
        with VerticalScroll(id="scenario-texts") as scroll:
            scroll.can_focus = False
            for shown in INDICATORS:
                yield Label(indicator_label(shown.number), classes="scenario-label")
                yield ScenarioText(
                    id=f"scenario-{shown.number}",
                    soft_wrap=True,
                    show_line_numbers=False,
                    compact=True,
                    placeholder="Rien d'écrit pour cet indicateur (F4 propose un texte).",
                )

    # --- the texts ---------------------------------------------------------------------

    def area(self, number: int) -> ScenarioText:
        return self.query_one(f"#scenario-{number}", ScenarioText)

    def typed(self) -> dict[int, str]:
        return {shown.number: self.area(shown.number).text for shown in INDICATORS}

    def changed(self) -> list[int]:
        """Indicators whose text differs from what is stored."""
        return [
            number
            for number, text in self.typed().items()
            if clean_text(text) != clean_text(self.stored[number])
        ]

    def reload(self) -> None:
        """Stored texts come in, except over a text being edited (never lost)."""
        texts = self.read(lambda: self.store.scenario.text_map(self.demarche_id))
        if texts is None:
            return
        editing = set(self.changed())
        for number, text in texts.items():
            if number not in editing:
                self.area(number).text = text
        self.stored = dict(texts)

    def unsaved_text(self) -> str:
        typed = self.typed()
        return "\n".join(typed[number] for number in self.changed() if typed[number].strip())

    # --- acting ------------------------------------------------------------------------

    def action_save(self) -> bool:
        """Store the four texts; False (the error reported, the texts kept) when refused."""
        typed = self.typed()
        changed = self.read(lambda: self.store.scenario.save(self.demarche_id, typed))
        if changed is None:
            return False
        self.stored = {number: clean_text(text) for number, text in typed.items()}
        if changed:
            self.app.notify("Scénario enregistré.")
        else:
            self.app.notify("Rien de changé depuis le dernier enregistrement.")
        return True

    def go_back(self) -> None:
        if isinstance(self.screen, GoesBack):
            self.screen.action_back()

    def action_leave(self) -> None:
        """Escape: back to the workshop, once what is typed is stored or asked about."""
        if not self.changed():
            self.go_back()
            return

        def answered(yes: bool | None) -> None:
            if yes and self.action_save():
                self.go_back()

        self.app.push_screen(
            ConfirmDialog(
                "Des textes du scénario ne sont pas enregistrés. Les enregistrer avant de "
                "revenir à l'atelier ?\nNon : rester ici, les textes sont gardés."
            ),
            answered,
        )

    def action_draft(self) -> None:
        proposals = self.read(lambda: self.store.scenario.proposals(self.demarche_id))
        if proposals is None:
            return
        if not any(proposals.values()):
            self.app.notify(
                "Aucune intention ne porte d'indicateur : rien à proposer (F6 Intentions)."
            )
            return
        typed = self.typed()
        written = [
            number
            for number, text in typed.items()
            if text.strip() and proposals[number] and proposals[number] != text
        ]

        def put(replace: bool) -> None:
            for number, text in filled(typed, proposals, replace=replace).items():
                if text != typed[number]:
                    self.area(number).text = text
            self.app.notify("Propositions placées : relisez, puis F2 pour enregistrer.")

        if not written:
            put(False)
            return
        which = ", ".join(f"I{number}" for number in written)

        def answered(replace: bool | None) -> None:
            put(bool(replace))

        self.app.push_screen(
            ConfirmDialog(
                f"Remplacer aussi les textes déjà écrits ({which}) par la proposition ?\n"
                "Non : seuls les textes vides sont remplis."
            ),
            answered,
        )
