"""The base as this program last closed it, recorded beside it: unchanged, it skips quick_check.

`PRAGMA quick_check` reads every page: a few milliseconds for the large demo, but ten times
the demo on an old laptop's disk would cost a visible part of start-up at every launch. The
program trusts its own writes (SQLite, `synchronous=FULL`), so after a clean close it records
the file's size, modification and change times and inode in `<base>.checked`. The next open
runs quick_check only when that record is missing or no longer matches: the file was copied,
restored, written by another program, or left with a WAL by a crash or another copy.
(`quick_check(N)` would not help: N caps the errors reported, not the pages read.) The scan
for text that is not UTF-8 runs on the same occasions (ten times the large demo: 0.12 s for
quick_check, 0.08 s for the text, on the machine this was written on).
"""

from __future__ import annotations

import time
from pathlib import Path

#: File times come from a coarse clock (a few ms; 16 ms on Windows): a change made within
#: the same tick as the last one would keep the same times. The record is written only once
#: the clock has moved on by more than a tick, so that any later change shows.
TICK_NS = 50_000_000


def record_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".checked")


def fingerprint(db_path: Path) -> str | None:
    """The state of a closed file; None while a WAL holds writes not yet in the file."""
    try:
        wal = Path(f"{db_path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
        stat = db_path.stat()
    except OSError:
        return None
    # ctime: no tool can set it back, so a copy made to look unchanged still shows.
    return f"{stat.st_size} {stat.st_mtime_ns} {stat.st_ctime_ns} {stat.st_ino}"


def unchanged_since_record(db_path: Path) -> bool:
    """True when the file is as this program left it after its last clean close."""
    current = fingerprint(db_path)
    if current is None:
        return False
    try:
        return record_path(db_path).read_text(encoding="ascii").strip() == current
    except (OSError, UnicodeDecodeError):
        return False


def record(db_path: Path) -> None:
    """Note the closed file's state; a read-only folder just means a check at the next open."""
    current = fingerprint(db_path)
    target = record_path(db_path)
    try:
        if current is not None:
            # At most a twentieth of a second, and only at a close that just wrote the file.
            age = time.time_ns() - db_path.stat().st_mtime_ns
            if age < TICK_NS:
                time.sleep((TICK_NS - age) / 1e9)
        if current is None:
            target.unlink(missing_ok=True)
        else:
            target.write_text(current + "\n", encoding="ascii")
    except OSError:
        pass
