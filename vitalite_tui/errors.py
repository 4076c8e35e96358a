"""Errors the program reports to people: each carries one clear French sentence."""

from __future__ import annotations

# The rules raise these too, and `domain/` imports nothing outside itself: they live there.
from vitalite_tui.domain.errors import InvalidInput, NotFound, VitaliteError

__all__ = ["DatabaseError", "DatabaseTooNew", "InvalidInput", "NotFound", "VitaliteError"]


class DatabaseError(VitaliteError):
    """The database file cannot be used."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer version of the program."""
