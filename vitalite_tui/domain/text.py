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


def size_text(size: int) -> str:
    """A file size as French speakers read it: « 812 octets », « 1,9 Mo », « 24 Mo »."""
    if size < 1000:
        return f"{size} octets"
    for unit, scale in (("Ko", 1e3), ("Mo", 1e6), ("Go", 1e9)):
        value = size / scale
        if value < 1000 or unit == "Go":
            shown = f"{value:.1f}" if value < 10 else f"{value:.0f}"
            return f"{shown.replace('.', ',')} {unit}"
    raise AssertionError("unreachable")


# ---------------------------------------------------------------- text shown in a terminal

#: Escape sequences a terminal acts on: CSI (colours, cursor), OSC/DCS/PM/APC strings
#: (window title, hyperlinks, clipboard) when terminated, and two-character escapes (reset).
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]P^_X]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
#: What is left that a terminal would act on or hide (tab and newline aside): C0 and C1
#: controls, DEL, the Unicode line separators, the bidirectional overrides that can make
#: text read backwards.
_SHOWN_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: Shown where a control character was: visible, and printable in any console encoding.
PLACEHOLDER = "?"


def without_sequences(text: str) -> str:
    """`text` as a terminal showed it: its escape sequences (colours…) removed, nothing else."""
    return _SEQUENCES.sub("", text)


def terminal_safe(text: str, *, lines: bool = False) -> str:
    """`text` as a terminal may print it: escape sequences removed, other controls shown as
    `PLACEHOLDER`; tabs and newlines (CRLF too) kept only with `lines`, else each a space."""
    text = without_sequences(text)
    if lines:
        return _SHOWN_CONTROLS.sub(PLACEHOLDER, text.replace("\r\n", "\n"))
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _SHOWN_CONTROLS.sub(PLACEHOLDER, text)


#: Runs of control characters and line breaks, with the blanks around them.
_BREAKS_AND_CONTROLS = re.compile(
    r"[ \t]*[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]+[ \t]*|\t"
)


def one_line(text: str) -> str:
    """Pasted text on one line: each run of line breaks or control characters becomes one
    space, tabs too; what follows a control character is kept, in order."""
    return _BREAKS_AND_CONTROLS.sub(" ", text)


# ---------------------------------------------------------------- French typography

#: Words whose h is aspirated: no elision before them (« de hameau », not « d'hameau »).
_ASPIRATED_H = ("hameau", "haut", "handicap", "hall", "halte", "hasard", "hausse", "héros")
_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"
#: Opening quotation marks and spaces, looked through to find the first letter.
_OPENINGS = "«“\"' \u00a0\u202f"
#: A space next to a French quotation mark, inside it: « mot » keeps its marks on its line.
_QUOTE_SPACES = re.compile(r"(«)[ \u00a0]+|[ \u00a0]+(»)")


def elided(word: str) -> bool:
    """Whether « de », « le »… elide before `word` (a vowel or a mute h, marks looked through)."""
    letters = word.lstrip(_OPENINGS)
    if not letters:
        return False
    first = fold(letters[0])
    if first in _VOWELS:
        return True
    return first == "h" and not fold(letters).startswith(_ASPIRATED_H)


def of(word: str) -> str:
    """« de » before `word`, elided when French wants it: « d'« Isolement » », « de « Lien » »."""
    return f"d'{word}" if elided(word) else f"de {word}"


def nbsp_quotes(text: str) -> str:
    """French quotation marks held to their words by non-breaking spaces: wrapped text never
    leaves a lone « at the end of a line or a lone » at the start of the next."""
    return _QUOTE_SPACES.sub(lambda m: "«\u00a0" if m.group(1) else "\u00a0»", text)


def name_key(name: str) -> tuple[str, str]:
    """Sort key of a name in French order: « Émilie » between « Denis » and « Fatou »
    (accents and case folded first; names equal once folded keep a stable order)."""
    return (fold(name), name)
