"""Démarche names: unique in a base whatever the case, accents or spaces; rename; finding one."""

from __future__ import annotations

import pytest

from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.bulk import unfinished_key
from vitalite_tui.store.preparation.demarches import UNFINISHED_SUFFIX


def test_a_name_differing_only_by_case_accents_or_spaces_is_refused(store: Store) -> None:
    store.demarches.create("CC des Trois Vallées", "Lagrasse")
    for twin in ("cc des trois vallées", "CC des Trois Vallees", "  CC des  Trois   VALLÉES "):
        with pytest.raises(InvalidInput, match="« CC des Trois Vallées »"):
            store.demarches.create(twin, "Fabrezan")
    assert [d.territory for d in store.demarches.all()] == ["CC des Trois Vallées"]


def test_a_removed_demarche_frees_its_name(store: Store) -> None:
    first = store.demarches.create("CC Alpha", "Lagrasse")
    store.demarches.remove(first)
    second = store.demarches.create("cc alpha", "Lagrasse")
    assert store.demarches.get(second).territory == "cc alpha"


def test_rename_follows_the_same_rule(store: Store) -> None:
    alpha = store.demarches.create("CC Alpha", "Lagrasse")
    beta = store.demarches.create("CC Bêta", "Lagrasse")
    with pytest.raises(InvalidInput, match="« CC Bêta »"):
        store.demarches.rename(alpha, "cc beta")
    assert store.demarches.get(alpha).territory == "CC Alpha"
    store.demarches.rename(beta, "CC  BÊTA")  # its own name, written otherwise: allowed
    assert store.demarches.get(beta).territory == "CC BÊTA"
    store.demarches.rename(alpha, " CC Alpha et Orbieu ")
    assert store.demarches.get(alpha).territory == "CC Alpha et Orbieu"
    with pytest.raises(InvalidInput, match="Territoire"):
        store.demarches.rename(alpha, "   ")


def test_matching_by_id_whole_name_then_part(store: Store) -> None:
    alpha = store.demarches.create("CC Alpha", "Lagrasse")
    south = store.demarches.create("CC Alpha Sud", "Lagrasse")
    lambrenne = store.demarches.create("Pays de Lambrenne", "Lagrasse")
    assert [d.id for d in store.demarches.matching(lambrenne[:6])] == [lambrenne]
    assert [d.id for d in store.demarches.matching("cc  ALPHA")] == [alpha]
    assert [d.id for d in store.demarches.matching("lambrène")] == []
    assert [d.id for d in store.demarches.matching("lambrenne")] == [lambrenne]
    assert {d.id for d in store.demarches.matching("alph")} == {alpha, south}
    assert store.demarches.find("alph") is None
    assert store.demarches.find("sud") == south
    assert store.demarches.matching("   ") == []


def test_the_suffix_of_an_unfinished_demo_is_the_one_bulk_writes() -> None:
    assert unfinished_key("demo-small-1").endswith(UNFINISHED_SUFFIX)
