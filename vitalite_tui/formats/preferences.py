"""What the app remembers between runs, in a small JSON file: the last backup folder…

A missing or unreadable file is no preferences at all, never an error: nothing depends on
it but a default shown first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

from vitalite_tui.errors import VitaliteError
from vitalite_tui.formats.atomic import write_atomically

LAST_BACKUP_FOLDER = "dernier_dossier_de_sauvegarde"


def load_preferences(path: Path) -> dict[str, str]:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(key): value for key, value in found.items() if isinstance(value, str)}


def remember(path: Path, key: str, value: str) -> None:
    """Keep `key` = `value` (best effort: a read-only data folder only loses the hint)."""
    preferences = {**load_preferences(path), key: value}
    data = json.dumps(preferences, ensure_ascii=False, indent=2).encode("utf-8")

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, write, what="Les préférences n'ont pas pu être écrites")
    except (OSError, VitaliteError):
        pass
