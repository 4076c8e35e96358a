"""French dates and times as people type and read them (16/10/2026, 18h30)."""

from __future__ import annotations

import re
from datetime import date, time

from vitalite_tui.domain.errors import InvalidInput

_WEEKDAYS = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})\s*[h:H]\s*(\d{2})?\s*$")


def parse_date(text: str, *, field: str = "Date") -> date | None:
    """`16/10/2026`, `16/10/26`, `16.10.2026` or ISO; empty gives None; else a French error."""
    if not text.strip():
        return None
    iso = _ISO.match(text)
    match = _DATE.match(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if match:
            year = int(match[3])
            if year < 100:
                year += 2000
            return date(year, int(match[2]), int(match[1]))
    except ValueError:
        raise InvalidInput(f"{field} : « {text.strip()} » n'existe pas au calendrier.") from None
    raise InvalidInput(f"{field} : « {text.strip()} » n'est pas une date (JJ/MM/AAAA).")


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_day(value: date | None) -> str:
    """Short form for lists: « jeu. 16/10 »."""
    if value is None:
        return ""
    return f"{_WEEKDAYS[value.weekday()]} {value.strftime('%d/%m')}"


def parse_time(text: str, *, field: str = "Heure") -> time | None:
    """`18h30`, `18:30`, `18h`; empty gives None; else a French error."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise InvalidInput(f"{field} : « {text.strip()} » n'est pas une heure (par ex. 18h30).")


def format_time(value: time | None) -> str:
    return f"{value.hour}h{value.minute:02d}" if value else ""
