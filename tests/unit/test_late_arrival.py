"""Where a late arrival goes: the sub-group with fewest of their collège, then of their commune."""

from __future__ import annotations

import pytest

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.subgroups import Person, group_for_late_arrival

E, A, H = College.ELU, College.ACTEUR, College.HABITANT


def people(*members: tuple[College, str]) -> list[Person]:
    return [
        Person(f"{college.value}-{n}", college, commune)
        for n, (college, commune) in enumerate(members)
    ]


def test_fewest_of_their_college_first_even_in_a_bigger_group() -> None:
    groups = [
        people((H, "Lagrasse"), (A, "Ribaute")),
        people((E, "Ribaute"), (A, "Lagrasse"), (E, "Fabrezan")),
    ]
    assert group_for_late_arrival(Person("x", H, "Ribaute"), groups) == 1


def test_then_fewest_of_their_commune_then_the_smaller_group() -> None:
    groups = [
        people((H, "Ribaute"), (E, "Ribaute")),
        people((H, "Lagrasse"), (E, "Fabrezan"), (A, "Ribaute")),
    ]
    assert group_for_late_arrival(Person("x", E, "Ribaute"), groups) == 1
    even = [people((H, "Lagrasse")), people((H, "Fabrezan"), (A, "Ribaute"))]
    assert group_for_late_arrival(Person("x", E, ""), even) == 0


def test_no_group_is_refused() -> None:
    with pytest.raises(ValueError, match="no sub-group"):
        group_for_late_arrival(Person("x", E), [])
