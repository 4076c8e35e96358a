"""Snapshots of key screens at 80x24, from fixed data (nothing depends on today's date)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.store import Store
from vitalite_tui.store.records import ParticipantDraft, Step1Record, WorkshopPlan
from vitalite_tui.tui.app import VitaliteApp

SnapCompare = Callable[..., bool]

COMMUNES = (
    "Lagrasse, Fabrezan, Ribaute, Camplong-d'Aude, Ferrals-les-Corbières, Boutenac, "
    "Montséret, Saint-Laurent-de-la-Cabrerisse, Talairan, Tournissan, Villar-en-Val, Taurize"
)


def fixed_demarche(store: Store) -> str:
    """A démarche half-way through step 2, with an unbalanced collège to show the warning."""
    demarche_id = store.demarches.create("CC du Val d'Orbieu", COMMUNES)
    people = [College.ELU] * 4 + [College.ACTEUR] * 4 + [College.HABITANT] * 2
    for number, college in enumerate(people, start=1):
        store.participants.add(demarche_id, ParticipantDraft(f"Personne {number}", college))
    store.steps.save_step1(
        demarche_id,
        Step1Record(
            presentation_date=date(2026, 3, 3),
            deliberation_date=date(2026, 3, 14),
            deliberation_ref="2026-041",
            decision=Decision.ADOPTED,
        ),
    )
    # DONE stamps today's date, but step 1 shows its deliberation instead: the snapshot holds.
    store.steps.set_status(demarche_id, 1, StepStatus.DONE)
    store.planning.save(
        demarche_id,
        WorkshopPlan(1, date(2026, 10, 15), time(18, 30), time(21, 0), "salle des fêtes"),
    )
    return demarche_id


def test_demarche_screen(snap_compare: SnapCompare, store: Store) -> None:
    app = VitaliteApp(store, demarche_id=fixed_demarche(store))
    assert snap_compare(app, terminal_size=(80, 24))
