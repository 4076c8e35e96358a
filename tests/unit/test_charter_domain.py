"""Action sheets and the charter, pure: completeness, French titles, the Markdown document."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitalite_tui.domain.charter import (
    SHEET_TEXT_FIELDS,
    SHEET_TOTAL,
    ArticleView,
    CharterDocument,
    SheetContent,
    SignatoryView,
    clean_indicators,
    completeness,
    default_charter_title,
    indicators_label,
    of_territory,
    origins_label,
    render_markdown,
)
from vitalite_tui.errors import InvalidInput

FULL = SheetContent(
    porteur="Centre social",
    partners="Mairies",
    public="Habitants isolés",
    means="Un véhicule",
    calendar="Au printemps",
    first_step="Réunir les foyers ruraux",
    success_sign="Vingt habitués",
    indicators=(1, 3),
)


def test_an_empty_sheet_misses_all_eight() -> None:
    done = completeness(SheetContent())
    assert (done.filled, done.total, done.fraction, done.mark) == (0, 8, "0/8", "0/8")
    assert done.missing == (
        "Porteur",
        "Partenaires",
        "Public visé",
        "Moyens",
        "Calendrier",
        "Première étape",
        "Signe de réussite",
        "Indicateurs",
    )


def test_a_full_sheet_is_complete_and_ticked() -> None:
    done = completeness(FULL)
    assert done.complete
    assert (done.fraction, done.mark, done.missing_text) == ("8/8", "✔ 8/8", "Fiche complète.")


def test_blanks_do_not_count_and_the_missing_are_named_in_french() -> None:
    sheet = SheetContent.of({**FULL.texts(), "calendar": "  ", "first_step": ""}, ())
    done = completeness(sheet)
    assert done.fraction == "5/8"
    assert done.missing_text == "Manque : calendrier, première étape, indicateurs."


@given(
    texts=st.fixed_dictionaries(
        {name: st.sampled_from(["", " ", "x", "Mairie"]) for name, _ in SHEET_TEXT_FIELDS}
    ),
    indicators=st.lists(st.integers(1, 4), max_size=4),
)
def test_filled_and_missing_always_add_up_to_eight(
    texts: dict[str, str], indicators: list[int]
) -> None:
    done = completeness(SheetContent.of(texts, indicators))
    assert done.filled + len(done.missing) == SHEET_TOTAL
    expected = sum(1 for text in texts.values() if text.strip()) + bool(indicators)
    assert done.filled == expected
    assert done.complete == (expected == SHEET_TOTAL)


def test_indicators_are_checked_and_sorted_once() -> None:
    assert clean_indicators([3, 1, 3]) == (1, 3)
    assert indicators_label((1, 3)) == "I1 Sociabilité, I3 Émancipation"
    with pytest.raises(InvalidInput, match="Indicateur 5 inconnu"):
        clean_indicators([5])


@pytest.mark.parametrize(
    ("territory", "of"),
    [
        ("Communauté de communes du Pays de Lambrenne", "de la Communauté de communes du Pays"),
        ("CC du Val d'Orbieu", "de la CC du Val d'Orbieu"),
        ("Pays de Sault", "du Pays de Sault"),
        ("Le Lauragais", "du Lauragais"),
        ("Les Corbières", "des Corbières"),
        ("Aude", "de l'Aude"),
        ("Haute-Vallée de l'Aude", "de la Haute-Vallée"),
        ("Haut-Languedoc", "du Haut-Languedoc"),
    ],
)
def test_the_charter_is_of_its_territory(territory: str, of: str) -> None:
    assert of_territory(territory).startswith(of)
    assert default_charter_title(territory).startswith("Charte de la vitalité sociale ")


def test_origins_are_counted_in_french() -> None:
    assert origins_label(2, 1) == "2 actions · 1 axe"
    assert origins_label(1, 0) == "1 action"
    assert origins_label(0, 3) == "3 axes"
    assert origins_label(0, 0) == "aucune origine"


@pytest.mark.parametrize(
    ("actions", "axes", "line"),
    [
        (("Café", "Bus"), ("Se retrouver",), "Issu de : Café ; Bus ; axe : Se retrouver"),
        (("Café",), ("A", "B"), "Issu de : Café ; axes : A ; B"),
        (("Café",), (), "Issu de : Café"),
        ((), ("A",), "Issu de l'axe : A"),
        ((), ("A", "B"), "Issu des axes : A ; B"),
        ((), (), ""),
    ],
)
def test_origins_line(actions: tuple[str, ...], axes: tuple[str, ...], line: str) -> None:
    assert ArticleView(1, "T", "", actions, axes).origins_line == line


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
