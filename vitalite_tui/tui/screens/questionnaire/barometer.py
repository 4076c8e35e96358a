"""The barometer: four two-pole bars with n, measured (step 3, for everyone or by segment)
and felt (workshop 1, for everyone or by collège)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.text import plural
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.felt.records import FeltSummary
from vitalite_tui.store.questionnaire.barometer import small_segments_note
from vitalite_tui.store.questionnaire.records import MeasuredBarometer, SegmentChoice
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.widgets.barometer import BarLine, BarometerBars, FeltLine, IndicatorBlock
from vitalite_tui.tui.widgets.footer import Footer
from vitalite_tui.tui.widgets.table import shorten

#: Short names of the usual profile fields, for the segment line (others: their label).
SHORT_NAMES = {
    "commune": "commune",
    "age": "âge",
    "anciennete": "ancienneté",
    "situation": "situation",
    "college": "collège",
}
SHORT_WIDTH = 16

#: The label of the bar computed from every sheet.
MEASURED = "mesuré"
EVERYONE = "ensemble"
#: The label of the felt bar, and of a collège's felt bar.
FELT = "ressenti"
FELT_COLLEGE = "ress. {college}"

NO_FELT = (
    "Ressenti : rien de saisi à l'atelier 1 pour l'instant (contenus de l'atelier 1, F5 Ressenti)."
)

EMPTY = (
    "Aucun questionnaire saisi pour l'instant : le baromètre se calculera dès la première "
    "fiche saisie ou importée (étape 3)."
)


def short_name(choice: SegmentChoice | None) -> str:
    """« tous », « commune », « âge »…: what the segment line calls a segment."""
    if choice is None:
        return "tous"
    return SHORT_NAMES.get(choice.code) or shorten(choice.label.lower(), SHORT_WIDTH)


def felt_lines(felt: FeltSummary | None, index: int, by_college: bool) -> tuple[FeltLine, ...]:
    """The felt bars of one indicator: none until something is felt, then « ressenti »
    and, by collège, one per collège."""
    if felt is None or felt.empty:
        return ()
    lines = [FeltLine(FELT, felt.indicators[index])]
    if by_college:
        lines += [
            FeltLine(FELT_COLLEGE.format(college=college.plural), felt.colleges[college][index])
            for college in College
        ]
    return tuple(lines)


def blocks_of(
    measured: MeasuredBarometer, felt: FeltSummary | None = None, by_college: bool = False
) -> list[IndicatorBlock]:
    """One block per indicator: the measured bar, or « ensemble » then one bar per value;
    then the felt bars. Without any questionnaire, only the felt bars."""
    blocks = []
    for index, whole in enumerate(measured.indicators):
        lines: list[BarLine] = []
        if measured.sheets and measured.segment is None:
            lines = [BarLine(MEASURED, whole)]
        elif measured.sheets:
            lines = [BarLine(EVERYONE, whole)]
            lines += [BarLine(group.label, group.indicators[index]) for group in measured.segments]
        felt_bars = felt_lines(felt, index, by_college)
        blocks.append(IndicatorBlock(whole.indicator, tuple(lines), felt_bars))
    return blocks


class BarometerScroll(VerticalScroll, can_focus=False):
    """The bars, scrolled by the screen's keys (the letters stay free for the screen)."""


