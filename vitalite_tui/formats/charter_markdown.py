"""The charter as a printable Markdown document: title, preamble, articles, signatures.

Every piece of text typed by people is escaped: it shows as typed, and never becomes a
heading, a list, raw HTML or a link in whatever renders the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vitalite_tui.domain.charter import CharterDocument, SignatoryView
from vitalite_tui.domain.dates import format_date

#: Characters that make inline structure (emphasis, code, links, images, HTML, entities,
#: strikethrough, table cells, heading ends): each is backslash-escaped, so it shows as typed.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
#: What makes a block at the start of a line once inline marks are escaped: a list item or
#: a thematic break (- +), a heading underline (=), a numbered item (12. or 12)).
_BLOCK_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")
#: What GFM would turn into a link without any mark: http://…, https://…, www.…
_BARE_LINK = re.compile(r"(?i)(?<=[a-z]):(?=//)|(?<![\w.])(www)\.")


def _escaped(text: str) -> str:
    """User text that Markdown shows as typed and never reads as structure or a link."""
    text = _INLINE.sub(r"\\\1", text)
    text = _BARE_LINK.sub(lambda found: f"{found[1]}\\." if found[1] else "\\:", text)
    return _BLOCK_START.sub(
        lambda found: f"\\{found[1]}" if found[1] else f"{found[2]}\\{found[3]}", text
    )


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, escaped (pipes too)."""
    return _escaped(" ".join(text.split()))


def _heading(text: str) -> str:
    """A title on one line (a line break would end the Markdown heading), escaped."""
    return _escaped(" ".join(text.split()))


def _paragraphs(text: str) -> list[str]:
    """The text's lines as typed: a line break stays one (Markdown's two trailing spaces),
    a blank line between paragraphs stays a single blank line. Each line is escaped, and
    its indent dropped (four spaces would make it a code block)."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        stripped = _escaped(line.strip())
        if stripped or (lines and lines[-1]):
            lines.append(stripped)
    return [
        f"{line}  " if line and index + 1 < len(lines) and lines[index + 1] else line
        for index, line in enumerate(lines)
    ]


def render_markdown(document: CharterDocument) -> str:
    """The charter as a printable Markdown document (title, preamble, articles, signatures)."""
    out: list[str] = [f"# {_heading(document.title)}", ""]
    out.append(f"**Territoire :** {_heading(document.territory)}  ")
    if document.communes:
        out.append(f"**Communes :** {', '.join(_heading(c) for c in document.communes)}  ")
    if document.adopted_on is not None:
        out.append(f"**Adoptée le :** {format_date(document.adopted_on)}")
    else:
        out.append("**Adoptée le :** *(projet de charte, pas encore adoptée)*")
    out.append("")
    if document.preamble.strip():
        out += ["## Préambule", "", *_paragraphs(document.preamble), ""]
    out += ["## Articles", ""]
    if not document.articles:
        out += ["*Aucun article pour l'instant.*", ""]
    for article in document.articles:
        out += [f"### Article {article.number} — {_heading(article.title)}", ""]
        if article.text.strip():
            out += [*_paragraphs(article.text), ""]
        if article.origins_line:
            out += [f"*{_heading(article.origins_line)}*", ""]
    out += ["## Signataires", ""]
    out += _signatories_table(document.signatories)
    return "\n".join(out).rstrip("\n") + "\n"


def _signatories_table(signatories: Sequence[SignatoryView]) -> list[str]:
    if not signatories:
        return ["*Aucun signataire pour l'instant.*"]
    lines = ["| Nom | Structure | Date |", "| --- | --- | --- |"]
    for signatory in signatories:
        lines.append(
            f"| {_cell(signatory.name)} | {_cell(signatory.organisation)} | "
            f"{format_date(signatory.signed_on)} |"
        )
    return lines
