"""Printed runs in a démarche's settings: malformed ones ignored, unions, a tidy key."""

from __future__ import annotations

from vitalite_tui.domain.printed_sheets import (
    PRINTED_KEY,
    printed_ranges,
    printed_union,
    with_printed,
)


def test_malformed_settings_hold_no_run() -> None:
    assert printed_ranges(None) == []
    assert printed_ranges({PRINTED_KEY: "1-10"}) == []
    hostile = [[1, 10], [5], [3, 2], ["1", "2"], [True, 4], [0, 3], [11, 12], [1, 10]]
    assert printed_ranges({PRINTED_KEY: hostile}) == [(1, 10), (11, 12)]


def test_union_and_writing_back() -> None:
    ours = with_printed({"other": 1}, [(11, 15)])
    theirs = with_printed({}, [(1, 10), (11, 15)])
    assert printed_union(ours, theirs, None) == [(1, 10), (11, 15)]
    assert with_printed(ours, []) == {"other": 1}
    assert ours == {"other": 1, PRINTED_KEY: [[11, 15]]}
