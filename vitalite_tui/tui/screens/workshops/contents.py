"""The contents of one workshop (what its evening produces), one part per F-key.

Workshop 1: felt barometer, associated images, the debrief into work axes. Workshop 2: trends,
intentions, the scenario sketch. Workshop 3: candidates, the vote, results, action sheets.
Workshop 4: the charter, its signatories, the thread from a note to an article. Each part is
a `ContentPart` widget in `tui/contents/`, imported only when its workshop is opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Static

from vitalite_tui.domain.workshops import workshop_step
from vitalite_tui.errors import VitaliteError
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.parts import Part, PartsScreen, part_bindings
from vitalite_tui.tui.widgets.step_header import STEP_DONE_BINDING, StepHeader, toggle_step_done
from vitalite_tui.tui.widgets.table import shorten


@dataclass(frozen=True)
class ContentSpec:
    """A part of a workshop's contents: pane id, French title, F-key, `module:Class`."""

    part: str
    title: str
    key: str
    widget: str

    @property
    def as_part(self) -> Part:
        return (self.part, self.title, self.key)

    def build(self, demarche_id: str, number: int) -> ContentPart:
        module, name = self.widget.split(":")
        cls = getattr(import_module(f"vitalite_tui.tui.contents.{module}"), name)
        part = cls(demarche_id, number, id=f"content-{self.part}")
        assert isinstance(part, ContentPart)
        return part


_SHEETS = ContentSpec("sheets", "Fiches actions", "f8", "action_sheets:ActionSheetsPart")

#: The parts of each workshop's contents, in tab order.
CONTENTS: dict[int, tuple[ContentSpec, ...]] = {
    1: (
        ContentSpec("felt", "Ressenti", "f5", "felt:FeltPart"),
        ContentSpec("images", "Images", "f6", "images:ImagesPart"),
        ContentSpec("debrief", "Débrief", "f7", "debrief:DebriefPart"),
    ),
    2: (
        ContentSpec("trends", "Tendances", "f5", "trends:TrendsPart"),
        ContentSpec("intentions", "Intentions", "f6", "intentions:IntentionsPart"),
        ContentSpec("scenario", "Scénario", "f7", "scenario:ScenarioPart"),
    ),
    3: (
        ContentSpec("candidates", "Candidats", "f5", "candidates:CandidatesPart"),
        ContentSpec("vote", "Vote", "f6", "vote:VotePart"),
        ContentSpec("results", "Résultats", "f7", "results:ResultsPart"),
        _SHEETS,
    ),
    4: (
        ContentSpec("charter", "Charte", "f5", "charter:CharterPart"),
        ContentSpec("signatories", "Signataires", "f6", "signatories:SignatoriesPart"),
        ContentSpec("lineage", "Fil", "f7", "lineage:LineagePart"),
        _SHEETS,
    ),
}


def _parts(number: int) -> tuple[Part, ...]:
    return tuple(spec.as_part for spec in CONTENTS[number])


class ContentsScreen(PartsScreen):
    """What one workshop produces, one F-key per part; every change is stored at once.

    Open it with `contents_screen(demarche_id, number)`: one subclass per workshop carries
    that workshop's F-keys (so F1 names them).
    """

    CSS_PATH = "contents.tcss"
    HELP = "Contenus de l'atelier : une partie par touche F5 à F8."
    NUMBER: ClassVar[int] = 1
    BINDINGS: ClassVar[list[BindingType]] = [STEP_DONE_BINDING]

    def __init__(self, demarche_id: str, initial: str = "") -> None:
        super().__init__()
        self.demarche_id = demarche_id
        self.number = self.NUMBER
        self.specs = CONTENTS[self.number]
        self.initial = initial or self.specs[0].part
        self.parts: dict[str, ContentPart] = {}

    def compose(self) -> ComposeResult:
        yield StepHeader(workshop_step(self.number))
        yield Static(f"Atelier {self.number} · contenus", id="contents-title")
        yield from self.compose_parts(_parts(self.number), self.initial)
        yield Footer(compact=True)

    def compose_part(self, part: str) -> ComposeResult:
        spec = next(spec for spec in self.specs if spec.part == part)
        widget = spec.build(self.demarche_id, self.number)
        self.parts[part] = widget
        yield widget

    def focus_part(self, part: str) -> None:
        widget = self.parts.get(part)
        if widget is not None:
            widget.reload()
            widget.focus_first()

    def on_screen_resume(self) -> None:
        step = workshop_step(self.number)
        status = self.read(lambda: self.store.steps.status(self.demarche_id, step))
        if status is not None:
            self.query_one(StepHeader).show_status(status)
        widget = self.parts.get(self.active_part)
        if widget is not None:
            widget.reload()

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

    def action_toggle_done(self) -> None:
        try:
            status = toggle_step_done(self.store, self.demarche_id, workshop_step(self.number))
        except VitaliteError as exc:
            self.report(exc)
            return
        self.query_one(StepHeader).show_status(status)

    def help_text(self) -> str:
        widget = self.parts.get(self.active_part)
        return widget.HELP if widget is not None and widget.HELP else self.HELP

    def unsaved_text(self) -> str:
        return "\n".join(text for part in self.parts.values() if (text := part.unsaved_text()))


class Workshop1Contents(ContentsScreen):
    NUMBER = 1
    BINDINGS: ClassVar[list[BindingType]] = [*part_bindings("contents", _parts(1))]


class Workshop2Contents(ContentsScreen):
    NUMBER = 2
    BINDINGS: ClassVar[list[BindingType]] = [*part_bindings("contents", _parts(2))]


class Workshop3Contents(ContentsScreen):
    NUMBER = 3
    BINDINGS: ClassVar[list[BindingType]] = [*part_bindings("contents", _parts(3))]


class Workshop4Contents(ContentsScreen):
    NUMBER = 4
    BINDINGS: ClassVar[list[BindingType]] = [*part_bindings("contents", _parts(4))]


_SCREENS: dict[int, type[ContentsScreen]] = {
    1: Workshop1Contents,
    2: Workshop2Contents,
    3: Workshop3Contents,
    4: Workshop4Contents,
}


def contents_screen(demarche_id: str, number: int, initial: str = "") -> ContentsScreen:
    """The contents screen of workshop `number`, opened on part `initial` (or its first)."""
    return _SCREENS[number](demarche_id, initial)
