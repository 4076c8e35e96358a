"""Links between the steps of an idea (see `domain/lineage.py`): made, undone, read back.

These functions run inside the caller's write transaction (`writing()`); removing a link is
soft, like every removal.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import cast

from peewee import Expression, Field

from vitalite_tui.db.models import Link, utcnow
from vitalite_tui.domain.lineage import LinkKind, allowed
from vitalite_tui.store.base import as_uuid

#: Ids as the functions take them.
Ids = Iterable[str | uuid.UUID]


def _live(
    source: LinkKind | None,
    source_ids: Sequence[uuid.UUID] | None,
    target: LinkKind,
    target_ids: Sequence[uuid.UUID] | None,
) -> Expression:
    """Live links into `target` kinds from `source` kinds (None: any), from/to these ids."""
    condition: Expression = (Link.target_type == target.value) & Link.deleted_at.is_null()
    if source is not None:
        condition &= Link.source_type == source.value
    if source_ids is not None:
        condition &= Link.source_id.in_(source_ids)
    if target_ids is not None:
        condition &= Link.target_id.in_(target_ids)
    return condition


def add_link(
    demarche_id: str | uuid.UUID,
    source: LinkKind,
    source_id: str | uuid.UUID,
    target: LinkKind,
    target_id: str | uuid.UUID,
) -> None:
    """Link source → target (once: an existing live link is kept as it is)."""
    if not allowed(source, target):
        raise ValueError(f"link not allowed: {source.value} → {target.value}")
    condition = _live(source, [as_uuid(source_id)], target, [as_uuid(target_id)])
    if not Link.select().where(condition).exists():
        Link.create(
            demarche=as_uuid(demarche_id),
            source_type=source.value,
            source_id=as_uuid(source_id),
            target_type=target.value,
            target_id=as_uuid(target_id),
        )


def remove_links(
    target: LinkKind,
    target_id: str | uuid.UUID,
    source: LinkKind | None = None,
    source_ids: Ids | None = None,
) -> int:
    """Undo the links into a target: all, or only those from `source` kinds, or only from
    these `source_ids`; how many were undone (0 when there was none)."""
    sources = None if source_ids is None else [as_uuid(value) for value in source_ids]
    now = utcnow()
    condition = _live(source, sources, target, [as_uuid(target_id)])
    return int(Link.update(deleted_at=now, updated_at=now).where(condition).execute())


def sources_of(target: LinkKind, target_ids: Ids, source: LinkKind) -> dict[str, list[str]]:
    """For each target id, the ids of its live sources of one kind, oldest link first."""
    return _other_ends(
        target_ids, Link.target_id, Link.source_id, lambda ids: _live(source, None, target, ids)
    )


def targets_of(source: LinkKind, source_ids: Ids, target: LinkKind) -> dict[str, list[str]]:
    """For each source id, the ids of its live targets of one kind, oldest link first."""
    return _other_ends(
        source_ids, Link.source_id, Link.target_id, lambda ids: _live(source, ids, target, None)
    )


def _other_ends(
    known_ids: Ids,
    known: Field,
    other: Field,
    links: Callable[[list[uuid.UUID]], Expression],
) -> dict[str, list[str]]:
    """For each known id, the ids at the other end of its `links`, oldest link first."""
    ids = [as_uuid(value) for value in known_ids]
    found: dict[str, list[str]] = {str(value): [] for value in ids}
    if not ids:
        return found
    rows = Link.select(known, other).where(links(ids)).order_by(Link.created_at).tuples()
    for known_id, other_id in cast("list[tuple[uuid.UUID, uuid.UUID]]", list(rows)):
        found[str(known_id)].append(str(other_id))
    return found
