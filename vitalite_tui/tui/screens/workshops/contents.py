"""The contents of one workshop (what its evening produces), one part per F-key.

Workshop 1: felt barometer, associated images, the debrief into work axes. Workshop 2: trends,
intentions, the scenario sketch. Workshop 3: candidates, the vote, results, action sheets.
Workshop 4: the charter, its signatories, the thread from a note to an article. Each part is
a `ContentPart` widget in `tui/contents/`, imported only when its workshop is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

from vitalite_tui.domain.workshops import workshop_step
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.contents.tabs import CONTENT_TABS
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.messages import BarometerAsked
from vitalite_tui.tui.screens.parts import PartSpec, PartsScreen, part_bindings
from vitalite_tui.tui.screens.step_done import toggle_step_done
from vitalite_tui.tui.widgets.footer import Footer
from vitalite_tui.tui.widgets.step_header import STEP_DONE_BINDING, StepHeader
from vitalite_tui.tui.widgets.table import shorten

#: A part of a workshop's contents (its class imported only when its workshop is opened).
ContentSpec = PartSpec[ContentPart]

# Each factory imports its part's module on first use: opening the app loads none of them.


def _felt() -> type[ContentPart]:
    from vitalite_tui.tui.contents.felt import FeltPart

    return FeltPart


def _images() -> type[ContentPart]:
    from vitalite_tui.tui.contents.images import ImagesPart

    return ImagesPart


def _debrief() -> type[ContentPart]:
    from vitalite_tui.tui.contents.debrief import DebriefPart

    return DebriefPart


def _trends() -> type[ContentPart]:
    from vitalite_tui.tui.contents.trends import TrendsPart

    return TrendsPart


def _intentions() -> type[ContentPart]:
    from vitalite_tui.tui.contents.intentions import IntentionsPart

    return IntentionsPart


def _scenario() -> type[ContentPart]:
    from vitalite_tui.tui.contents.scenario import ScenarioPart

    return ScenarioPart


def _candidates() -> type[ContentPart]:
    from vitalite_tui.tui.contents.candidates import CandidatesPart

    return CandidatesPart


def _vote() -> type[ContentPart]:
    from vitalite_tui.tui.contents.vote import VotePart

    return VotePart


def _results() -> type[ContentPart]:
    from vitalite_tui.tui.contents.results import ResultsPart

    return ResultsPart


def _action_sheets() -> type[ContentPart]:
    from vitalite_tui.tui.contents.action_sheets import ActionSheetsPart

    return ActionSheetsPart


def _charter() -> type[ContentPart]:
    from vitalite_tui.tui.contents.charter import CharterPart

    return CharterPart


def _signatories() -> type[ContentPart]:
    from vitalite_tui.tui.contents.signatories import SignatoriesPart

    return SignatoriesPart


def _lineage() -> type[ContentPart]:
    from vitalite_tui.tui.contents.lineage import LineagePart

    return LineagePart


#: Each part's widget class, by pane id (the tabs themselves are in `contents/tabs.py`).
_WIDGETS: dict[str, Callable[[], type[ContentPart]]] = {
    "felt": _felt,
    "images": _images,
    "debrief": _debrief,
    "trends": _trends,
    "intentions": _intentions,
    "scenario": _scenario,
    "candidates": _candidates,
    "vote": _vote,
    "results": _results,
    "sheets": _action_sheets,
    "charter": _charter,
    "signatories": _signatories,
    "lineage": _lineage,
}

#: The parts of each workshop's contents, in tab order.
CONTENTS: dict[int, tuple[ContentSpec, ...]] = {
    number: tuple(ContentSpec(part, title, key, _WIDGETS[part]) for part, title, key in tabs)
    for number, tabs in CONTENT_TABS.items()
}


class ContentsScreen(PartsScreen[ContentPart]):
    """What one workshop produces, one F-key per part; every change is stored at once.

    Open it with `contents_screen(demarche_id, number)`: one subclass per workshop carries
    that workshop's F-keys (so F1 names them).
    """

    AUTOMATIC_COPIES = True

    CSS_PATH = "contents.tcss"
    NUMBER: ClassVar[int] = 1
    BINDINGS: ClassVar[list[BindingType]] = [STEP_DONE_BINDING]

    def __init__(self, demarche_id: str, initial: str = "") -> None:
        super().__init__()
        self.demarche_id = demarche_id
        self.number = self.NUMBER
        self.specs = CONTENTS[self.number]
        self.initial = initial or self.specs[0].part

    def compose(self) -> ComposeResult:
        yield StepHeader(workshop_step(self.number))
        yield Static(f"Atelier {self.number} · contenus", id="contents-title")
        yield from self.compose_parts(self.specs, self.initial)
        yield Footer(compact=True)

    def build_part(self, spec: ContentSpec) -> ContentPart:
        return spec.widget()(self.demarche_id, self.number, id=f"content-{spec.part}")

    def reload_parts(self) -> None:
        step = workshop_step(self.number)
        status = self.read(lambda: self.store.steps.status(self.demarche_id, step))
        if status is not None:
            self.query_one(StepHeader).show_status(status)
        super().reload_parts()

    def action_back(self) -> None:
        """Leaving with something typed but not stored asks first (nothing is lost silently)."""
        text = self.unsaved_text()
        if not text:
            super().action_back()
            return

        def confirmed(leave: bool | None) -> None:
            if leave:
                super(ContentsScreen, self).action_back()

        self.app.push_screen(
            ConfirmDialog(
                f"Ceci n'est pas encore enregistré :\n{shorten(text, 200)}\n"
                "Quitter quand même ? Non : rester ici, rien n'est perdu."
            ),
            confirmed,
        )

    @on(BarometerAsked)
    def open_barometer(self, message: BarometerAsked) -> None:
        # Imported here: only this key needs the barometer screen.
        from vitalite_tui.tui.screens.questionnaire.barometer import BarometerScreen

        self.app.push_screen(BarometerScreen(message.demarche_id))

    def action_toggle_done(self) -> None:
        toggle_step_done(self, self.demarche_id, workshop_step(self.number))


class Workshop1Contents(ContentsScreen):
    NUMBER = 1
    BINDINGS: ClassVar[list[BindingType]] = [*part_bindings("contents", CONTENTS[1])]


class Workshop2Contents(ContentsScreen):
    NUMBER = 2
    BINDINGS: ClassVar[list[BindingType]] = [*part_bindings("contents", CONTENTS[2])]


class Workshop3Contents(ContentsScreen):
    NUMBER = 3
    BINDINGS: ClassVar[list[BindingType]] = [*part_bindings("contents", CONTENTS[3])]


class Workshop4Contents(ContentsScreen):
    NUMBER = 4
    BINDINGS: ClassVar[list[BindingType]] = [*part_bindings("contents", CONTENTS[4])]


_SCREENS: dict[int, type[ContentsScreen]] = {
    1: Workshop1Contents,
    2: Workshop2Contents,
    3: Workshop3Contents,
    4: Workshop4Contents,
}


def contents_screen(demarche_id: str, number: int, initial: str = "") -> ContentsScreen:
    """The contents screen of workshop `number`, opened on part `initial` (or its first)."""
    return _SCREENS[number](demarche_id, initial)
