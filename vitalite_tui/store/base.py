"""Helpers shared by the store's parts: ids, lookups of live rows, write transactions."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from vitalite_tui.db.models import BaseModel, Demarche, db, utcnow
from vitalite_tui.errors import NotFound

M = TypeVar("M", bound=BaseModel)


def as_uuid(value: str | uuid.UUID) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound(f"Identifiant inconnu : « {value} ».") from None


def key(row: BaseModel) -> str:
    """The id of a row as the string screens carry around."""
    return str(row.id)


def fk_id(row: BaseModel, field: str) -> str | None:
    """The id a row's foreign key `field` holds, as a string, without loading that row.

    Peewee gives every row a `<field>_id`; the models declare it for type checkers only
    where it is read as a UUID (`Axis.demarche_id`…). This reads any of them.
    """
    value = getattr(row, f"{field}_id")
    return None if value is None else str(value)


def live(model: type[M], row_id: str | uuid.UUID, what: str) -> M:
    """The row with this id, unless it does not exist or was removed."""
    row = model.get_or_none((model.id == as_uuid(row_id)) & model.deleted_at.is_null())
    if row is None:
        raise NotFound(f"{what} introuvable (supprimé entre-temps ?).")
    return row


def demarche_row(demarche_id: str) -> Demarche:
    return live(Demarche, demarche_id, "Démarche")


@contextmanager
def writing() -> Iterator[None]:
    """A write transaction that takes the lock at once, so two copies never deadlock."""
    with db.atomic("IMMEDIATE"):
        yield


def soft_delete(row: BaseModel) -> None:
    row.deleted_at = utcnow()
    row.save()
