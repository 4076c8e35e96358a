"""The charter's text can never become Markdown structure, HTML or a link: it shows as typed."""

from __future__ import annotations

from datetime import date

import pytest

from vitalite_tui.domain.charter import ArticleView, CharterDocument, SignatoryView
from vitalite_tui.formats.charter_markdown import render_markdown

markdown_it = pytest.importorskip("markdown_it")

HOSTILE = (
    "# Titre pirate\n"
    "## Autre titre\n"
    "<script>alert('x')</script>\n"
    "[cliquez](javascript:alert(1)) et ![image](http://pirate.example/x.png)\n"
    "<https://pirate.example> et https://pirate.example et www.pirate.example\n"
    '<a href="javascript:alert(1)">lien</a> &lt;b&gt; **gras** _souligné_ `code` ~~barré~~\n'
    "- une liste\n"
    "+ une autre\n"
    "1. numérotée\n"
    "2) aussi\n"
    "> citation\n"
    "    bloc de code\n"
    "Titre souligné\n"
    "===\n"
    "---\n"
    "| a | b |\n"
    "| --- | --- |\n"
    "[ref]: javascript:alert(1)\n"
    "[ref] \\ fin"
)


def document() -> CharterDocument:
    return CharterDocument(
        title="# <b>Charte</b> [x](javascript:alert(1))",
        territory="<i>CC</i> [du](http://x) Val",
        communes=("# Lagrasse", "*Ribaute*"),
        adopted_on=date(2026, 12, 11),
        preamble=HOSTILE,
        articles=(
            ArticleView(1, "<script>x</script> ## [lien](javascript:x)", HOSTILE, ("# origine",)),
        ),
        signatories=(SignatoryView("<b>Nom</b> | [x](javascript:y)", "# Mairie", None),),
    )


def tokens() -> list[object]:
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    flat: list[object] = []
    for token in parser.parse(render_markdown(document())):
        flat.append(token)
        flat.extend(token.children or [])
    return flat


def shown(inline: object) -> str:
    """What an inline token shows: its text pieces (escapes resolved)."""
    return "".join(child.content for child in inline.children if child.type == "text")  # type: ignore[attr-defined]


def kinds_of(inline: object) -> set[str]:
    return {child.type for child in inline.children or []}  # type: ignore[attr-defined]


def test_no_user_text_becomes_html_or_a_link() -> None:
    kinds = {token.type for token in tokens()}  # type: ignore[attr-defined]
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_block", "fence"}
    assert not kinds & {"code_inline", "s_open", "blockquote_open", "hr"}
    emphasis = [shown(t) for t in tokens() if t.type == "inline" and "em_open" in kinds_of(t)]  # type: ignore[attr-defined]
    assert emphasis == ["Issu de : # origine"]  # the document's own italics, nothing typed
    assert not kinds & {"bullet_list_open", "ordered_list_open"}


def test_only_the_documents_own_headings_and_bold_labels() -> None:
    found = tokens()
    headings = [
        (token.tag, shown(found[index + 1]))  # type: ignore[attr-defined]
        for index, token in enumerate(found)
        if token.type == "heading_open"  # type: ignore[attr-defined]
    ]
    assert headings == [
        ("h1", "# <b>Charte</b> [x](javascript:alert(1))"),
        ("h2", "Préambule"),
        ("h2", "Articles"),
        ("h3", "Article 1 — <script>x</script> ## [lien](javascript:x)"),
        ("h2", "Signataires"),
    ]
    strong = [t for t in found if t.type == "strong_open"]  # type: ignore[attr-defined]
    assert len(strong) == 3  # Territoire, Communes, Adoptée le
    tables = [t for t in found if t.type == "table_open"]  # type: ignore[attr-defined]
    assert len(tables) == 1  # the signatories


def test_the_text_still_reads_as_typed() -> None:
    texts = " ".join(
        token.content  # type: ignore[attr-defined]
        for token in tokens()
        if token.type == "text"  # type: ignore[attr-defined]
    )
    for line in ("<script>alert('x')</script>", "[cliquez](javascript:alert(1))", "- une liste"):
        assert line in texts
    for fragment in ("1. numérotée", "> citation", "https://pirate.example", "&lt;b&gt;"):
        assert fragment in texts
    assert "<b>Nom</b> | [x](javascript:y)" in texts
