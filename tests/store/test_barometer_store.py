"""The barometer measured from stored sheets: the domain's formula, whole and by segment."""

from __future__ import annotations

import copy

import pytest

from vitalite_tui.demo import create_demo
from vitalite_tui.domain import privacy
from vitalite_tui.domain.barometer import IndicatorBarometer, Sheet, barometer, by_segment
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.questionnaire.records import MeasuredBarometer, SheetDraft
from vitalite_tui.store.questionnaire.responses import default_definition

CODES = [f"I{n}_{pole}{i}" for n in (1, 2, 3, 4) for pole in "VD" for i in (1, 2, 3)]

#: Hand-made sheets: (commune, age band, answers of indicator 1 as V1 V2 V3 D1 D2 D3, rest).
SHEETS: list[tuple[str, str, tuple[int, ...], int]] = [
    ("Lagrasse", "75-plus", (1, 2, 1, 4, 4, 3), 2),
    ("Lagrasse", "40-59", (4, 4, 3, 1, 1, 2), 3),
    ("Fabrezan", "75-plus", (2, 1, 0, 3, 4, 4), 2),
    ("Fabrezan", "25-39", (3, 4, 4, 1, 2, 1), 4),
    ("Ribaute", "40-59", (0, 0, 0, 0, 3, 0), 1),  # indicator 1: 1 of 6 answered, left out
    ("", "40-59", (4, 3, 3, 2, 1, 1), 3),  # commune left blank
]


def answers(first: tuple[int, ...], rest: int) -> dict[str, int | None]:
    values: dict[str, int | None] = dict(zip(CODES[:6], first, strict=True))
    values.update({code: rest for code in CODES[6:]})
    return values


@pytest.fixture
def typed(store: Store, demarche_id: str) -> list[Sheet]:
    """The hand-made sheets, typed into the store; the same as domain `Sheet`s."""
    sheets = []
    for number, (commune, age, first, rest) in enumerate(SHEETS, start=1):
        profile = {"age": age, **({"commune": commune} if commune else {})}
        store.responses.save_sheet(demarche_id, SheetDraft(number, profile, answers(first, rest)))
        sheets.append(Sheet(answers(first, rest), profile))
    return sheets


def test_measured_equals_the_domain_computation(
    store: Store, demarche_id: str, typed: list[Sheet]
) -> None:
    items = store.responses.form(demarche_id).scoring()
    measured = store.barometer.measured(demarche_id)
    assert measured.questionnaire == "sociabilite 1.0"
    assert (measured.sheets, measured.left_out) == (6, 0)
    assert measured.indicators == barometer(typed, items)
    assert measured.segment is None
    assert measured.segments == []


def test_measured_on_hand_computed_values(
    store: Store, demarche_id: str, typed: list[Sheet]
) -> None:
    first = store.barometer.measured(demarche_id).indicators[0]
    # Sheet 1: V = mean(0, 33.3, 0) = 11.1 ; D = mean(100, 100, 66.7) = 88.9 ;
    #   position = (11.1 + (100 − 88.9)) / 2 = 11.1.
    # Sheet 3: V = mean(33.3, 0) = 16.7 (one sans réponse) ; D = 88.9 ; position 13.9.
    # Sheet 6: V = mean(100, 66.7, 66.7) = 77.8 ; D = 11.1 ; position 83.3.
    # Sheet 5 answered one item of six: left out. Five kept.
    assert first.n == 5
    positions = [100 / 9, 800 / 9, 125 / 9, 800 / 9, 250 / 3]
    assert first.position == pytest.approx(sum(positions) / 5)
    assert first.vitality == pytest.approx((100 / 9 + 800 / 9 + 50 / 3 + 800 / 9 + 700 / 9) / 5)
    assert first.distribution == (2, 0, 0, 0, 3)
    fourth = store.barometer.measured(demarche_id).indicators[3]
    # Indicator 4: every item at `rest`; position = agreement of V = (rest − 1) × 100 / 3 … / 2.
    assert fourth.n == 6
    assert fourth.vitality == pytest.approx(sum((r - 1) * 100 / 3 for *_, r in SHEETS) / 6)


@pytest.fixture
def every_group_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """Segments of any size shown apart: these tests read the order and the sums of a few
    hand-typed sheets, not the privacy rule (tested in test_small_segments)."""
    monkeypatch.setattr(privacy, "MIN_GROUP_SIZE", 1)


def segment_labels(measured: MeasuredBarometer) -> list[tuple[str, str, int]]:
    return [(s.value, s.label, s.sheets) for s in measured.segments]


@pytest.mark.usefixtures("every_group_shown")
def test_by_commune(store: Store, demarche_id: str, typed: list[Sheet]) -> None:
    measured = store.barometer.measured(demarche_id, "commune")
    assert measured.segment is not None
    assert measured.segment.label == "Commune de résidence"
    # The démarche's order of communes, blanks last.
    assert segment_labels(measured) == [
        ("Lagrasse", "Lagrasse", 2),
        ("Fabrezan", "Fabrezan", 2),
        ("Ribaute", "Ribaute", 1),
        ("", "non renseigné", 1),
    ]
    items = store.responses.form(demarche_id).scoring()
    expected = by_segment(typed, items, lambda sheet: sheet.profile.get("commune", ""))
    assert {s.label: s.indicators for s in measured.segments} == expected
    ribaute = measured.segments[2].indicators[0]
    assert ribaute.n == 0
    assert ribaute.position is None
    assert measured.indicators == store.barometer.measured(demarche_id).indicators


