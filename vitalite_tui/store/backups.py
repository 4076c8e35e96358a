"""Safe copies of the base: made at will or on their own, kept within bounds, restored.

A copy is made through SQLite's backup API (`db/backup.py`), so it holds everything shown
as saved even while the app writes; it is written under a temporary name and renamed once
checked, so a copy that exists is whole. Automatic copies (`auto-…`) are pruned to the last
ten plus one per day for a month; copies made at will are never removed.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from vitalite_tui.db.backup import CopyFailed, copy_base, replace_base
from vitalite_tui.db.connection import check_database, close_database, open_database
from vitalite_tui.db.integrity import DamagedBase
from vitalite_tui.db.models import db
from vitalite_tui.errors import DatabaseError, DatabaseTooNew, VitaliteError
from vitalite_tui.formats.atomic import sweep_leftovers, temp_name
from vitalite_tui.formats.naming import slug
from vitalite_tui.paths import backups_dir, reason
from vitalite_tui.store.preparation.demarches import Demarches

#: Automatic copies kept whatever their age, and the days for which one a day is kept.
KEEP_LAST = 10
KEEP_DAILY_DAYS = 31

AUTOMATIC = "auto"
BEFORE_RESTORE = "avant-restauration"

#: `[auto-|avant-restauration-]vitalite-<territoire>-<AAAA-MM-JJ>-<HHMMSS>[-n].sqlite`
_NAME = re.compile(
    r"(?:(?P<kind>auto|avant-restauration)-)?vitalite-(?P<what>[a-z0-9-]+?)-"
    r"(?P<day>\d{4}-\d{2}-\d{2})-(?P<time>\d{6})(?:-(?P<number>\d+))?\.sqlite"
)


class BackupFailed(VitaliteError):
    """The copy could not be made; the base was not touched."""


@dataclass(frozen=True)
class BackupCopy:
    """One copy in a backup folder."""

    path: Path
    made_at: datetime
    #: "" for a copy made at will, `AUTOMATIC`, or `BEFORE_RESTORE`.
    kind: str
    size: int
    #: Among copies made in the same second (their names end -2, -3…), the later the higher.
    number: int = 1


@dataclass(frozen=True)
class Restored:
    """What `Backups.restore` did: the copy it restored, and where the replaced base went."""

    source: Path
    set_aside: Path | None
    territories: list[str]


class Backups:
    """The copies of one base file."""

    def __init__(self, base: Path, demarches: Demarches, shared: Callable[[], bool]) -> None:
        self.base = base
        self.demarches = demarches
        self._shared = shared
        #: Rows written by this connection when the last automatic copy was made.
        self._changes_at_last_copy = 0

    @property
    def folder(self) -> Path:
        """Where copies go unless told otherwise: `sauvegardes/` beside the base."""
        return backups_dir(self.base.absolute())

    def make(self, folder: Path | None = None, *, kind: str = "") -> BackupCopy:
        """A checked copy of the whole base in `folder` (default `sauvegardes/`)."""
        folder = (folder or self.folder).expanduser()
        what = self._label()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            sweep_leftovers(folder)
        except OSError as exc:
            raise self._failed(folder, reason(exc)) from None
        moment = datetime.now()
        temp = temp_name(folder)
        try:
            copy_base(self.base, temp)
            target = _free_name(folder, kind, what, moment)
            os.replace(temp, target)
        except CopyFailed as exc:
            raise self._failed(folder, exc.why) from None
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise self._failed(folder, reason(exc)) from None
        if kind == AUTOMATIC:
            self.prune(folder)
        return BackupCopy(target, moment, kind, target.stat().st_size)

    def writes_since_last_copy(self) -> int | None:
        """On the app's own thread: the count of rows written so far, if any were written
        since the last automatic copy (else None: no copy is due)."""
        changes = _changes()
        return None if changes == self._changes_at_last_copy else changes

    def copied_up_to(self, changes: int) -> None:
        """An automatic copy holds every write counted by `changes`."""
        self._changes_at_last_copy = changes

    def make_automatic(self) -> BackupCopy | None:
        """An automatic copy in `sauvegardes/` now, if anything was written since the last."""
        changes = self.writes_since_last_copy()
        if changes is None:
            return None
        copy = self.make(kind=AUTOMATIC)
        self.copied_up_to(changes)
        return copy

    def found(self, folder: Path | None = None) -> list[BackupCopy]:
        """The copies in `folder` (default `sauvegardes/`), newest first."""
        folder = folder or self.folder
        try:
            entries = list(folder.iterdir())
        except OSError:
            return []
        copies = [copy for copy in map(_as_copy, entries) if copy is not None]
        return sorted(copies, key=lambda copy: (copy.made_at, copy.number), reverse=True)

    def prune(self, folder: Path | None = None) -> list[Path]:
        """Remove automatic copies beyond the last ten and one a day for a month."""
        automatic = [copy for copy in self.found(folder) if copy.kind == AUTOMATIC]
        keep = {copy.path for copy in automatic[:KEEP_LAST]}
        since = datetime.now() - timedelta(days=KEEP_DAILY_DAYS)
        days: set[str] = set()
        for copy in automatic:  # newest first: the day's last copy is kept
            day = copy.made_at.date().isoformat()
            if copy.made_at >= since and day not in days:
                days.add(day)
                keep.add(copy.path)
        removed = [copy.path for copy in automatic if copy.path not in keep]
        for path in removed:
            path.unlink(missing_ok=True)
        return removed

    def restore(self, source: Path) -> Restored:
        """Replace the base by the copy `source`, after setting the current base aside.

        Refused, the base untouched, when the copy is missing, damaged, foreign or from a
        newer program, or when another window of vitalite has the base open.
        """
        source = source.expanduser()
        if self._shared():
            raise DatabaseError(
                "vitalite est ouvert sur cette base dans une autre fenêtre : fermez-la, "
                "puis restaurez ; rien n'a été changé."
            )
        if source.resolve() == self.base.resolve():
            raise DatabaseError(f"{source} est la base elle-même : choisissez une copie.")
        _check_copy(source)
        territories = _territories(source)
        # A base with nothing in it (a new laptop) needs no copy of itself.
        # Imported here: the copy at quit (this module) must not load the exchanges' area.
        from vitalite_tui.store.exchange.laptop import keep_identity, this_laptop

        aside = self.make(kind=BEFORE_RESTORE).path if _holds_rows(self.base) else None
        laptop = this_laptop()
        close_database()
        try:
            replace_base(source, self.base)
        finally:
            # The restored base, or the untouched one if the copy failed: checked, migrated.
            open_database(self.base)
        keep_identity(laptop)
        self._changes_at_last_copy = _changes()
        return Restored(source, aside, territories)

    def _label(self) -> str:
        """The territory the base is about, for file names (« 3-demarches » if several;
        the demo counts only in a base that holds nothing else)."""
        every = self.demarches.all()
        named = [d.territory for d in every if not d.is_demo] or [d.territory for d in every]
        if len(named) == 1:
            return slug(named[0])
        return f"{len(named)}-demarches" if named else "base-vide"

    def _failed(self, folder: Path, why: str) -> BackupFailed:
        return BackupFailed(
            f"La sauvegarde n'a pas pu être écrite dans {folder} ({why}) ; la base n'a pas "
            "été touchée. Choisissez un autre dossier, ou libérez de la place."
        )


def _changes() -> int:
    """Rows written through this thread's connection since it opened (SQLite counts them)."""
    connection: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
    return connection.total_changes


