"""The crash journal: an unexpected error's traceback goes to a file, never to the screen.

A traceback on a projector would show what was typed (Textual's own shows local values); in
a file of the data folder it waits for whoever helps, and the screen says where it is.
"""

from __future__ import annotations

import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from vitalite_tui import __version__

JOURNAL_NAME = "vitalite-erreurs.log"

#: Past this size the journal starts again: a program that keeps failing must not fill a disk.
MAX_BYTES = 512 * 1024


def write_crash_log(error: BaseException, folder: Path) -> Path | None:
    """Append `error`'s traceback (no local values) to the journal; where it went, or None.

    `folder` first (the data folder), else the system's temporary folder: the journal must
    not be lost to the same full disk or read-only folder that caused the error, if avoidable.
    """
    stamp = datetime.now().isoformat(timespec="seconds")
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    entry = f"--- {stamp} · vitalite {__version__}\n{''.join(lines)}\n"
    for place in (folder, Path(tempfile.gettempdir())):
        journal = place / JOURNAL_NAME
        try:
            place.mkdir(parents=True, exist_ok=True)
            mode = "w" if journal.exists() and journal.stat().st_size > MAX_BYTES else "a"
            with journal.open(mode, encoding="utf-8", errors="replace") as handle:
                handle.write(entry)
        except OSError:
            continue
        return journal
    return None


def crash_message(journal: Path | None) -> str:
    """The sentence shown when the program must stop: what is safe, where the details are."""
    where = (
        f"Les détails pour l'équipe sont dans {journal}."
        if journal is not None
        else "Aucun journal n'a pu être écrit (disque plein ou protégé)."
    )
    return (
        "vitalite s'est arrêté sur une erreur inattendue. Tout ce qui était affiché comme "
        f"enregistré l'est bien ; relancez vitalite pour continuer. {where}"
    )
