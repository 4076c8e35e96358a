"""Pure domain: steps, indicators, collèges and their balance, dates, text cleaning."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitalite_tui.domain.colleges import College, CollegeCounts
from vitalite_tui.domain.dates import format_date, format_day, parse_date, parse_time
from vitalite_tui.domain.indicators import INDICATORS, Pole, indicator
from vitalite_tui.domain.steps import STEPS, StepStatus, step
from vitalite_tui.domain.text import clean_line, clean_text, fold, matches, plural
from vitalite_tui.domain.workshops import DEFAULT_AGENDA, default_agenda, workshop_step
from vitalite_tui.errors import InvalidInput


def test_seven_steps_and_the_workshops_they_hold() -> None:
    assert [s.number for s in STEPS] == [1, 2, 3, 4, 5, 6, 7]
    assert [s.workshop for s in STEPS] == [None, None, None, 1, 2, 3, 4]
    assert step(3).title == "Questionnaire de sociabilité"
    assert [workshop_step(n) for n in (1, 2, 3, 4)] == [4, 5, 6, 7]
    with pytest.raises(ValueError, match="out of range"):
        step(8)


def test_status_symbols_match_the_stepper_sketch() -> None:
    assert [s.symbol for s in StepStatus] == ["○", "●", "✔"]
    assert StepStatus.DONE.label == "terminée"


def test_four_indicators_with_their_poles_from_the_method() -> None:
    poles = [(i.vitality, i.depression) for i in INDICATORS]
    assert poles == [
        ("Rendez-vous", "Isolement"),
        ("Perspectives", "Impuissance"),
        ("Solidarités interactives", "Dépendance"),
        ("Initiatives", "Passivité"),
    ]
    assert indicator(3).pole_label(Pole.DEPRESSION) == "Dépendance"
    assert indicator(1).code == "I1"
    assert Pole.VITALITY.sign == "+"
    with pytest.raises(ValueError, match="out of range"):
        indicator(0)


def test_college_counts_summary_matches_the_sketch() -> None:
    counts = CollegeCounts(elu=15, acteur=16, habitant=15)
    assert counts.total == 46
    assert counts.summary() == "élus 15 · acteurs 16 · habitants 15"
    assert counts.warnings() == []


def test_thirds_far_from_balanced_are_named() -> None:
    counts = CollegeCounts.of([College.ELU] * 8 + [College.ACTEUR] * 2 + [College.HABITANT] * 5)
    assert counts.unbalanced() == [College.ELU, College.ACTEUR]
    warnings = counts.warnings()
    assert any("8 élus sur 15" in w for w in warnings)
    assert any("2 acteurs" in w for w in warnings)


def test_small_groups_are_not_judged_on_thirds() -> None:
    assert CollegeCounts(elu=3, acteur=0, habitant=0).warnings() == []


def test_over_fifty_is_flagged() -> None:
    counts = CollegeCounts(elu=17, acteur=17, habitant=17)
    assert counts.warnings() == [
        "51 personnes : au-delà des 50 participants prévus par la démarche."
    ]
    assert CollegeCounts(elu=17, acteur=17, habitant=16).warnings() == []


@given(st.lists(st.sampled_from(list(College)), max_size=80))
def test_counts_add_up(colleges: list[College]) -> None:
    counts = CollegeCounts.of(colleges)
    assert counts.total == len(colleges)
    assert sum(counts[c] for c in College) == len(colleges)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/03/2026", date(2026, 3, 14)),
        ("4/3/26", date(2026, 3, 4)),
        ("14.03.2026", date(2026, 3, 14)),
        ("2026-03-14", date(2026, 3, 14)),
        ("  ", None),
    ],
)
def test_french_dates_are_read(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"), [("31/02/2026", "n'existe pas"), ("demain", "JJ/MM/AAAA")]
)
def test_bad_dates_get_a_french_message(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_date(text, field="Date de délibération")


def test_dates_and_times_are_shown_the_french_way() -> None:
    assert format_date(date(2026, 10, 15)) == "15/10/2026"
    assert format_day(date(2026, 10, 15)) == "jeu. 15/10"
    assert parse_time("18h30") == time(18, 30)
    assert parse_time("18:30") == time(18, 30)
    assert parse_time("9h") == time(9, 0)
    with pytest.raises(InvalidInput, match="heure"):
        parse_time("25h")


def test_text_is_cleaned_but_never_mangled() -> None:
    assert clean_text("  Le café a fermé 😢\r\n en 2019\x00 ") == "Le café a fermé 😢\n en 2019"
    assert clean_text("=SUM(A1)") == "=SUM(A1)"
    assert clean_line("  Hélène \t  Dupont-Moreau ", field="Nom", max_length=80) == (
        "Hélène Dupont-Moreau"
    )


def test_empty_and_huge_lines_are_refused_in_french() -> None:
    with pytest.raises(InvalidInput, match="obligatoire"):
        clean_line("   ", field="Nom", max_length=80)
    with pytest.raises(InvalidInput, match="trop long"):
        clean_line("x" * 81, field="Nom", max_length=80)
    assert clean_line("", field="Commune", max_length=80, required=False) == ""


def test_filter_ignores_accents_and_case() -> None:
    assert fold("Hélène ÉLU") == "helene elu"
    assert matches("hel lag", "Hélène Martin", "Lagrasse")
    assert not matches("karim", "Hélène Martin", "Lagrasse")


def test_plural_in_french() -> None:
    assert plural(0, "atelier planifié", "ateliers planifiés") == "0 atelier planifié"
    assert plural(4, "atelier planifié", "ateliers planifiés") == "4 ateliers planifiés"
    assert plural(2, "commune") == "2 communes"


def test_default_agenda_fills_the_evening() -> None:
    # 18:30–21:00 is 150 minutes, with the 30-minute dinner break of the method.
    assert sum(item.minutes for item in DEFAULT_AGENDA) == 150
    assert any(item.minutes == 30 and "Pause" in item.label for item in DEFAULT_AGENDA)


def test_the_first_evening_recalls_no_previous_workshop() -> None:
    first = default_agenda(1)
    assert not any("précédent" in item.label for item in first)
    assert first[0].label == "Accueil et présentation de la démarche"
    # Same timing as the other evenings: only the welcome's wording differs.
    assert [i.minutes for i in first] == [i.minutes for i in DEFAULT_AGENDA]
    assert all("rappel de l'atelier précédent" in default_agenda(n)[0].label for n in (2, 3, 4))
    with pytest.raises(ValueError, match="out of range"):
        default_agenda(5)
