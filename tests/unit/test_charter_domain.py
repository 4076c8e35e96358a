"""Action sheets and the charter, pure: completeness, French titles, origins."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitalite_tui.domain.charter import (
    SHEET_TEXT_FIELDS,
    SHEET_TOTAL,
    ArticleView,
    SheetContent,
    clean_indicators,
    completeness,
    default_charter_title,
    indicators_label,
    of_territory,
    origins_label,
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
