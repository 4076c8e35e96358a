"""Participants, pure: the pseudonymous code that stands for a person in exports."""

from __future__ import annotations


def participant_code(number: int) -> str:
    """The pseudonymous code used in exports instead of a name."""
    return f"P{number:03d}"
