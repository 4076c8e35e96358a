"""A small document model (headings, paragraphs, lists, tables, charts between two poles)
that a PDF and an editable OpenDocument text are both drawn from: one content, two files."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    text: str
    #: 1: a chapter (it starts a page); 2: a section; 3: a sub-section.
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False
    #: Said in grey and smaller: how to read what follows, where a number comes from.
    muted: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: Each column's share of the page's width (they add up to 1).
    widths: tuple[float, ...]


@dataclass(frozen=True)
class Bar:
    """One group's position on an indicator's scale: 0 the depression pole, 100 the vitality
    pole (`None`: nobody of that group answered), and how many it stands for."""

    label: str
    position: float | None
    n: int


@dataclass(frozen=True)
class PoleChart:
    """Bars between an indicator's two poles, one per group (measured, felt, by collège)."""

    title: str
    #: The depression pole (position 0) and the vitality pole (position 100).
    low: str
    high: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Bullets | Table | PoleChart | PageBreak


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    title: str
    territory: str
    cover: Cover
    blocks: tuple[Block, ...]

    def texts(self) -> list[str]:
        """Every text the document shows, in order (what a reader of either file finds)."""
        found = [self.cover.title, self.cover.subtitle, *self.cover.lines]
        for block in self.blocks:
            if isinstance(block, (Heading, Paragraph)):
                found.append(block.text)
            elif isinstance(block, Bullets):
                found += block.items
            elif isinstance(block, Table):
                found += [*block.header, *(cell for row in block.rows for cell in row)]
            elif isinstance(block, PoleChart):
                found += [block.title, block.low, block.high, *(bar.label for bar in block.bars)]
        return found


def position_text(bar: Bar) -> str:
    """« 62 (n = 34) », « — (n = 0) »: what every chart writes beside a bar."""
    shown = "—" if bar.position is None else f"{bar.position:.0f}"
    return f"{shown} (n = {bar.n})"
