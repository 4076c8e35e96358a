"""Roles per workshop: one list of keys and French labels, read back leniently."""

from __future__ import annotations

from vitalite_tui.domain.roles import (
    WorkshopRole,
    roles_from_data,
    roles_summary,
    roles_to_data,
)


def test_the_four_roles_of_the_method_with_their_french_labels() -> None:
    assert [role.label for role in WorkshopRole] == [
        "animateur",
        "co-animateur",
        "prise de notes",
        "gardien du temps",
    ]


def test_roles_go_to_the_base_and_back() -> None:
    roles = {3: WorkshopRole.NOTES, 1: WorkshopRole.ANIMATEUR}
    data = roles_to_data(roles)
    assert data == {"1": "animateur", "3": "notes"}
    assert roles_from_data(data) == {1: WorkshopRole.ANIMATEUR, 3: WorkshopRole.NOTES}
    assert roles_summary(roles_from_data(data)) == "anim. 1 · notes 3"
    assert roles_summary({n: WorkshopRole.ANIMATEUR for n in (1, 2, 4)}) == "anim. 1, 2, 4"
    assert roles_summary({}) == ""


def test_unknown_workshops_and_roles_are_left_out() -> None:
    data = {"1": "animateur", "5": "animateur", "x": "notes", "2": "chef", "4": "temps"}
    assert roles_from_data(data) == {1: WorkshopRole.ANIMATEUR, 4: WorkshopRole.TIMEKEEPER}