@pytest.mark.usefixtures("every_group_shown")
def test_by_age_band_in_the_questionnaire_order(
    store: Store, demarche_id: str, typed: list[Sheet]
) -> None:
    measured = store.barometer.measured(demarche_id, "age")
    assert segment_labels(measured) == [
        ("25-39", "25 à 39 ans", 1),
        ("40-59", "40 à 59 ans", 3),
        ("75-plus", "75 ans et plus", 2),
    ]
    (older,) = (s for s in measured.segments if s.value == "75-plus")
    items = store.responses.form(demarche_id).scoring()
    assert older.indicators == barometer([typed[0], typed[2]], items)


def test_segments_offered_and_unknown_segment_refused(
    store: Store, demarche_id: str, typed: list[Sheet]
) -> None:
    codes = [(s.code, s.label) for s in store.barometer.segments(demarche_id)]
    assert codes[:2] == [("commune", "Commune de résidence"), ("age", "Tranche d'âge")]
    with pytest.raises(InvalidInput, match="Segment inconnu : « college »"):
        store.barometer.measured(demarche_id, "college")


def test_removed_sheets_do_not_count(store: Store, demarche_id: str, typed: list[Sheet]) -> None:
    (first,) = [s for s in store.responses.all(demarche_id) if s.sheet_number == 1]
    store.responses.remove(first.id)
    measured = store.barometer.measured(demarche_id)
    items = store.responses.form(demarche_id).scoring()
    assert measured.sheets == 5
    assert measured.indicators == barometer(typed[1:], items)


def test_an_empty_demarche_has_an_empty_barometer(store: Store, demarche_id: str) -> None:
    measured = store.barometer.measured(demarche_id, "age")
    assert measured.sheets == 0
    assert [i.n for i in measured.indicators] == [0, 0, 0, 0]
    assert measured.segments == []


def test_sheets_of_a_definition_that_scores_differently_are_left_out(
    store: Store, demarche_id: str, typed: list[Sheet]
) -> None:
    # Same items, new wording: pooled. One item fewer: scored differently, left out.
    reworded = copy.deepcopy(default_definition())
    reworded["version"] = "1.1"
    reworded["title"] = "Questionnaire de sociabilité (relu)"
    store.questionnaires.register(reworded)
    store.questionnaires.choose(demarche_id, "sociabilite", "1.1")
    assert store.barometer.measured(demarche_id).left_out == 0
    shorter = copy.deepcopy(default_definition())
    shorter["version"] = "2.0"
    shorter["items"] = shorter["items"][:-1]
    store.questionnaires.register(shorter)
    store.questionnaires.choose(demarche_id, "sociabilite", "2.0")
    store.responses.save_sheet(demarche_id, SheetDraft(7, {}, {"I1_V1": 4, "I1_D1": 1}))
    measured = store.barometer.measured(demarche_id)
    assert (measured.questionnaire, measured.sheets, measured.left_out) == ("sociabilite 2.0", 1, 6)


# ---------------------------------------------------------------- the demo


def position(indicators: list[IndicatorBarometer], number: int) -> float:
    value = indicators[number - 1].position
    assert value is not None
    return value


@pytest.mark.parametrize(
    ("size", "sheets"),
    [
        pytest.param("small", 80, marks=pytest.mark.demo("small")),
        pytest.param("large", 300, marks=pytest.mark.demo("large")),
    ],
)
@pytest.mark.usefixtures("every_group_shown")
def test_the_demo_barometer_tells_a_story(store: Store, size: str, sheets: int) -> None:
    demarche_id = create_demo(store, size).demarche_id  # type: ignore[arg-type]
    assert store.responses.count(demarche_id) == sheets
    whole = store.barometer.measured(demarche_id)
    assert whole.sheets == sheets
    assert all(i.n > sheets * 0.8 for i in whole.indicators)
    ages = {s.value: s for s in store.barometer.measured(demarche_id, "age").segments}
    # Isolation (indicator 1) and dependence (3) weigh more on the over-75s.
    for number in (1, 3):
        assert position(ages["75-plus"].indicators, number) < position(whole.indicators, number) - 8
    communes = {s.value: s for s in store.barometer.measured(demarche_id, "commune").segments}
    # The bourg-centre is less isolated, and nearer to services, than the far hamlets.
    bourg = communes["Pradelle-sur-Lambrenne"].indicators
    far = [communes[name].indicators for name in ("Saint-Julien-des-Combes", "Roquefrède")]
    assert all(position(f, 1) < position(bourg, 1) for f in far)
    assert all(position(f, 2) < position(bourg, 2) for f in far)
    # Initiative (indicator 4) is higher where associations are active.
    lively = position(communes["Fontclaire"].indicators, 4)
    assert lively > position(communes["Saint-Julien-des-Combes"].indicators, 4) + 10
    modes = {record.mode.value for record in store.responses.all(demarche_id)}
    assert modes == {"papier", "import"}
