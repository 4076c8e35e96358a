"""The restitution of the whole démarche for the projector: one page per stage, no names.

Barometer (measured and felt), images chosen, work axes, intentions by axis, scenario sketch,
kept actions and tie-break, charter and signatories: ←/→ turn the pages, 1–7 jump to one,
Page↓/Espace scroll a long page. A signatory is named only with their consent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import groupby
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Static

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import indicator
from vitalite_tui.domain.text import plural
from vitalite_tui.store.reports.restitution_records import (
    BarometerLine,
    RestitutionRecord,
    SignatoryLine,
    TieBreakResult,
)
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.widgets.footer import Footer

#: Cells of a bar between the two poles.
BAR = 30

Page = Callable[[RestitutionRecord], RenderableType]


def _empty(text: str) -> Text:
    return Text(text, "italic")


def _bar(position: float | None) -> Text:
    if position is None:
        return Text("—".ljust(BAR + 6), "dim")
    filled = round(position / 100 * BAR)
    bar = Text("█" * filled, "bold")
    bar.append("░" * (BAR - filled), "dim")
    bar.append(f" {position:3.0f}")
    return bar


def _barometer_block(line: BarometerLine) -> RenderableType:
    shown = indicator(line.indicator)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=9)
    grid.add_column()
    grid.add_column()
    grid.add_row(Text("mesuré"), _bar(line.measured), Text(f"(n={line.measured_n})", "dim"))
    grid.add_row(Text("ressenti"), _bar(line.felt), Text(f"(n={line.felt_n})", "dim"))
    poles = Text(f"{'':10}{shown.depression} ◄ ─── ► {shown.vitality}", "italic")
    return Group(Text(f"{shown.code} {shown.short_name}", "bold reverse"), poles, grid, Text())


def barometer_page(record: RestitutionRecord) -> RenderableType:
    if not any(line.measured_n or line.felt_n for line in record.barometer):
        return _empty("Ni questionnaire saisi (étape 3) ni baromètre ressenti (atelier 1).")
    return Group(*(_barometer_block(line) for line in record.barometer))


def images_page(record: RestitutionRecord) -> RenderableType:
    if not record.images:
        return _empty("Aucune image choisie à l'atelier 1.")
    parts: list[RenderableType] = []
    for number, images in groupby(record.images, key=lambda image: image.indicator):
        if number is None:
            parts.append(Text(" SANS INDICATEUR ", "bold reverse"))
        else:
            shown = indicator(number)
            parts.append(Text(f" {shown.code} {shown.short_name.upper()} ", "bold reverse"))
        for image in images:
            line = Text(f"▸ {image.card}", "bold")
            if image.pole is not None and number is not None:
                line.append(f" ({indicator(number).pole_label(image.pole)})", "dim")
            if image.why:
                line.append(f" — {image.why}", "italic")
            parts.append(line)
        parts.append(Text())
    return Group(*parts)


def axes_page(record: RestitutionRecord) -> RenderableType:
    if not record.axes:
        return _empty("Aucun axe nommé au débrief de l'atelier 1.")
    lines = []
    for number, axis in enumerate(record.axes, start=1):
        tag = f"I{axis.indicator} · " if axis.indicator else ""
        line = Text(f"{number}  {axis.title}", "bold")
        line.append(f"   {tag}{plural(axis.notes, 'note')}", "dim")
        lines += [line, Text()]
    return Group(*lines)


def intentions_page(record: RestitutionRecord) -> RenderableType:
    if not record.intentions:
        return _empty("Aucune intention écrite à l'atelier 2.")
    parts: list[RenderableType] = []
    for axis, intentions in groupby(record.intentions, key=lambda i: i.axis):
        parts.append(Text(f" {(axis or 'Sans axe').upper()} ", "bold reverse"))
        for intention in intentions:
            line = Text(f"▸ {intention.title}", "bold")
            if intention.trend:
                line.append(f" — {intention.trend}", "italic")
            parts.append(line)
        parts.append(Text())
    return Group(*parts)


def scenario_page(record: RestitutionRecord) -> RenderableType:
    if not record.scenario:
        return _empty("L'esquisse de scénario n'est pas encore écrite (atelier 2).")
    parts: list[RenderableType] = []
    for number, text in sorted(record.scenario.items()):
        shown = indicator(number)
        parts += [Text(f" {shown.code} {shown.short_name.upper()} ", "bold reverse"), Text(text)]
        parts.append(Text())
    return Group(*parts)


def actions_page(record: RestitutionRecord) -> RenderableType:
    if not record.kept_actions:
        return _empty("Aucune action retenue pour l'instant (vote de l'atelier 3).")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right")
    grid.add_column(ratio=1, overflow="fold")
    grid.add_column(justify="right")
    ranks = [action.rank for action in record.kept_actions]
    for number, action in enumerate(record.kept_actions, start=1):
        dots = plural(action.dots, "gommette") if action.dots is not None else ""
        # A tie reads as one, as on the results: « 3= ».
        tied = action.rank is not None and ranks.count(action.rank) > 1
        rank = f"{action.rank}=" if tied else str(action.rank or number)
        grid.add_row(Text(rank, "bold"), Text(action.title, "bold"), Text(dots, "dim"))
        if action.deepened_by:
            grid.add_row(
                "", Text(f"↳ approfondie par {', '.join(action.deepened_by)}", "italic"), ""
            )
        grid.add_row("", "", "")
    parts: list[RenderableType] = [grid, *(_tie_break(result) for result in record.tie_breaks)]
    if record.tie_pending:
        places = plural(record.tie_pending, "place")
        parts.append(_empty(f"Égalité pour {places} encore à départager (vote de l'atelier 3)."))
    return Group(*parts)


def _tie_break(result: TieBreakResult) -> RenderableType:
    """« Départage (tour 2, 1 place) », then each tied action with its dots and the outcome."""
    places = plural(result.places, "place")
    state = "" if result.closed else ", en cours"
    parts: list[RenderableType] = [
        Text(f" DÉPARTAGE · TOUR {result.round_number} · {places}{state} ", "bold reverse")
    ]
    for line in result.lines:
        shown = Text(f"{'✔' if line.kept else '·'} {line.title}", "bold" if line.kept else "")
        shown.append(f"  {plural(line.dots, 'gommette')}", "dim")
        if result.closed:
            shown.append("  retenue" if line.kept else "  non retenue", "italic")
        parts.append(shown)
    parts.append(Text())
    return Group(*parts)


def charter_page(record: RestitutionRecord) -> RenderableType:
    if not record.articles:
        return _empty("La charte n'a pas encore d'article (atelier 4).")
    parts: list[RenderableType] = []
    for article in record.articles:
        parts += [Text(f"Article {article.number} — {article.title}", "bold"), Text(article.text)]
        parts.append(Text())
    parts.append(_signatories(record.signatories))
    return Group(*parts)


def _signatory(line: SignatoryLine) -> str:
    """A name only with consent (the store blanks the others), else a guest's structure."""
    if line.name:
        return f"{line.name} ({line.organisation})" if line.organisation else line.name
    return line.organisation or "Signataire hors registre"