class BarometerScreen(BaseScreen):
    """Read-only: the barometer computed from the questionnaires typed so far, and felt."""

    AUTOMATIC_COPIES = True

    CSS_PATH = "barometer.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "s",
            "segment(1)",
            "Segment",
            id="barometer-segment",
            tooltip="Changer de segment : tous, puis par commune, par âge…, puis tous à nouveau.",
        ),
        Binding(
            "S",
            "segment(-1)",
            "Segment précédent",
            id="barometer-segment-back",
            tooltip="Revenir au segment précédent (Maj+S).",
            key_display="Maj+S",
            show=False,
        ),
        Binding(
            "c",
            "toggle_colleges",
            "Collèges",
            id="barometer-colleges",
            tooltip="Montrer ou cacher le ressenti de chaque collège (le mesuré n'en a pas : "
            "le questionnaire ne demande pas le collège).",
        ),
        Binding(
            "enter",
            "toggle_details",
            "Détail",
            id="barometer-details",
            tooltip="Montrer ou cacher le détail : scores V et D, répartition en cinq tranches.",
        ),
        Binding(
            "pagedown",
            "page(1)",
            "Défiler",
            id="barometer-page-down",
            tooltip="Faire défiler d'une page vers le bas.",
        ),
        Binding(
            "space",
            "page(1)",
            "Défiler",
            id="barometer-page-down-space",
            tooltip="Comme Page↓ : faire défiler d'une page vers le bas.",
            show=False,
        ),
        Binding(
            "pageup",
            "page(-1)",
            "Remonter",
            id="barometer-page-up",
            tooltip="Remonter d'une page.",
            show=False,
        ),
        Binding(
            "down",
            "line(1)",
            "Descendre",
            id="barometer-line-down",
            tooltip="Faire défiler d'une ligne vers le bas.",
            show=False,
        ),
        Binding(
            "up",
            "line(-1)",
            "Monter",
            id="barometer-line-up",
            tooltip="Faire défiler d'une ligne vers le haut.",
            show=False,
        ),
    ]

    def __init__(self, demarche_id: str) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        #: `None` first (every sheet together), then each profile field.
        self.choices: list[SegmentChoice | None] = [None]
        self.index = 0
        #: Detail lines (V, D, distribution): shown for everyone, hidden for the longer
        #: lists of segments; ⏎ changes the one in view.
        self.details = {False: True, True: False}
        #: Computed once per segment while the screen is open.
        self.measured: dict[str | None, MeasuredBarometer] = {}
        #: The felt barometer of workshop 1 (None when it could not be read).
        self.felt: FeltSummary | None = None
        #: One felt bar per collège too.
        self.by_college = False

    def compose(self) -> ComposeResult:
        yield Label(
            "Baromètre de la vitalité sociale", id="barometer-title", classes="screen-title"
        )
        yield Static("", id="barometer-segments", classes="hint")
        yield Static("", id="barometer-note", classes="warning", markup=False)
        yield Static(NO_FELT, id="barometer-felt", classes="hint", markup=False)
        with BarometerScroll(id="barometer-scroll"):
            yield BarometerBars(id="barometer-bars")
        yield Static(EMPTY, id="barometer-empty", classes="hint", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        try:
            self.choices = [None, *self.store.barometer.segments(self.demarche_id)]
            self.measured[None] = self.store.barometer.measured(self.demarche_id)
        except VitaliteError as exc:
            self.report(exc)
        self.felt = self.read(lambda: self.store.felt.summary(self.demarche_id))
        self.show()

    # ------------------------------------------------------------ state

    @property
    def segment(self) -> SegmentChoice | None:
        return self.choices[self.index]

    @property
    def current(self) -> MeasuredBarometer | None:
        segment = self.segment
        return self.measured.get(segment.code if segment is not None else None)

    @property
    def sheets(self) -> int:
        """Sheets counted in the barometer (0 when none, or when it could not be read)."""
        whole = self.measured.get(None)
        return whole.sheets if whole is not None else 0

    @property
    def has_felt(self) -> bool:
        return self.felt is not None and not self.felt.empty

    # ------------------------------------------------------------ drawing

    def show(self) -> None:
        whole = self.measured.get(None)
        typed = whole.sheets + whole.left_out if whole is not None else 0
        questionnaires = plural(typed, "questionnaire") if typed else "aucun questionnaire"
        if self.felt is not None and self.has_felt:
            # The sketch's title: short enough for both counts on 80 columns.
            felt = plural(self.felt.people, "participant")
            title = f"Baromètre · {questionnaires} · ressenti : {felt}"
        else:
            title = f"Baromètre de la vitalité sociale · {questionnaires}"
        self.query_one("#barometer-title", Label).update(title)
        self.query_one("#barometer-felt", Static).display = not self.has_felt
        note = self.query_one("#barometer-note", Static)
        notes: list[str] = []
        if whole is not None and whole.left_out:
            notes.append(
                f"Non comptées : {plural(whole.left_out, 'fiche saisie', 'fiches saisies')} "
                f"avec une autre version du questionnaire (calcul avec {whole.questionnaire})."
            )
        if self.current is not None and self.segment is not None:
            notes.append(small_segments_note(self.current))
        note.display = any(notes)
        note.update(" ".join(filter(None, notes)))
        has_bars = self.sheets > 0 or self.has_felt
        self.query_one("#barometer-empty", Static).display = not self.sheets
        self.query_one("#barometer-scroll", BarometerScroll).display = has_bars
        segments = self.query_one("#barometer-segments", Static)
        segments.display = self.sheets > 0
        segments.update(self.segment_line())
        current = self.current
        if has_bars and current is not None:
            bars = self.query_one("#barometer-bars", BarometerBars)
            blocks = blocks_of(current, self.felt, self.by_college)
            bars.show(blocks, details=self.details[self.segment is not None])
        self.refresh_bindings()

    def segment_line(self) -> Content:
        """« Segment (s) : tous ▸ commune ▸ âge ▸ … », the current one highlighted."""
        parts: list[Content | str] = []
        for index, choice in enumerate(self.choices):
            if index:
                parts.append(" ▸ ")
            name = short_name(choice)
            parts.append(Content.styled(name, "bold reverse") if index == self.index else name)
        return Content.assemble("Segment (s) : ", *parts)

    # ------------------------------------------------------------ actions

    def action_segment(self, step: int) -> None:
        index = (self.index + step) % len(self.choices)
        choice = self.choices[index]
        if choice is not None and choice.code not in self.measured:
            try:
                self.measured[choice.code] = self.store.barometer.measured(
                    self.demarche_id, choice.code
                )
            except VitaliteError as exc:
                self.report(exc)
                return
        self.index = index
        self.query_one("#barometer-scroll", BarometerScroll).scroll_home(animate=False)
        self.show()

    def action_toggle_colleges(self) -> None:
        self.by_college = not self.by_college
        self.show()

    def action_toggle_details(self) -> None:
        split = self.segment is not None
        self.details[split] = not self.details[split]
        self.show()

    def action_page(self, step: int) -> None:
        scroll = self.query_one("#barometer-scroll", BarometerScroll)
        if step > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)

    def action_line(self, step: int) -> None:
        self.query_one("#barometer-scroll", BarometerScroll).scroll_relative(y=step, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "segment":
            return self.sheets > 0 and len(self.choices) > 1
        if action == "toggle_details":
            return self.sheets > 0
        if action == "toggle_colleges":
            return self.has_felt
        if action in ("page", "line"):
            return self.sheets > 0 or self.has_felt
        return True
