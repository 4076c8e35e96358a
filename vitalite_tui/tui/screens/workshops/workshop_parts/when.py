"""When and where a workshop takes place, as its title line and its recap say it."""

from __future__ import annotations

from vitalite_tui.domain.dates import format_day, format_time
from vitalite_tui.store.workshops.records import WorkshopRecord


def when_and_where(record: WorkshopRecord) -> str:
    """« jeu. 15/10 18h30 · Salle des fêtes de Fontclaire » (« date à fixer · 18h30 »)."""
    start = format_time(record.start_time)
    if record.date is None:
        when = " · ".join(part for part in ("date à fixer", start) if part)
    else:
        when = " ".join(part for part in (format_day(record.date), start) if part)
    return f"{when} · {record.place}" if record.place else when
