"""Where the program keeps its files. One place, so tests and USB installs can redirect it.

`VITALITE_HOME` moves everything (database, backups) into one folder, for a USB stick or
a test; `VITALITE_DB` (or `--db`) names the database file alone.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

APP_NAME = "vitalite-tui"
DB_FILENAME = "vitalite.sqlite"


def data_dir() -> Path:
    home = os.environ.get("VITALITE_HOME")
    if home:
        return Path(home).expanduser()
    # Imported here: platformdirs is cheap but only needed when no override is set.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    env = os.environ.get("VITALITE_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILENAME


def resolve_db_path(option: Path | None) -> Path:
    """The database to open: `--db` first, then `VITALITE_DB`, then the user data folder."""
    return option.expanduser() if option is not None else default_db_path()


def backups_dir(db_path: Path) -> Path:
    """Backups made before a migration sit beside the database, in `sauvegardes/`."""
    return db_path.parent / "sauvegardes"


def exchanges_dir(db_path: Path) -> Path:
    """The exchange folder until one is chosen: `echanges/` beside the database."""
    return db_path.parent / "echanges"


def exports_dir(out: Path | None = None) -> Path:
    """Workbooks land in `exports/` under the working directory unless `--out` says otherwise."""
    return out.expanduser() if out is not None else Path.cwd() / "exports"


def preferences_path() -> Path:
    """What the app remembers between runs (the last backup folder…), in the data folder."""
    return data_dir() / "preferences.json"


def keymap_path() -> Path:
    """The user's own keys (binding id → keys), in the data folder; none by default."""
    return data_dir() / "touches.json"


def removable_drives() -> list[Path]:
    """The USB sticks and cards this computer shows, where a backup is best kept."""
    if sys.platform == "win32":
        return _windows_removable_drives()
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    # Where desktops mount a stick: Debian/Ubuntu, Fedora/Arch, macOS; /mnt by hand.
    parents = [Path("/media") / user, Path("/run/media") / user, Path("/media"), Path("/mnt")]
    if sys.platform == "darwin":
        parents = [Path("/Volumes")]
    found: list[Path] = []
    for parent in parents:
        try:
            children = sorted(parent.iterdir())
        except OSError:
            continue
        for child in children:
            if child.is_dir() and child.is_mount() and child not in found:
                found.append(child)
    return found


def _windows_removable_drives() -> list[Path]:
    import ctypes
    import string

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    mask = int(kernel.GetLogicalDrives())
    removable = 2  # DRIVE_REMOVABLE
    return [
        Path(f"{letter}:\\")
        for index, letter in enumerate(string.ascii_uppercase)
        if mask >> index & 1 and kernel.GetDriveTypeW(f"{letter}:\\") == removable
    ]


def schemas_dir() -> Path:
    """The JSON schemas and default documents: inside the installed package, or the checkout."""
    packaged = Path(__file__).resolve().parent / "schemas"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "schemas"


_REASONS = {
    errno.EACCES: "accès refusé",
    errno.EPERM: "accès refusé",
    errno.EROFS: "support en lecture seule",
    errno.ENOSPC: "disque plein",
    errno.ENOENT: "dossier introuvable",
    errno.ENOTDIR: "ce n'est pas un dossier",
    errno.EEXIST: "un fichier porte déjà ce nom",
}


def reason(exc: OSError) -> str:
    """Why a file or folder could not be made, in French when we know the case (strerror is
    in English)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or str(exc)
