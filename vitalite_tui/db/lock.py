"""Notice a second copy of the program on the same database.

SQLite (WAL, busy timeout, IMMEDIATE transactions) keeps two copies from losing anything,
but each copy only sees the other's additions when a screen refreshes: worth a word to the
user. The OS releases the lock when the process ends, even when it is killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO


class InstanceLock:
    """An advisory lock on `<database>.lock`, held for the life of the process."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._file: IO[bytes] | None = None

    def acquire(self) -> bool:
        """True when this is the only copy; False when another one holds the lock."""
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 - held until release()
        except OSError:
            return True  # read-only folder: nothing to coordinate with, say nothing
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
