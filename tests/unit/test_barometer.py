"""The barometer formula, on cases computed by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vitalite_tui.domain.barometer import (
    Item,
    Sheet,
    agreement,
    band,
    barometer,
    by_segment,
    score,
)
from vitalite_tui.domain.indicators import Pole

V, D = Pole.VITALITY, Pole.DEPRESSION

#: Indicator 1 with two items per pole, indicator 2 with one vitality item, on 1–4.
ITEMS = [
    Item("I1_V1", 1, V, 4),
    Item("I1_V2", 1, V, 4),
    Item("I1_D1", 1, D, 4),
    Item("I1_D2", 1, D, 4),
    Item("I2_V1", 2, V, 4),
]


def test_agreement_maps_the_scale_onto_0_100() -> None:
    assert [agreement(v, 4) for v in (1, 2, 3, 4)] == pytest.approx([0, 100 / 3, 200 / 3, 100])
    assert agreement(3, 5) == 50


def test_hand_computed_respondent() -> None:
    # V = mean(100, 66.67) = 83.33 ; D = mean(0, 33.33) = 16.67 ; position = (83.33 + 83.33) / 2
    sheet = Sheet({"I1_V1": 4, "I1_V2": 3, "I1_D1": 1, "I1_D2": 2})
    result = score(sheet, ITEMS, 1)
    assert result is not None
    assert result.vitality == pytest.approx(250 / 3)
    assert result.depression == pytest.approx(50 / 3)
    assert result.position == pytest.approx(250 / 3)


def test_sans_reponse_is_left_out_of_the_means() -> None:
    # Answered 2 of 4 items (half): kept. V = 100 ; D = 100 (full agreement with isolation).
    sheet = Sheet({"I1_V1": 4, "I1_V2": 0, "I1_D1": 4})
    result = score(sheet, ITEMS, 1)
    assert result is not None
    assert (result.vitality, result.depression, result.position) == (100, 100, 50)


def test_fewer_than_half_answered_leaves_the_indicator_out() -> None:
    assert score(Sheet({"I1_V1": 4}), ITEMS, 1) is None
    assert score(Sheet({}), ITEMS, 2) is None


def test_one_pole_only_gives_the_position_from_that_pole() -> None:
    only_depression = score(Sheet({"I1_D1": 2, "I1_D2": 2}), ITEMS, 1)
    assert only_depression is not None
    assert only_depression.vitality is None
    assert only_depression.position == pytest.approx(100 - 100 / 3)
    only_vitality = score(Sheet({"I2_V1": 3}), ITEMS, 2)
    assert only_vitality is not None
    assert only_vitality.position == pytest.approx(200 / 3)


def test_out_of_scale_values_are_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        score(Sheet({"I1_V1": 5, "I1_V2": 4}), ITEMS, 1)


def test_group_barometer_means_counts_and_bands() -> None:
    sheets = [
        Sheet({"I1_V1": 4, "I1_V2": 4, "I1_D1": 1, "I1_D2": 1}),  # position 100
        Sheet({"I1_V1": 1, "I1_V2": 1, "I1_D1": 4, "I1_D2": 4}),  # position 0
        Sheet({"I1_V1": 4}),  # too few: left out of indicator 1
    ]
    result = {b.indicator: b for b in barometer(sheets, ITEMS)}
    assert result[1].n == 2
    assert result[1].position == 50
    assert result[1].vitality == 50
    assert result[1].distribution == (1, 0, 0, 0, 1)
    assert result[2].n == 0
    assert result[2].position is None
    assert result[3].n == result[4].n == 0


def test_segments_split_the_group() -> None:
    sheets = [
        Sheet({"I2_V1": 4}, {"commune": "Lagrasse"}),
        Sheet({"I2_V1": 2}, {"commune": "Fabrezan"}),
        Sheet({"I2_V1": 1}, {}),
    ]
    segments = by_segment(sheets, ITEMS, lambda s: s.profile.get("commune", ""))
    assert list(segments) == ["Fabrezan", "Lagrasse", "non renseigné"]
    assert segments["Lagrasse"][1].position == 100
    assert segments["non renseigné"][1].position == 0


def test_bands() -> None:
    assert [band(p) for p in (0, 19.9, 20, 59.9, 80, 100)] == [0, 0, 1, 2, 4, 4]


@given(st.lists(st.dictionaries(st.sampled_from([i.code for i in ITEMS]), st.integers(0, 4))))
def test_positions_stay_between_the_poles(answers: list[dict[str, int]]) -> None:
    for indicator in barometer([Sheet(a) for a in answers], ITEMS):
        assert indicator.n <= len(answers)
        assert sum(indicator.distribution) == indicator.n
        if indicator.position is not None:
            assert 0 <= indicator.position <= 100
