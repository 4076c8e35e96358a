"""Writing a file atomically: a temporary file beside it, flushed to disk, then renamed.

A crash or an error half-way leaves the previous file as it was and no partial file behind;
what a killed run (`kill -9`, a power cut) leaves is swept by the next write into the same
folder. When the file cannot be replaced (Windows refuses while Excel has it open), the new
one is written under a timestamped name instead. The file gets the user's usual permissions.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from vitalite_tui.errors import VitaliteError
from vitalite_tui.formats.naming import stamped
from vitalite_tui.paths import reason

#: Temporary files start with this: hidden on Linux, and easy to recognise if one remains.
TEMP_PREFIX = ".vitalite-"
TEMP_SUFFIX = ".tmp"

#: Our temporary names: `.vitalite-<pid of the writer>-<random>.tmp`.
_TEMP_NAME = re.compile(
    rf"{re.escape(TEMP_PREFIX)}(?:(?P<pid>\d+)-)?[^/\\]*{re.escape(TEMP_SUFFIX)}"
)

#: No export lasts this long: a temporary file this old is left over, whoever wrote it (s).
STALE_AFTER = 6 * 3600

#: How a failed write begins, for a workbook (the default); other files say their own.
WORKBOOK_NOT_WRITTEN = "Le classeur n'a pas pu être écrit"


class ExportFailed(VitaliteError):
    """A file (a workbook, the charter) could not be written where it was asked for."""


def prepare_folder(folder: Path) -> Path:
    """The folder, created on demand; `ExportFailed` in French when it cannot be used."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportFailed(
            f"Impossible de créer le dossier {folder} ({reason(exc)}) : "
            "choisissez-en un autre avec --out."
        ) from None
    return folder


#: How a temporary file is created: new (never someone else's), private, binary on Windows.
_CREATE = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOINHERIT", 0)
)


def temp_name(folder: Path) -> Path:
    """A new temporary name in `folder`: ours, with this process's id for the sweep of a
    later run. Named before it is made, so that an interrupted creation can be undone."""
    return folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}{TEMP_SUFFIX}"


def create_private(path: Path) -> int:
    """Create `path` (which must not exist) readable by its owner only; its descriptor."""
    return os.open(path, _CREATE, 0o600)


def sweep_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files a killed run of ours left in `folder`; the ones removed.

    Only files named as ours, and only when the process that wrote them is gone or they are
    older than any export: an export running meanwhile (here or in another copy) keeps its own.
    """
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        found = _TEMP_NAME.fullmatch(entry.name)
        if found is None:
            continue
        try:
            if entry.is_symlink() or not entry.is_file():
                continue
            pid = found["pid"]
            fresh = now - entry.stat().st_mtime < STALE_AFTER
            if fresh and (pid is None or _running(int(pid))):
                continue
            entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def _running(pid: int) -> bool:
    """Whether process `pid` may still be writing (True when we cannot tell)."""
    if pid == os.getpid() or os.name != "posix":
        # Windows' os.kill would end the process: only the age decides there.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def usual_mode() -> int:
    """The permissions a new file of the user gets (0666 less the umask), not mkstemp's 0600."""
    return 0o666 & ~_umask()


def _umask() -> int:
    try:
        # Linux says it without changing it: no window where another thread sees another mask.
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere: read it by setting it, to a strict mask so that a file another thread makes
    # at that instant is private rather than open to all.
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def write_atomically(
    target: Path, write: Callable[[BinaryIO], None], *, what: str = WORKBOOK_NOT_WRITTEN
) -> Path:
    """Call `write` on a temporary file beside `target`, then rename it to `target`.

    Returns where the file went: `target`, or a timestamped name beside it when `target`
    could not be replaced. Any error from `write` removes the temporary file and is raised
    again; `target` is then untouched. `what` begins the French message of a failed write
    (« La charte n'a pas pu être écrite »). Leftovers of a killed earlier run are swept first.
    """
    folder = target.parent
    sweep_leftovers(folder)
    temp = temp_name(folder)
    created = False
    try:
        handle = create_private(temp)
        created = True
        with os.fdopen(handle, "w+b") as stream:
            write(stream)
            stream.flush()
            if os.name == "posix":
                os.fchmod(stream.fileno(), usual_mode())
            os.fsync(stream.fileno())
        final = _rename(temp, target)
    except BaseException as exc:
        # Even when Ctrl+C came between the creation and `created`: the name is known.
        if not isinstance(exc, FileExistsError):
            with suppress(OSError):
                temp.unlink()
        if isinstance(exc, OSError) and not created:
            raise ExportFailed(
                f"Impossible d'écrire dans le dossier {folder} ({reason(exc)}) : "
                "choisissez-en un autre avec --out."
            ) from None
        if isinstance(exc, OSError):
            raise ExportFailed(
                f"{what} dans {folder} ({reason(exc)}) ; "
                "l'export précédent, s'il y en a un, est intact."
            ) from exc
        raise
    _sync_folder(folder)
    return final


def _rename(temp: Path, target: Path) -> Path:
    try:
        os.replace(temp, target)
    except PermissionError:
        # Windows: the file is open in Excel. Keep the user's copy, write beside it.
        other = stamped(target, datetime.now())
        os.replace(temp, other)
        return other
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for this."""
    if os.name != "posix":
        return
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
