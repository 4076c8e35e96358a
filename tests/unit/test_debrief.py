"""The debrief's filters (domain): which notes each filter keeps, and how one key cycles it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitalite_tui.domain.debrief import NO_AXIS, UNTAGGED, DebriefFilter, keeps, next_option
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind

#: A note of sub-group « g1 », tagged I2- (constat), filed in axis « a1 ».
NOTE: dict[str, Any] = {
    "subgroup": "g1",
    "indicator": 2,
    "pole": Pole.DEPRESSION,
    "kind": NoteKind.CONSTAT,
    "axis": "a1",
    "text": "Personne ne sait à qui s'adresser à la Mairie",
}


def test_no_filter_keeps_everything_and_is_not_active() -> None:
    assert keeps(DebriefFilter(), **NOTE)
    assert keeps(DebriefFilter(), **{**NOTE, "indicator": None, "pole": None, "axis": None})
    assert not DebriefFilter().active
    assert not DebriefFilter(text="   ").active


@pytest.mark.parametrize(
    ("chosen", "kept"),
    [
        (DebriefFilter(subgroup="g1"), True),
        (DebriefFilter(subgroup="g2"), False),
        (DebriefFilter(indicator=2), True),
        (DebriefFilter(indicator=1), False),
        (DebriefFilter(indicator=UNTAGGED), False),
        (DebriefFilter(pole=Pole.DEPRESSION), True),
        (DebriefFilter(pole=Pole.VITALITY), False),
        (DebriefFilter(kind=NoteKind.CONSTAT), True),
        (DebriefFilter(kind=NoteKind.IMAGE), False),
        (DebriefFilter(axis="a1"), True),
        (DebriefFilter(axis="a2"), False),
        (DebriefFilter(axis=NO_AXIS), False),
        # Accents and capitals aside, every word somewhere in the text.
        (DebriefFilter(text="mairie ADRESSER"), True),
        (DebriefFilter(text="a qui"), True),
        (DebriefFilter(text="mairie café"), False),
        (DebriefFilter(subgroup="g1", indicator=2, pole=Pole.DEPRESSION, text="sait"), True),
        (DebriefFilter(subgroup="g1", indicator=2, pole=Pole.VITALITY), False),
    ],
)
def test_each_filter_on_a_tagged_note(chosen: DebriefFilter, kept: bool) -> None:
    assert keeps(chosen, **NOTE) is kept
    assert chosen.active


def test_untagged_and_unfiled_notes_have_their_own_values() -> None:
    loose = {**NOTE, "indicator": None, "pole": None, "axis": None}
    assert keeps(DebriefFilter(indicator=UNTAGGED), **loose)
    assert keeps(DebriefFilter(axis=NO_AXIS), **loose)
    assert not keeps(DebriefFilter(indicator=2), **loose)
    assert not keeps(DebriefFilter(pole=Pole.DEPRESSION), **loose)


def test_one_key_cycles_through_the_options_and_back() -> None:
    options = [None, 1, 2, 3, 4, UNTAGGED]
    seen: list[int | None] = [None]
    for _ in options:
        seen.append(next_option(options, seen[-1]))
    assert seen == [None, 1, 2, 3, 4, UNTAGGED, None]
    # A value gone from the options (an axis removed meanwhile) starts again at « tous ».
    assert next_option([None, "a1"], "a2") is None
    with pytest.raises(ValueError, match="no option"):
        next_option([], None)


@given(st.lists(st.integers(), min_size=1, unique=True), st.data())
def test_cycling_visits_every_option_once_per_round(
    options: list[int], data: st.DataObject
) -> None:
    start = data.draw(st.sampled_from(options))
    visited = [start]
    for _ in range(len(options)):
        visited.append(next_option(options, visited[-1]))
    assert visited[-1] == start
    assert sorted(visited[:-1]) == sorted(options)


@given(st.text(max_size=30), st.text(max_size=30))
def test_a_text_always_finds_itself_and_a_blank_query_finds_all(query: str, text: str) -> None:
    note = {**NOTE, "text": text}
    if not query.split():
        assert keeps(DebriefFilter(text=query), **note)
    assert keeps(DebriefFilter(text=text), **note)
