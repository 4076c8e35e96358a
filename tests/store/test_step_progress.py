"""What the store reads of a step before it is marked finished."""

from __future__ import annotations

from datetime import date

from vitalite_tui.domain.steps import Decision
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.demarche_records import Step1Record
from vitalite_tui.store.preparation.records import WorkshopPlan


def test_what_steps_1_2_and_a_workshop_still_lack(store: Store, demarche_id: str) -> None:
    assert store.steps.missing(demarche_id, 1) == [
        "la date de présentation aux élus",
        "la décision du conseil communautaire (en attente)",
    ]
    store.steps.save_step1(
        demarche_id,
        Step1Record(date(2026, 2, 3), None, "", Decision.ADOPTED, ""),
    )
    assert store.steps.missing(demarche_id, 1) == []

    items = store.logistics.all(demarche_id)
    for item in items[:3]:
        store.logistics.toggle(item.id)
    store.logistics.remove(items[-1].id)  # a removed item is not waited for
    store.planning.save(demarche_id, WorkshopPlan(1, date(2026, 10, 1)))
    assert store.steps.missing(demarche_id, 2) == [
        "aucun membre du comité de pilotage",
        f"logistique : 3 sur {len(items) - 1} cochés",
        "ateliers 2, 3 et 4 sans date",
    ]
    assert store.steps.missing(demarche_id, 3) == ["aucun questionnaire saisi"]
    assert store.steps.missing(demarche_id, 4) == []
    assert store.steps.missing(demarche_id, 5) == ["atelier 2 sans date"]
