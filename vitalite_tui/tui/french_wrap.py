"""Text wrapped on screen never breaks at a no-break space (French « », : ; ? !)."""

from __future__ import annotations

import re

import rich._wrap
import textual._wrap

#: The spaces French typography puts where a line must not break: no-break, narrow
#: no-break, figure space. Python's `\s` counts them as blanks: Textual and Rich break there.
NO_BREAK_SPACES = "\u00a0\u202f\u2007"

#: A blank a line may break at, and a character of a word (no-break spaces included).
_BLANK = rf"[^\S{NO_BREAK_SPACES}]"
_SOLID = rf"[\S{NO_BREAK_SPACES}]"

#: Textual's chunk (a word and the blanks after it, or blanks alone) and Rich's word (blanks,
#: a word, blanks), the same patterns as theirs with the no-break spaces kept in the word.
TEXTUAL_CHUNK = re.compile(rf"{_SOLID}+{_BLANK}*|{_BLANK}+")
RICH_WORD = re.compile(rf"{_BLANK}*{_SOLID}+{_BLANK}*")


def keep_no_break_spaces() -> None:
    """Make Textual's and Rich's line wrapping keep no-break spaces inside words.

    Both cut lines with a module-level pattern built on `\\s`: « Vitalité » or « dit : »
    came apart at the end of a line, « alone there and » or : at the start of the next
    (notes, the note reader, help, messages). The text itself is never changed: only where
    lines break. Done once, when the application is created.
    """
    textual._wrap.re_chunk = TEXTUAL_CHUNK
    rich._wrap.re_word = RICH_WORD
