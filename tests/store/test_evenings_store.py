"""Extra evenings in the store: « Atelier 2 bis » added, listed, and each query per evening."""

from __future__ import annotations

from datetime import date, time

import pytest
from support.tui import register

from vitalite_tui.domain.workshops import AgendaItem
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import WorkshopPlan


def names(entries: list[object]) -> set[str]:
    return {e.participant.display_name for e in entries}  # type: ignore[attr-defined]


def test_an_extra_evening_copies_the_plan_and_agenda_and_keeps_its_own_date(
    store: Store, demarche_id: str
) -> None:
    store.planning.save(
        demarche_id, WorkshopPlan(2, date(2026, 10, 15), time(18, 0), time(20, 30), "Mairie")
    )
    store.workshops.save_agenda(demarche_id, 2, [AgendaItem("Tour unique", 90, plenary=False)])
    bis = store.workshops.add_evening(demarche_id, 2, date(2026, 10, 22))
    assert (bis.number, bis.session, bis.label) == (2, 2, "Atelier 2 bis")
    assert (bis.date, bis.start_time, bis.end_time, bis.place) == (
        date(2026, 10, 22),
        time(18, 0),
        time(20, 30),
        "Mairie",
    )
    assert [s.label for s in bis.agenda] == ["Tour unique"]
    ter = store.workshops.add_evening(demarche_id, 2, None, "Salle des fêtes", start=time(19, 0))
    assert (ter.label, ter.place, ter.start_time) == ("Atelier 2 ter", "Salle des fêtes", time(19))
    with pytest.raises(InvalidInput, match="c'est le maximum"):
        store.workshops.add_evening(demarche_id, 2)
    assert [e.label for e in store.workshops.extra_evenings(demarche_id)] == [
        "Atelier 2 bis",
        "Atelier 2 ter",
    ]
    # The planned evening stays the default of every query, with extra ones stored.
    planned = store.workshops.get(demarche_id, 2)
    assert (planned.session, planned.date, planned.label) == (1, date(2026, 10, 15), "Atelier 2")
    assert store.workshops.get(demarche_id, 2, 2).id == bis.id
    # Its own agenda from now on: the planned one is not changed by it.
    store.workshops.save_agenda(demarche_id, 2, [AgendaItem("Autre", 30, True)], session=2)
    assert [s.label for s in store.workshops.get(demarche_id, 2).agenda] == ["Tour unique"]
    with pytest.raises(NotFound, match="atelier 3 bis n'a pas été ajouté"):
        store.workshops.get(demarche_id, 3, 2)
    # The démarche's steps say the planned evenings' dates and places, not an extra one's.
    steps = store.demarches.steps(demarche_id)
    assert steps[4].detail.endswith("Mairie")
    assert "1 atelier planifié" in steps[1].detail


def test_attendance_subgroups_and_notes_are_per_evening(store: Store, demarche_id: str) -> None:
    ids = register(store, demarche_id)
    everyone = list(ids.values())
    store.workshops.set_present_many(demarche_id, 1, everyone[:4], True)
    store.workshops.set_present_many(demarche_id, 2, everyone[:3], True)
    store.workshops.add_evening(demarche_id, 2, date(2026, 10, 22))
    store.workshops.add_evening(demarche_id, 1, date(2026, 10, 1))

    # Nobody is at the extra evening yet; the planned one keeps its people.
    assert store.workshops.present(demarche_id, 2, session=2) == []
    assert len(store.workshops.present(demarche_id, 2)) == 3
    # « Idem » at 2 bis copies the evening before it in the method's order: Atelier 2.
    assert store.workshops.previous(demarche_id, 2, 2) == (2, 1)
    assert store.workshops.previous(demarche_id, 3) == (2, 2)
    assert store.workshops.previous(demarche_id, 2) == (1, 2)
    assert store.workshops.previous(demarche_id, 1) is None
    todo = store.workshops.not_yet_present(demarche_id, 2, came_to=(2, 1), session=2)
    assert {p.id for p in todo} == set(everyone[:3])

    store.workshops.set_present(demarche_id, 2, ids["Denis Durand"], True, session=2)
    store.workshops.set_present(demarche_id, 2, ids["Fatou Faure"], True, session=2)
    # Denis came to Atelier 1: not a newcomer at 2 bis; Fatou never came: a newcomer.
    new = {
        e.participant.display_name: e.newcomer for e in store.workshops.present(demarche_id, 2, 2)
    }
    assert new == {"Denis Durand": False, "Fatou Faure": True}
    # At Atelier 3, Fatou came before (at 2 bis): not a newcomer there.
    store.workshops.set_present(demarche_id, 3, ids["Fatou Faure"], True)
    assert not store.workshops.present(demarche_id, 3)[0].newcomer
    assert store.workshops.attendance_counts(demarche_id, 2, 2).total == 2

    groups = store.subgroups.form(demarche_id, 2, 1, session=2)
    assert {p.display_name for p in groups[0].members} == {"Denis Durand", "Fatou Faure"}
    assert store.subgroups.all(demarche_id, 2) == []
    assert [g.id for g in store.subgroups.all(demarche_id, 2, 2)] == [groups[0].id]
    assert store.subgroups.unassigned(demarche_id, 2, 2) == []
    assert store.capture.workshop_of(groups[0].id).label == "Atelier 2 bis"

    rnd = store.capture.start_round(groups[0].id, "Question du soir")
    store.capture.save_note(rnd.id, ids["Fatou Faure"], "Une idée du rattrapage")
    assert [n.text for n in store.capture.workshop_notes(demarche_id, 2, 2)] == [
        "Une idée du rattrapage"
    ]
    assert store.capture.workshop_notes(demarche_id, 2) == []
    assert [n.text for n in store.capture.wall_notes(demarche_id, 2, session=2)] == [
        "Une idée du rattrapage"
    ]
    assert store.capture.workshop_balance(demarche_id, 2, 2).person(ids["Fatou Faure"]).notes == 1

    # The recap of Atelier 3 is the one of the evening just before it: 2 bis.
    recap = store.workshops.recap(demarche_id, 3)
    assert recap is not None
    assert recap.workshop.label == "Atelier 2 bis"
    assert recap.notes == 1
    store.workshops.save_recap(demarche_id, 2, "Retenu au rattrapage", session=2)
    assert store.workshops.get(demarche_id, 2, 2).recap == "Retenu au rattrapage"
    assert store.workshops.get(demarche_id, 2).recap == ""
    bis_recap = store.workshops.recap(demarche_id, 2, session=2)
    assert bis_recap is not None
    assert bis_recap.workshop.label == "Atelier 2"


def test_the_debrief_of_atelier_1_files_the_notes_of_its_extra_evening_too(
    store: Store, demarche_id: str
) -> None:
    ids = list(register(store, demarche_id).values())
    store.workshops.add_evening(demarche_id, 1)
    texts = []
    for session in (1, 2):
        store.workshops.set_present_many(demarche_id, 1, ids, True, session=session)
        (group,) = store.subgroups.form(demarche_id, 1, 1, session=session)
        rnd = store.capture.start_round(group.id, "Où vous retrouvez-vous ?")
        texts.append(store.capture.save_note(rnd.id, ids[0], f"Séance {session}").text)
    assert [n.note.text for n in store.axes.notes(demarche_id)] == texts
    assert [n.text for n in store.capture.workshop_notes(demarche_id, 1, None)] == texts
