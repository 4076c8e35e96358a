"""Links between the steps of an idea (see `domain/lineage.py`): made, undone, read back.

These functions run inside the caller's write transaction (`writing()`); removing a link is
soft, like every removal.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from vitalite_tui.db.models import Link, utcnow
from vitalite_tui.domain.lineage import LinkKind, allowed
from vitalite_tui.store.base import as_uuid


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
    condition = (
        (Link.source_type == source.value)
        & (Link.source_id == as_uuid(source_id))
        & (Link.target_type == target.value)
        & (Link.target_id == as_uuid(target_id))
        & Link.deleted_at.is_null()
    )
    if not Link.select().where(condition).exists():
        Link.create(
            demarche=as_uuid(demarche_id),
            source_type=source.value,
            source_id=as_uuid(source_id),
            target_type=target.value,
            target_id=as_uuid(target_id),
        )


def remove_links(
    target: LinkKind, target_id: str | uuid.UUID, source: LinkKind | None = None
) -> int:
    """Undo the links into a target (only those from `source` kinds if given)."""
    condition = (
        (Link.target_type == target.value)
        & (Link.target_id == as_uuid(target_id))
        & Link.deleted_at.is_null()
    )
    if source is not None:
        condition &= Link.source_type == source.value
    return int(Link.update(deleted_at=utcnow()).where(condition).execute())


def remove_link(
    source: LinkKind,
    source_id: str | uuid.UUID,
    target: LinkKind,
    target_id: str | uuid.UUID,
) -> int:
    """Undo one link source → target (soft, like every removal); 0 when there was none."""
    condition = (
        (Link.source_type == source.value)
        & (Link.source_id == as_uuid(source_id))
        & (Link.target_type == target.value)
        & (Link.target_id == as_uuid(target_id))
        & Link.deleted_at.is_null()
    )
    return int(Link.update(deleted_at=utcnow()).where(condition).execute())


def sources_of(
    target: LinkKind, target_ids: Iterable[str | uuid.UUID], source: LinkKind
) -> dict[str, list[str]]:
    """For each target id, the ids of its live sources of one kind, oldest link first."""
    ids = [as_uuid(value) for value in target_ids]
    found: dict[str, list[str]] = {str(value): [] for value in ids}
    if not ids:
        return found
    rows = (
        Link.select(Link.source_id, Link.target_id)
        .where(
            (Link.target_type == target.value)
            & Link.target_id.in_(ids)
            & (Link.source_type == source.value)
            & Link.deleted_at.is_null()
        )
        .order_by(Link.created_at)
    )
    for row in rows:
        found[str(row.target_id)].append(str(row.source_id))
    return found


def targets_of(
    source: LinkKind, source_ids: Iterable[str | uuid.UUID], target: LinkKind
) -> dict[str, list[str]]:
    """For each source id, the ids of its live targets of one kind, oldest link first."""
    ids = [as_uuid(value) for value in source_ids]
    found: dict[str, list[str]] = {str(value): [] for value in ids}
    if not ids:
        return found
    rows = (
        Link.select(Link.source_id, Link.target_id)
        .where(
            (Link.source_type == source.value)
            & Link.source_id.in_(ids)
            & (Link.target_type == target.value)
            & Link.deleted_at.is_null()
        )
        .order_by(Link.created_at)
    )
    for row in rows:
        found[str(row.source_id)].append(str(row.target_id))
    return found
