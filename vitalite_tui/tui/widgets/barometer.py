"""Two-pole bars of the barometer, indicator after indicator, for everyone or by segment.

Each indicator is a block: a line with its two poles (depression on the left, vitality on
the right), then one bar per line of figures — « mesuré » for the whole questionnaire, or
one per value of a segment — each with an optional detail line (V, D, distribution), then
the felt barometer of workshop 1: a « ressenti » bar (its mean on 0–10, times 10), and one
per collège when asked. Both are positions on 0–100 between the same two poles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content
from textual.events import Resize
from textual.widgets import Static

from vitalite_tui.domain.barometer import IndicatorBarometer
from vitalite_tui.domain.felt import FeltIndicator
from vitalite_tui.domain.indicators import Indicator, indicator
from vitalite_tui.tui.widgets.table import shorten

FILLED = "█"
EMPTY = "░"
#: Shown instead of a figure that could not be computed.
MISSING = "—"

#: Room for the longest indicator name, « 2 Accès aux ressources ».
NAME_WIDTH = 22
#: The label column (« mesuré », « ressenti », a segment value): at least, at most.
MIN_LABEL = 8
MAX_LABEL = 16
#: A bar never shorter (still readable) nor longer (still quick to compare) than this.
MIN_BAR = 10
MAX_BAR = 50
#: After a bar: « 100  (n=300) ».
TAIL = 14

FILLED_STYLE = "$accent"
EMPTY_STYLE = "$text-muted"
MUTED = "$text-muted"


@dataclass(frozen=True)
class BarLine:
    """One bar: what it is (« mesuré », « Moins de 25 ans ») and its figures."""

    label: str
    result: IndicatorBarometer


@dataclass(frozen=True)
class FeltLine:
    """A felt bar: « ressenti » (or « ress. élus »…) and the felt figures."""

    label: str
    result: FeltIndicator


@dataclass(frozen=True)
class IndicatorBlock:
    """An indicator and its bars, in the order they are drawn: measured, then felt."""

    number: int
    lines: tuple[BarLine, ...]
    felt: tuple[FeltLine, ...] = ()

    @property
    def labels(self) -> list[str]:
        return [line.label for line in self.lines] + [line.label for line in self.felt]

    @property
    def indicator(self) -> Indicator:
        return indicator(self.number)


@dataclass(frozen=True)
class Layout:
    """Where the columns fall for a given width: name, label, bar, figures."""

    label: int
    bar: int

    @property
    def label_start(self) -> int:
        return 2 + NAME_WIDTH + 1

    @property
    def bar_start(self) -> int:
        return self.label_start + self.label + 1

    @property
    def bar_end(self) -> int:
        return self.bar_start + self.bar


def layout(blocks: Sequence[IndicatorBlock], width: int) -> Layout:
    """The widest label column the labels need, and the bar filling what is left."""
    longest = max((cell_len(label) for b in blocks for label in b.labels), default=0)
    label = min(max(longest, MIN_LABEL), MAX_LABEL)
    bar = width - (2 + NAME_WIDTH + 1 + label + 1) - TAIL
    return Layout(label, min(max(bar, MIN_BAR), MAX_BAR))


def figure(value: float | None) -> str:
    """A score or a position as shown: a whole number, or « — »."""
    return MISSING if value is None else str(round(value))


def filled_cells(position: float | None, width: int) -> int:
    """How many of the bar's `width` cells the position fills (0 = depression pole)."""
    if position is None:
        return 0
    return min(width, max(0, round(position * width / 100)))


def pole_line(shown: Indicator, grid: Layout, width: int) -> Content:
    """« Isolement ◄────────► Rendez-vous », the arrows over the ends of the bars.

    Where the vitality pole would not fit after the bar, the arrow is shortened.
    """
    left = f"{shown.depression} ◄"
    start = max(0, grid.bar_start + 1 - cell_len(left))
    right = f"► {shown.vitality}"
    end = min(grid.bar_end - 1, width - cell_len(right))  # where ► goes
    dashes = max(3, end - (start + cell_len(left)))
    return Content.assemble(" " * start, left, ("─" * dashes, MUTED), right)


def bar_line(name: str, line: BarLine | FeltLine, grid: Layout) -> Content:
    """« 1 Sociabilité   mesuré   ████████░░░░░░   62  (n=81) » (or « ressenti … »)."""
    result = line.result
    position = result.position if result.n else None
    filled = filled_cells(position, grid.bar)
    return Content.assemble(
        "  ",
        (name.ljust(NAME_WIDTH), "bold"),
        " ",
        (shorten(line.label, grid.label).ljust(grid.label), MUTED),
        " ",
        (FILLED * filled, FILLED_STYLE),
        (EMPTY * (grid.bar - filled), EMPTY_STYLE),
        (f"{figure(position):>4}", "bold"),
        f"  (n={result.n})",
    )


def detail_line(line: BarLine, grid: Layout) -> Content:
    """« V 68 · D 44 · répartition 3/10/25/30/13 », under the label."""
    result = line.result
    indent = " " * grid.label_start
    if not result.n:
        return Content.assemble(indent, ("trop peu de réponses : non calculé (voir F1)", MUTED))
    spread = "/".join(str(count) for count in result.distribution)
    return Content.assemble(
        indent,
        (
            f"V {figure(result.vitality)} · D {figure(result.depression)} · répartition {spread}",
            MUTED,
        ),
    )


def render_blocks(blocks: Sequence[IndicatorBlock], width: int, *, details: bool) -> Content:
    """Every block, a blank line between two."""
    grid = layout(blocks, width)
    lines: list[Content] = []
    for block in blocks:
        if lines:
            lines.append(Content(""))
        shown = block.indicator
        lines.append(pole_line(shown, grid, width))
        bars: list[BarLine | FeltLine] = [*block.lines, *block.felt]
        for index, line in enumerate(bars):
            name = f"{shown.number} {shown.short_name}" if index == 0 else ""
            lines.append(bar_line(name, line, grid))
            if details and isinstance(line, BarLine):
                lines.append(detail_line(line, grid))
    return Content("\n").join(lines)


class BarometerBars(Static):
    """The blocks, drawn again to the widget's width: a wider screen gets longer bars."""

    DEFAULT_CSS = """
    BarometerBars { height: auto; text-wrap: nowrap; text-overflow: clip; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.blocks: tuple[IndicatorBlock, ...] = ()
        self.details = True
        self._drawn_width = 0

    def show(self, blocks: Sequence[IndicatorBlock], *, details: bool) -> None:
        self.blocks = tuple(blocks)
        self.details = details
        self._draw()

    def _draw(self) -> None:
        width = self.content_size.width or self.app.size.width - 3
        self._drawn_width = width
        self.update(render_blocks(self.blocks, width, details=self.details))

    def on_resize(self, event: Resize) -> None:
        if self.blocks and self.content_size.width != self._drawn_width:
            self._draw()

    @property
    def text(self) -> str:
        """The bars as plain text, for tests."""
        return render_blocks(self.blocks, self._drawn_width, details=self.details).plain
