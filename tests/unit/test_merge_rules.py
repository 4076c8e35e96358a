"""The merge's pure rules: who keeps a code, who takes which new one, who is one person twice."""

from __future__ import annotations

import itertools
import random

from vitalite_tui.domain.merge import (
    Holder,
    exported_in,
    exported_union,
    probable_duplicates,
    settle_codes,
    with_exported,
)

AT = "2026-12-07 20:{:02d}:00"


def people(*specs: tuple[str, int, int, bool]) -> list[Holder]:
    """These holders, after P001–P006 registered at the hub before the evening."""
    hub = [Holder(f"p{n}", n, AT.format(0), False) for n in range(1, 7)]
    return hub + [
        Holder(key, number, AT.format(minute), settled) for key, number, minute, settled in specs
    ]


def test_the_person_registered_first_keeps_the_code_the_others_take_free_ones() -> None:
    holders = people(("b", 7, 2, False), ("a", 7, 1, False), ("c", 7, 3, False), ("d", 8, 4, False))
    assert settle_codes(holders, {}) == {"b": 9, "c": 10}


def test_the_same_codes_whatever_the_order_and_again() -> None:
    holders = people(("b", 7, 2, False), ("a", 7, 1, False), ("c", 7, 3, False))
    expected = settle_codes(holders, {})
    assert expected == {"b": 8, "c": 9}
    # Every order of the three newcomers, each among the hub's people in many orders (all
    # 9! orders would take seconds and say no more).
    shuffled = random.Random(0)
    for newcomers in itertools.permutations(holders[6:]):
        for _ in range(50):
            order = [*holders[:6], *newcomers]
            shuffled.shuffle(order)
            assert settle_codes(order, {}) == expected
    settled = [
        Holder(h.id, expected.get(h.id, h.number), h.created_at, h.id in expected) for h in holders
    ]
    assert settle_codes(settled, {}) == {}


def test_an_exported_code_stays_its_persons_and_is_never_given_again() -> None:
    holders = people(("a", 7, 1, False), ("b", 7, 2, False), ("c", 9, 3, True))
    # 7 was exported for b, 8 for someone not here: a, then c (numbered by the rule and not
    # exported), take the next free codes in the order they were registered.
    assert settle_codes(holders, {7: ("b",), 8: ("gone",)}) == {"a": 9, "c": 10}
    assert settle_codes(holders, {7: ("b",), 9: ("c",)}) == {"a": 8}
    # A code given by the rule, not exported, is given again from the smallest free one.
    assert settle_codes(people(("a", 7, 1, False), ("c", 12, 3, True)), {}) == {"c": 8}


def test_a_code_a_bundle_carried_stays_its_persons_after_an_exported_one() -> None:
    # b's P007 left its laptop in a bundle, a's did not: a moves although registered first;
    # c, renumbered P009 by the rule then carried so, keeps it (the code others have seen).
    holders = people(("a", 7, 1, False), ("b", 7, 2, False), ("c", 9, 3, True))
    assert settle_codes(holders, {}, {7: ("b",), 9: ("c",)}) == {"a": 8}
    # An exported code still wins over a carried one; a carried code is never given again.
    assert settle_codes(holders, {7: ("a",)}, {7: ("b",), 8: ("gone",)}) == {"b": 9, "c": 10}


def test_the_record_of_exported_codes_only_grows_and_survives_settings() -> None:
    assert exported_union({7: ["b"]}, {7: ["a"], 8: ["c"]}) == {7: ("a", "b"), 8: ("c",)}
    settings = with_exported({"other": 1}, {7: ("a",)})
    assert settings == {"other": 1, "exported_codes": {"7": ["a"]}}
    assert exported_in(settings) == {7: ("a",)}
    assert exported_in({"exported_codes": "broken"}) == {}
    assert with_exported({"other": 1}, {}) == {"other": 1}


def test_probable_duplicates_fold_case_accents_and_spaces() -> None:
    found = probable_duplicates(
        [
            ("2", "Hélène  Martin", "Lagrasse"),
            ("1", "helene martin", "LAGRASSE"),
            ("3", "Hélène Martin", "Fabrezan"),
        ]
    )
    assert found == [("1", "2")]
