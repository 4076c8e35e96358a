"""Action intentions of workshop 2: a title made from a note as it was said."""

from __future__ import annotations

import re

#: Longest title an intention may have.
MAX_TITLE = 200
#: A note promoted to an intention gets a title at most this long (the note stays whole).
PROMOTED_TITLE = 120

#: What people say before the idea itself: « On pourrait créer… » → « Créer… ».
_LEAD_INS = re.compile(
    r"^(?:on pourrait|il faudrait|on devrait|il faut|pourquoi pas|proposition\s*:|"
    r"idée\s*:|intention\s*:|piste\s*:)\s*",
    re.IGNORECASE,
)
#: The end of a first sentence: what follows it is detail, not title.
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")
_TRAILING = " .,;:!?…-—"
#: A first sentence shorter than this is not a title on its own (« Idée. Créer… »).
_SHORT = 15


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def cut(text: str, limit: int) -> str:
    """`text` cut to `limit` characters at a word boundary, with « … » when cut."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head:
        head = head[: head.rindex(" ")]
    return head.rstrip(_TRAILING) + "…"


def intention_title(text: str, limit: int = PROMOTED_TITLE) -> str:
    """A title for the intention a note says: lead-in dropped, first sentence, cut sensibly.

    « Proposition : créer un réseau de visiteurs. Avec le CCAS. » → « Créer un réseau de
    visiteurs ». Never empty for a non-blank note.
    """
    line = " ".join(text.split())
    stripped = _LEAD_INS.sub("", line)
    if len(stripped.rstrip(_TRAILING)) >= 3:
        line = stripped
    for end in _SENTENCE_END.finditer(line):
        if end.start() >= _SHORT:
            line = line[: end.start()]
            break
    line = line.rstrip(_TRAILING) or line
    return capitalised(cut(line, limit))


def promoted(text: str, limit: int = PROMOTED_TITLE) -> tuple[str, str]:
    """Title and description of the intention a note becomes: the whole note goes into the
    description when the title is not the whole note."""
    title = intention_title(text, limit)
    line = " ".join(text.split())
    whole = capitalised(line.rstrip(_TRAILING) or line)
    return title, "" if title == whole else line
