"""Snapshots of key screens at 80x24, from fixed data (nothing depends on today's date)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft, Step1Record, WorkshopPlan
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


def test_capture_screen(
    snap_compare: SnapCompare, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The capture screen in a round, its clock and note times frozen (as if UTC were local)."""
    from datetime import datetime

    from textual.pilot import Pilot

    from vitalite_tui.db.models import Note, Round
    from vitalite_tui.domain.indicators import Pole
    from vitalite_tui.store.base import as_uuid
    from vitalite_tui.tui.screens.workshops.capture import CaptureScreen
    from vitalite_tui.tui.widgets import round_timer

    demarche_id = store.demarches.create("CC du Val d'Orbieu", COMMUNES)
    people = {
        name: store.participants.add(demarche_id, ParticipantDraft(name, college))
        for name, college in (
            ("Martine", College.HABITANT),
            ("Jean-Paul", College.ELU),
            ("Sophie", College.ACTEUR),
            ("Karim", College.ACTEUR),
            ("Lucette", College.HABITANT),
            ("Denis", College.HABITANT),
        )
    }
    for person in people.values():
        store.workshops.set_present(demarche_id, 1, person, True)
    (group,) = store.subgroups.form(demarche_id, 1, count=1)
    store.subgroups.reorder(group.id, list(people.values()))
    store.capture.start_round(group.id, "Qu'est-ce qui fait vivre vos villages ?", 20)
    rnd = store.capture.start_round(
        group.id, "Où vous retrouvez-vous avec d'autres habitants ?", 25
    )
    said = [
        ("Martine", "Le marché du jeudi, mais plus rien l'hiver.", 1, Pole.VITALITY),
        ("Karim", "Le club de foot fait le lien entre les villages.", 1, Pole.VITALITY),
        ("Jean-Paul", "Les jeunes partent dès qu'ils ont le permis.", 2, Pole.DEPRESSION),
    ]
    for minute, (name, text, indicator, pole) in enumerate(said, start=2):
        if name == "Jean-Paul":
            store.capture.record_pass(rnd.id, people["Denis"])
        note = store.capture.save_note(rnd.id, people[name], text, None, indicator, pole)
        Note.update(created_at=datetime(2026, 10, 15, 19, minute)).where(
            Note.id == as_uuid(note.id)
        ).execute()
    Round.update(started_at=datetime(2026, 10, 15, 18, 50)).where(
        Round.id == as_uuid(rnd.id)
    ).execute()
    monkeypatch.setattr(round_timer, "utc_now", lambda: datetime(2026, 10, 15, 19, 2, 40))
    monkeypatch.setattr(round_timer, "local_time", lambda moment: moment)

    async def open_capture(pilot: Pilot[None]) -> None:
        screen = CaptureScreen(group.id)
        await pilot.app.push_screen(screen)
        await pilot.pause()
        screen.input.cursor_blink = False
        await pilot.press("f8", "f8", *"Le café a fermé en 2019")
        await pilot.pause()

    app = VitaliteApp(store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_capture)
