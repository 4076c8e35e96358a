"""Cleaning of text typed or pasted by users, before it is stored."""

from __future__ import annotations

import re
import unicodedata

from vitalite_tui.domain.errors import InvalidInput

#: C0/C1 control characters other than tab and newline: never useful in a note or a name.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0]+")


def clean_text(text: str) -> str:
    """Normalise (NFC), drop control characters, trim; keep newlines, accents and emoji."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def clean_line(text: str, *, field: str, max_length: int, required: bool = True) -> str:
    """One line of text (a name, a place): spaces folded; French error when empty or too long."""
    line = _SPACES.sub(" ", clean_text(text).replace("\n", " ")).strip()
    if required and not line:
        raise InvalidInput(f"{field} : ce champ est obligatoire.")
    if len(line) > max_length:
        raise InvalidInput(
            f"{field} : {len(line)} caractères, c'est trop long (au plus {max_length})."
        )
    return line


def fold(text: str) -> str:
    """Accent- and case-insensitive form, for type-to-filter (« Hélène » matches « helene »)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def matches(query: str, *fields: str) -> bool:
    """Every word of the query appears in one of the fields (folded)."""
    words = fold(query).split()
    if not words:  # No query: nothing to fold (a list may hold thousands of notes).
        return True
    haystack = " ".join(fold(field) for field in fields)
    return all(word in haystack for word in words)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 1 atelier planifié », « 4 ateliers planifiés » (French: 0 and 1 are singular)."""
    word = singular if count <= 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"
