"""Ticking many people at once: who is still to tick, one commit, and an exact way back."""

from __future__ import annotations

from support.tui import register

from vitalite_tui.store import Store


def names(store: Store, demarche_id: str, number: int) -> list[str]:
    return [e.participant.display_name for e in store.workshops.present(demarche_id, number)]


def test_same_as_last_time_lists_only_who_came_and_is_not_ticked_yet(
    store: Store, demarche_id: str
) -> None:
    ids = register(store, demarche_id)
    for name in ("Anne Azéma", "Chloé Carrère", "Fatou Faure"):
        store.workshops.set_present(demarche_id, 1, ids[name], True)
    store.workshops.set_present(demarche_id, 2, ids["Chloé Carrère"], True)
    todo = store.workshops.not_yet_present(demarche_id, 2, came_to=(1, 1))
    assert [p.display_name for p in todo] == ["Anne Azéma", "Fatou Faure"]
    everyone = store.workshops.not_yet_present(demarche_id, 2)
    assert len(everyone) == 5


def test_ticking_many_returns_the_changed_ones_and_the_reverse_undoes_exactly(
    store: Store, demarche_id: str
) -> None:
    ids = register(store, demarche_id)
    store.workshops.set_present(demarche_id, 1, ids["Bruno Bastide"], True)
    changed = store.workshops.set_present_many(demarche_id, 1, list(ids.values()), True)
    assert len(changed) == 5
    assert ids["Bruno Bastide"] not in changed
    assert len(names(store, demarche_id, 1)) == 6
    store.workshops.set_present_many(demarche_id, 1, changed, False)
    assert names(store, demarche_id, 1) == ["Bruno Bastide"]
