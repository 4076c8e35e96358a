"""Errors the rules report to people: each carries one clear French sentence."""

from __future__ import annotations


class VitaliteError(Exception):
    """An error whose message is meant for the user, in French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(VitaliteError):
    """What was typed cannot be stored as it is."""


class NotFound(VitaliteError):
    """The démarche, participant or row asked for does not exist (or was removed)."""