def _free_name(folder: Path, kind: str, what: str, moment: datetime) -> Path:
    """`[kind-]vitalite-<what>-<date>-<time>.sqlite`, numbered if taken in that second."""
    prefix = f"{kind}-" if kind else ""
    stem = f"{prefix}vitalite-{what}-{moment:%Y-%m-%d-%H%M%S}"
    target = folder / f"{stem}.sqlite"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{number}.sqlite"
    return target


def _as_copy(path: Path) -> BackupCopy | None:
    found = _NAME.fullmatch(path.name)
    if found is None or not path.is_file():
        return None
    made_at = datetime.strptime(f"{found['day']} {found['time']}", "%Y-%m-%d %H%M%S")
    number = int(found["number"] or 1)
    return BackupCopy(path, made_at, found["kind"] or "", path.stat().st_size, number)


def _check_copy(source: Path) -> None:
    """Refuse a copy that is missing, not ours, damaged or from a newer program."""
    kept = "elle n'a pas été restaurée, la base actuelle est intacte"
    if not source.is_file():
        raise DatabaseError(f"Copie introuvable : {source} ; rien n'a été changé.")
    try:
        report = check_database(source)
    except DamagedBase:
        raise DatabaseError(
            f"La copie {source} est abîmée : {kept}. Choisissez une autre copie."
        ) from None
    except DatabaseTooNew:
        raise DatabaseError(
            f"La copie {source} vient d'une version plus récente de vitalite : {kept}. "
            "Mettez le programme à jour, puis restaurez-la."
        ) from None
    except DatabaseError:
        raise DatabaseError(
            f"{source} n'est pas une copie de base vitalite lisible : {kept}."
        ) from None
    if not report.ok:
        raise DatabaseError(
            f"La copie {source} est abîmée ({'; '.join(report.problems)}) : {kept}. "
            "Choisissez une autre copie."
        )


def _holds_rows(path: Path) -> bool:
    return bool(_territories(path, removed=True))


def _territories(path: Path, *, removed: bool = False) -> list[str]:
    """The démarches a copy holds, read without opening it as the base (for the report)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            live = "" if removed else " WHERE deleted_at IS NULL"
            rows = connection.execute(
                f"SELECT territory FROM demarche{live} ORDER BY territory"
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return []
    return [str(row[0]) for row in rows]
