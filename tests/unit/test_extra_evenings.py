"""Extra or make-up evenings: a second or third session of one of the four workshops."""

from __future__ import annotations

import pytest

from vitalite_tui.domain.workshops import (
    MAX_SESSIONS,
    check_session,
    previous_evening,
    session_label,
    workshop_step,
)


def test_an_extra_evening_is_named_after_its_workshop() -> None:
    assert session_label(2) == "Atelier 2"
    assert session_label(2, 2) == "Atelier 2 bis"
    assert session_label(4, 3) == "Atelier 4 ter"
    # Same step as the planned evening: the démarche's seven steps do not change.
    assert workshop_step(check_session(3, 2)[0]) == 6


def test_sessions_stay_within_range() -> None:
    with pytest.raises(ValueError, match="session out of range"):
        check_session(1, MAX_SESSIONS + 1)
    with pytest.raises(ValueError, match="session out of range"):
        check_session(1, 0)
    with pytest.raises(ValueError, match="workshop number out of range"):
        check_session(5, 1)


def test_the_evening_before_follows_the_method_not_the_dates() -> None:
    held = [(1, 1), (2, 1), (2, 2), (3, 1)]
    assert previous_evening((1, 1), held) is None
    assert previous_evening((2, 1), held) == (1, 1)
    # The make-up evening of workshop 2 follows workshop 2; workshop 3 follows the make-up.
    assert previous_evening((2, 2), held) == (2, 1)
    assert previous_evening((3, 1), held) == (2, 2)
    # A workshop not held is skipped: workshop 4 after workshop 3.
    assert previous_evening((4, 1), held) == (3, 1)
