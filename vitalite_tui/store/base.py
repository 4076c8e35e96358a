"""Helpers shared by the store's parts: ids, lookups of live rows, write transactions."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

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


def raw_cursor(query: Any) -> Iterator[tuple[Any, ...]]:
    """The rows of a query as SQLite returns them, without peewee's conversions, one by one.

    Lists of a large démarche hold thousands of rows, and peewee's conversions of each value
    (a UUID per id, a parsed date per moment) cost more than the reading; the caller casts
    ids to TEXT (the hex form SQLite stores) and converts what it shows. Converted as they
    come, the raw rows are never all held beside their records.
    """
    cursor: sqlite3.Cursor = db.execute(query)  # type: ignore[no-untyped-call]
    return iter(cursor)


def raw_rows(query: Any) -> list[tuple[Any, ...]]:
    """All the rows of `raw_cursor(query)`, for a caller that reads them more than once."""
    return list(raw_cursor(query))


def dashed(hex_id: str) -> str:
    """An id as stored (32 hex digits) in the form screens carry: `str(uuid.UUID(hex=...))`."""
    return f"{hex_id[:8]}-{hex_id[8:12]}-{hex_id[12:16]}-{hex_id[16:20]}-{hex_id[20:]}"


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
