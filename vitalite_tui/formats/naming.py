"""File names of workbooks: `vitalite-<territoire>-<date>[-atelier-N][-2].xlsx`, plain ASCII."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from vitalite_tui.domain.text import fold

#: Long territory names are cut: the file name must stay readable in a file explorer.
MAX_SLUG = 60

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """« CC du Val d'Orbieu » → « cc-du-val-d-orbieu »: no accents, spaces nor quotes."""
    words = _NOT_ALNUM.sub("-", fold(text)).strip("-")
    return words[:MAX_SLUG].rstrip("-") or "demarche"


def workbook_name(territory: str, day: date, workshop: int | None = None) -> str:
    suffix = f"-atelier-{workshop}" if workshop is not None else ""
    return f"vitalite-{slug(territory)}-{day.isoformat()}{suffix}.xlsx"


def stamped(path: Path, moment: datetime) -> Path:
    """The same name with the time added, for when the usual file cannot be replaced."""
    return path.with_name(f"{path.stem}-{moment:%H%M%S}{path.suffix}")


def unused(path: Path) -> Path:
    """`path`, or the first of `<name>-2`, `<name>-3`… beside it that no file takes yet.

    A second export the same day must not replace the first one: the technician may have
    annotated it, or be comparing the two.
    """
    candidate, number = path, 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate
