"""Shared test helpers: printed PDFs read back (pypdf) and rendered (pdftoppm, where present)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader


def pages_text(path: Path) -> list[str]:
    """Each page's text, its whitespace (and the lines a long sentence wraps into) folded."""
    return [flat(page.extract_text()) for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """Runs of spaces, line breaks and no-break spaces as one space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def page_sizes(path: Path) -> list[tuple[int, int]]:
    """Each page's width and height in points (A4 portrait: 595 × 842)."""
    return [
        (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        for page in PdfReader(path).pages
    ]


@dataclass(frozen=True)
class Fragment:
    """A piece of text drawn on a page: its baseline (points from the bottom), size, text."""

    x: float
    y: float
    size: float
    text: str

    @property
    def top(self) -> float:
        return self.y + 0.75 * self.size  # the capitals' and accents' height, about

    @property
    def bottom(self) -> float:
        return self.y - 0.22 * self.size  # the descenders (p, q, g)


def fragments(path: Path, page: int = 0) -> list[Fragment]:
    """The text pieces of one page where they are drawn, top of the page first."""
    found: list[Fragment] = []

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.append(Fragment(tm[4], tm[5], size, text.strip()))

    PdfReader(path).pages[page].extract_text(visitor_text=seen)
    return sorted(found, key=lambda fragment: -fragment.y)


def in_order(text: str, parts: Sequence[str]) -> list[int]:
    """Where each part is found in `text` (each one must be there)."""
    places = []
    for part in parts:
        place = text.find(flat(part))
        assert place >= 0, f"missing from the page: {part!r}"
        places.append(place)
    return places


def render_first_page(path: Path, folder: Path) -> Path:
    """The first page as a PNG (skips where pdftoppm is not installed)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) n'est pas installé sur cette machine")
    stem = folder / path.stem
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", "-singlefile", str(path), str(stem)],
        check=True,
        capture_output=True,
    )
    image = stem.with_suffix(".png")
    assert image.stat().st_size > 1000
    return image
