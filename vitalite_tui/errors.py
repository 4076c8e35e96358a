"""Errors the program reports to people: each carries one clear French sentence."""

from __future__ import annotations

# The rules raise these too, and `domain/` imports nothing outside itself: they live there.
from vitalite_tui.domain.errors import InvalidInput, NotFound, VitaliteError

__all__ = [
    "BaseBusy",
    "DatabaseError",
    "DatabaseTooNew",
    "InvalidInput",
    "NotFound",
    "StorageFailure",
    "VitaliteError",
]


class DatabaseError(VitaliteError):
    """The database file cannot be used."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer version of the program."""


class StorageFailure(DatabaseError):
    """SQLite could not read or write the base (disk full, read-only, I/O, damage).

    Nothing of the statement that failed was stored: its transaction was rolled back.
    """


class BaseBusy(StorageFailure):
    """Another program holds the base's write lock (an import, another window): try again."""
