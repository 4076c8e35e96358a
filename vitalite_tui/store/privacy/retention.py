"""The retention date of a démarche: until when its personal data is kept before the purge."""

from __future__ import annotations

from datetime import date

from peewee import fn

from vitalite_tui.db.models import Demarche, PurgeRecord, Workshop
from vitalite_tui.domain.dates import format_date
from vitalite_tui.domain.privacy import retention_default, retention_passed
from vitalite_tui.store.base import as_uuid, demarche_row, writing
from vitalite_tui.store.privacy.records import PurgeEntry, Retention


class Retentions:
    """Read and set the retention date of démarches; the purges done (what the workbook's
    register lists, without loading the purge itself)."""

    def get(self, demarche_id: str, today: date | None = None) -> Retention:
        """The date chosen, else the default: the last workshop (or creation) plus a period."""
        demarche = demarche_row(demarche_id)
        chosen = demarche.retention_until
        until = chosen if chosen is not None else _default(demarche)
        purged = (
            PurgeRecord.select().where(PurgeRecord.demarche_id == as_uuid(demarche_id)).exists()
        )
        return Retention(
            until=until,
            chosen=chosen is not None,
            passed=retention_passed(until, today or date.today()) and not purged,
            purged=purged,
        )

    def purges(self, demarche_id: str) -> list[PurgeEntry]:
        """The purges of the démarche, oldest first."""
        rows = (
            PurgeRecord.select()
            .where(PurgeRecord.demarche_id == as_uuid(demarche_id))
            .order_by(PurgeRecord.done_at)
        )
        return [PurgeEntry(row.done_at, row.summary) for row in rows]

    def overdue(self, today: date | None = None) -> list[tuple[str, Retention]]:
        """(territory, retention) of each démarche whose date has passed, unpurged."""
        live = Demarche.select().where(Demarche.deleted_at.is_null()).order_by(Demarche.territory)
        found = [(d.territory, self.get(str(d.id), today)) for d in live]
        return [(territory, kept) for territory, kept in found if kept.passed]

    def set(self, demarche_id: str, until: date | None) -> Retention:
        """Choose the date (None: back to the default)."""
        with writing():
            demarche = demarche_row(demarche_id)
            demarche.retention_until = until
            demarche.save()
        return self.get(demarche_id)


def _default(demarche: Demarche) -> date:
    last = (
        Workshop.select(fn.MAX(Workshop.date))
        .where((Workshop.demarche == demarche) & Workshop.deleted_at.is_null())
        .scalar()
    )
    if isinstance(last, str):
        last = date.fromisoformat(last)
    created = demarche.created_at
    return retention_default(last, created.date() if hasattr(created, "date") else created)


def retention_line(retention: Retention) -> str:
    """« Données personnelles gardées jusqu'au 12/05/2027 » and, once passed, what to do
    (no final full stop: callers add what follows)."""
    day = format_date(retention.until)
    if retention.purged:
        return "Données personnelles purgées"
    if retention.passed:
        return f"Conservation dépassée depuis le {day} : purgez les données personnelles"
    return f"Données personnelles gardées jusqu'au {day}"


def reminder(overdue: list[tuple[str, Retention]]) -> str:
    """The home screen's line for démarches kept past their date, or ""."""
    if not overdue:
        return ""
    which = " ; ".join(
        f"« {territory} » depuis le {format_date(kept.until)}" for territory, kept in overdue
    )
    return (
        f"Conservation dépassée : {which}. Ouvrez la démarche et purgez ses données "
        "personnelles (touche v)."
    )
