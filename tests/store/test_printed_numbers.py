"""Printed sheet numbers travel with the démarche: a merge keeps the runs of both laptops."""

from __future__ import annotations

from support.bundles import Laptops


def test_a_merge_keeps_the_numbers_printed_on_both_laptops(laptops: Laptops) -> None:
    store = laptops.open("a")
    demarche_id = store.demarches.create("CC du Val", "Lagrasse")
    laptops.copy("a", "b")
    laptops.open("a").printed_numbers.reserve(demarche_id, 10)
    # Laptop b prints later, unaware of a's run, and renames the démarche: its row wins.
    b = laptops.open("b")
    b.printed_numbers.reserve(demarche_id, 5, first=11)
    b.demarches.rename(demarche_id, "CC du Val d'Orbieu")
    from_b = laptops.write("b", demarche_id)
    laptops.read("a", from_b)
    a = laptops.open("a")
    assert a.demarches.get(demarche_id).territory == "CC du Val d'Orbieu"
    assert a.printed_numbers.ranges(demarche_id) == [(1, 10), (11, 15)]
    assert a.printed_numbers.next_free(demarche_id) == 16
    # And back: b learns of a's run too.
    from_a = laptops.write("a", demarche_id)
    laptops.read("b", from_a)
    assert laptops.open("b").printed_numbers.ranges(demarche_id) == [(1, 10), (11, 15)]
