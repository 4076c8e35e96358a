"""Which of two versions of a row is the later one: the same answer on every laptop."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from vitalite_tui.store.exchange.tables import TableSpec

Row = dict[str, Any]

#: The `changed_by` of what the merge's rules make (texts set aside, codes renumbered): made
#: alike on every laptop, so that every laptop holds the very same row.
BY_THE_MERGE = "0" * 32


def digest(values: Iterable[Any]) -> str:
    return hashlib.sha256(json.dumps(list(values), ensure_ascii=False).encode()).hexdigest()


def version(spec: TableSpec, row: Row) -> tuple[str, str, str]:
    """Ordered by (`updated_at`, `changed_by`, a digest of the values): ties break alike."""
    return (
        str(row["updated_at"]),
        str(row["changed_by"] or ""),
        digest(row[n] for n in spec.names),
    )


def later(spec: TableSpec, one: Row, other: Row) -> Row:
    return one if version(spec, one) > version(spec, other) else other


def just_after(stored: str) -> str:
    """A change made by a rule just after the version it corrects: later than it on every
    laptop, and the same instant on every laptop (never the clock of the one that reads)."""
    return str(datetime.fromisoformat(stored) + timedelta(microseconds=1))
