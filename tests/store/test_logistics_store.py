"""A logistics item's person and due date in the store, and when it counts as late."""

from __future__ import annotations

from datetime import date

import pytest

from vitalite_tui.db.models import LogisticsItem
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store


def test_person_and_due_date_are_kept_and_late_is_read_from_them(
    store: Store, demarche_id: str
) -> None:
    item = store.logistics.add(demarche_id, "Clé de la salle", " Martine ", date(2026, 10, 1))
    row = LogisticsItem.get_by_id(item)
    assert (row.person, row.due_on) == ("Martine", date(2026, 10, 1))
    [record] = [i for i in store.logistics.all(demarche_id) if i.id == item]
    assert record.overdue(date(2026, 10, 2))
    assert not record.overdue(date(2026, 10, 1))  # due today: not late yet
    store.logistics.toggle(item)
    [record] = [i for i in store.logistics.all(demarche_id) if i.id == item]
    assert not record.overdue(date(2027, 1, 1))  # done: never late

    store.logistics.update(item, "Clé de la salle des fêtes", "", None)
    [record] = [i for i in store.logistics.all(demarche_id) if i.id == item]
    assert (record.label, record.person, record.due_on) == ("Clé de la salle des fêtes", "", None)
    with pytest.raises(InvalidInput, match="Élément"):
        store.logistics.update(item, "  ", "Martine", None)


def test_late_logistics_show_on_the_step_list(store: Store, demarche_id: str) -> None:
    def step2() -> str:
        return store.demarches.steps(demarche_id)[1].detail

    assert "retard" not in step2()
    late = store.logistics.add(demarche_id, "Clé de la salle", due_on=date(2020, 2, 3))
    store.logistics.add(demarche_id, "Gommettes", due_on=date(2999, 1, 1))
    assert step2() == "aucun atelier planifié · 1 tâche en retard"
    store.logistics.toggle(late)
    assert "retard" not in step2()
