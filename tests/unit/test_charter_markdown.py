"""The charter's printable Markdown document: layout, escaping, an empty draft."""

from __future__ import annotations

from datetime import date

from vitalite_tui.domain.charter import ArticleView, CharterDocument, SignatoryView
from vitalite_tui.formats.charter_markdown import render_markdown


def test_markdown_document() -> None:
    document = CharterDocument(
        title="Charte du Val",
        territory="CC du Val",
        communes=("Lagrasse", "Ribaute"),
        adopted_on=date(2026, 12, 11),
        preamble="Nous, habitants,\nnous engageons.\n\n\n\nEnsemble.",
        articles=(
            ArticleView(1, "Se retrouver", "Un café.", ("Café itinérant",), ("Rencontres",)),
            ArticleView(2, "Suivre\nla charte", ""),
        ),
        signatories=(
            SignatoryView("Martine | Dupont", "Mairie", date(2026, 12, 11)),
            SignatoryView("", "Centre social"),
        ),
    )
    assert render_markdown(document) == (
        "# Charte du Val\n"
        "\n"
        "**Territoire :** CC du Val  \n"
        "**Communes :** Lagrasse, Ribaute  \n"
        "**Adoptée le :** 11/12/2026\n"
        "\n"
        "## Préambule\n"
        "\n"
        "Nous, habitants,  \n"
        "nous engageons.\n"
        "\n"
        "Ensemble.\n"
        "\n"
        "## Articles\n"
        "\n"
        "### Article 1 — Se retrouver\n"
        "\n"
        "Un café.\n"
        "\n"
        "*Issu de : Café itinérant ; axe : Rencontres*\n"
        "\n"
        "### Article 2 — Suivre la charte\n"
        "\n"
        "## Signataires\n"
        "\n"
        "| Nom | Structure | Date |\n"
        "| --- | --- | --- |\n"
        "| Martine \\| Dupont | Mairie | 11/12/2026 |\n"
        "|  | Centre social |  |\n"
    )


def test_markdown_of_an_empty_draft() -> None:
    text = render_markdown(CharterDocument("Charte", "CC du Val"))
    assert "pas encore adoptée" in text
    assert "Préambule" not in text
    assert "*Aucun article pour l'instant.*" in text
    assert text.endswith("*Aucun signataire pour l'instant.*\n")