def _signatories(lines: list[SignatoryLine]) -> RenderableType:
    if not lines:
        return _empty("Personne n'a encore signé la charte.")
    named = [_signatory(line) for line in lines if line.name or line.college is None]
    others = Counter(line.college for line in lines if not line.name and line.college)
    parts: list[RenderableType] = [
        Text(f" SIGNATAIRES · {len(lines)} ", "bold reverse"),
        *(Text(f"✍ {name}") for name in named),
    ]
    if others:
        counted = " · ".join(
            plural(others[college], college.label, college.plural)
            for college in College
            if others[college]
        )
        # People who did not agree to be named are counted by collège, never listed.
        parts.append(Text(f"✍ et {counted}, non nommés", "italic"))
    return Group(*parts)


#: The pages in the order of the method.
PAGES: tuple[tuple[str, Page], ...] = (
    ("Baromètre : mesuré et ressenti", barometer_page),
    ("Images choisies", images_page),
    ("Axes de travail", axes_page),
    ("Intentions par axe", intentions_page),
    ("Esquisse de scénario", scenario_page),
    ("Actions retenues", actions_page),
    ("Charte et signataires", charter_page),
)

#: The page a restitution opens on from each workshop's plenary view.
FIRST_PAGE = {1: 0, 2: 3, 3: 5, 4: 0}


class RestitutionScreen(BaseScreen):
    """Read-only, for the projector: the démarche from the barometer to the charter."""

    CSS_PATH = "restitution.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left",
            "turn(-1)",
            "Page",
            id="restitution-previous",
            tooltip="Page précédente.",
            key_display="←→",
        ),
        Binding(
            "right",
            "turn(1)",
            "Page suivante",
            id="restitution-next",
            tooltip="Page suivante.",
            show=False,
        ),
        *(
            Binding(
                str(number),
                f"go({number - 1})",
                title,
                id=f"restitution-page-{number}",
                tooltip=f"Aller à la page « {title} ».",
                show=False,
            )
            for number, (title, _) in enumerate(PAGES, start=1)
        ),
        Binding(
            "pagedown,space",
            "scroll_page(1)",
            "Défiler",
            id="restitution-page-down",
            tooltip="Faire défiler d'une page vers le bas.",
            key_display="Page↓",
        ),
        Binding(
            "pageup",
            "scroll_page(-1)",
            "Remonter",
            id="restitution-page-up",
            tooltip="Remonter d'une page.",
            show=False,
        ),
    ]

    def __init__(self, demarche_id: str, page: int = 0) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        self.page = page
        self.record: RestitutionRecord | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="restitution-head"):
            yield Label("", id="restitution-title", markup=False)
            yield Label("", id="restitution-position", markup=False)
        with VerticalScroll(id="restitution-body", can_focus=False):
            yield Static("", id="restitution-page")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.record = self.read(lambda: self.store.restitution.walk(self.demarche_id))
        self.show()

    def show(self) -> None:
        title, page = PAGES[self.page]
        self.query_one("#restitution-title", Label).update(f"Restitution · {title}")
        self.query_one("#restitution-position", Label).update(f"{self.page + 1}/{len(PAGES)}")
        body = page(self.record) if self.record is not None else _empty("")
        self.query_one("#restitution-page", Static).update(body)
        self.query_one("#restitution-body", VerticalScroll).scroll_home(animate=False)

    def action_turn(self, step: int) -> None:
        self.action_go(min(max(0, self.page + step), len(PAGES) - 1))

    def action_go(self, page: int) -> None:
        if page != self.page:
            self.page = page
            self.show()

    def action_scroll_page(self, step: int) -> None:
        body = self.query_one("#restitution-body", VerticalScroll)
        if step > 0:
            body.scroll_page_down(animate=False)
        else:
            body.scroll_page_up(animate=False)
