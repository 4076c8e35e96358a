"""Table cells cut to their column's width: literal, whole when they fit, an ellipsis else."""

from __future__ import annotations

import unicodedata

import pytest
from rich.cells import cell_len

from vitalite_tui.tui.widgets.table import shorten


@pytest.mark.parametrize(
    ("text", "width", "shown"),
    [
        ("Le lavoir", 20, "Le lavoir"),
        ("Le   lavoir\n du  bourg", 30, "Le lavoir du bourg"),
        ("Le lavoir du bourg", 10, "Le lavoir…"),
        ("Le lavoir du bourg", 12, "Le lavoir d…"),
        ("Le lavoir", None, "Le lavoir"),
        ("漢字の名前です", 8, "漢字の…"),  # two cells each
        ("", 5, ""),
    ],
)
def test_a_cell_fits_its_width(text: str, width: int | None, shown: str) -> None:
    assert shorten(text, width) == shown


def test_a_very_long_note_is_cut_like_a_short_one() -> None:
    note = "On se retrouve au lavoir le samedi matin. " * 200
    cut = shorten(note, 60)
    assert cut.endswith("…")
    assert cell_len(cut) <= 60
    assert cut[:-1] == note[: len(cut) - 1].rstrip()


def test_combining_accents_are_measured_as_they_are_drawn() -> None:
    # « éééé… » typed with combining accents (NFD): two characters, one cell each.
    decomposed = unicodedata.normalize("NFD", "é" * 30)
    assert len(decomposed) == 60
    assert shorten(decomposed, 30) == decomposed
    assert cell_len(shorten(decomposed, 20)) <= 20
