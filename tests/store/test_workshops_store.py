"""Workshops in the store: agenda, attendance and newcomers, the 50 cap, the recap."""

from __future__ import annotations

from datetime import time

import pytest

from vitalite_tui.db.models import Attendance, Participant
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.domain.workshops import DEFAULT_AGENDA, AgendaItem, default_agenda
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft, WorkshopPlan
from vitalite_tui.store.workshops.workshop import Workshops


def add_people(store: Store, demarche_id: str, count: int, start: int = 0) -> list[str]:
    colleges = list(College)
    return [
        store.participants.add(
            demarche_id,
            ParticipantDraft(f"Personne {i:02d}", colleges[i % 3], ("Lagrasse", "Ribaute")[i % 2]),
        )
        for i in range(start, start + count)
    ]


def tick(store: Store, demarche_id: str, number: int, ids: list[str]) -> None:
    for participant_id in ids:
        store.workshops.set_present(demarche_id, number, participant_id, True)


# ---------------------------------------------------------------- agenda


def test_the_agenda_is_the_methods_evening_with_clock_times(store: Store, demarche_id: str) -> None:
    workshop = store.workshops.get(demarche_id, 1)
    assert workshop.number == 1
    assert workshop.title.startswith("Le baromètre")
    assert [(s.label, s.minutes, s.plenary) for s in workshop.agenda] == [
        (i.label, i.minutes, i.plenary) for i in default_agenda(1)
    ]
    assert "précédent" not in workshop.agenda[0].label
    assert [s.label for s in store.workshops.get(demarche_id, 2).agenda] == [
        i.label for i in DEFAULT_AGENDA
    ]
    assert workshop.agenda[0].start == time(18, 30)
    assert workshop.agenda[2].start == time(18, 55)  # 15 + 10 minutes later
    assert workshop.agenda[-1].end == time(21, 0)
    assert workshop.total_minutes == 150
    with pytest.raises(NotFound, match="Atelier 5"):
        store.workshops.get(demarche_id, 5)


def test_an_edited_agenda_is_saved_and_warns_when_it_overruns(
    store: Store, demarche_id: str
) -> None:
    items = [
        AgendaItem("  Accueil ", 20, plenary=True),
        AgendaItem("Tours d'expression", 90, plenary=False),
        AgendaItem("Pause dînatoire", 30, plenary=True),
        AgendaItem("Restitution", 30, plenary=True),
    ]
    warnings = store.workshops.save_agenda(demarche_id, 2, items)
    assert warnings == ["L'ordre du jour finit à 21h20, après la fin prévue (21h00)."]
    agenda = store.workshops.get(demarche_id, 2).agenda
    assert [s.label for s in agenda] == [
        "Accueil",
        "Tours d'expression",
        "Pause dînatoire",
        "Restitution",
    ]
    assert [s.start for s in agenda] == [time(18, 30), time(18, 50), time(20, 20), time(20, 50)]
    assert store.workshops.save_agenda(demarche_id, 2, items[:3]) == []
    # Other workshops keep their own agenda.
    assert store.workshops.get(demarche_id, 1).total_minutes == 150


def test_a_bad_agenda_is_refused_in_french_and_nothing_changes(
    store: Store, demarche_id: str
) -> None:
    before = store.workshops.get(demarche_id, 1)
    with pytest.raises(InvalidInput, match="au moins une séquence"):
        store.workshops.save_agenda(demarche_id, 1, [])
    with pytest.raises(InvalidInput, match="Séquence : ce champ est obligatoire"):
        store.workshops.save_agenda(demarche_id, 1, [AgendaItem(" ", 10, True)])
    with pytest.raises(InvalidInput, match="de 1 à 240 minutes"):
        store.workshops.save_agenda(demarche_id, 1, [AgendaItem("Accueil", 0, True)])
    assert store.workshops.get(demarche_id, 1) == before


def test_without_a_start_time_the_agenda_has_no_clock(store: Store, demarche_id: str) -> None:
    store.planning.save(demarche_id, WorkshopPlan(3, None, None, None, "Salle des fêtes"))
    workshop = store.workshops.get(demarche_id, 3)
    assert workshop.place == "Salle des fêtes"
    assert all(s.start is None and s.end is None for s in workshop.agenda)
    assert store.workshops.agenda_warnings(demarche_id, 3) == []


# ---------------------------------------------------------------- attendance


def test_attendance_lists_the_registry_and_ticks(store: Store, demarche_id: str) -> None:
    ids = add_people(store, demarche_id, 5)
    entry = store.workshops.set_present(demarche_id, 1, ids[1], True)
    assert (entry.participant.id, entry.present, entry.newcomer) == (ids[1], True, False)
    store.workshops.set_present(demarche_id, 1, ids[3], True)
    store.workshops.set_present(demarche_id, 1, ids[3], True)  # twice: still once
    rows = store.workshops.attendance(demarche_id, 1)
    assert [r.participant.id for r in rows] == ids  # the whole registry, in name order
    assert [r.present for r in rows] == [False, True, False, True, False]
    assert [r.participant.id for r in store.workshops.present(demarche_id, 1)] == [ids[1], ids[3]]
    filtered = store.workshops.attendance(demarche_id, 1, "03 ribaute")
    assert [(r.participant.id, r.present) for r in filtered] == [(ids[3], True)]
    store.workshops.set_present(demarche_id, 1, ids[3], False)
    store.workshops.set_present(demarche_id, 1, ids[3], True)  # the row comes back to life
    assert Attendance.select().count() == 2
    assert store.workshops.attendance_counts(demarche_id, 1).total == 2
    assert store.steps.status(demarche_id, 4) is StepStatus.IN_PROGRESS


def test_someone_of_another_demarche_cannot_be_ticked(store: Store, demarche_id: str) -> None:
    other = store.demarches.create("CC Voisine", "Tuchan")
    (stranger,) = add_people(store, other, 1)
    with pytest.raises(NotFound, match="n'appartient pas"):
        store.workshops.set_present(demarche_id, 1, stranger, True)
    with pytest.raises(NotFound):
        store.workshops.set_present(demarche_id, 1, "pas-un-identifiant", True)


def test_newcomers_are_those_who_did_not_come_before(store: Store, demarche_id: str) -> None:
    regular, late = add_people(store, demarche_id, 2)
    tick(store, demarche_id, 1, [regular])
    assert store.workshops.present(demarche_id, 1)[0].newcomer is False  # all new at the start
    tick(store, demarche_id, 2, [regular, late])
    marks = {e.participant.id: e.newcomer for e in store.workshops.present(demarche_id, 2)}
    assert marks == {regular: False, late: True}


def test_a_newcomer_is_registered_and_ticked_in_one_step(store: Store, demarche_id: str) -> None:
    draft = ParticipantDraft("  Lucette Bonnet ", College.HABITANT, "Ribaute")
    participant_id = store.workshops.add_newcomer(demarche_id, 2, draft)
    person = store.participants.get(participant_id)
    assert (person.display_name, person.college, person.commune) == (
        "Lucette Bonnet",
        College.HABITANT,
        "Ribaute",
    )
    (entry,) = store.workshops.present(demarche_id, 2)
    assert (entry.participant.id, entry.present, entry.newcomer) == (participant_id, True, True)
    assert store.workshops.attendance_counts(demarche_id, 2).habitant == 1
    with pytest.raises(InvalidInput, match="Nom"):
        store.workshops.add_newcomer(demarche_id, 2, ParticipantDraft(" ", College.ELU))
    assert Participant.select().count() == 1


def test_a_newcomer_is_not_left_half_saved(
    store: Store, demarche_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> Attendance:
        raise InvalidInput("refusé")

    monkeypatch.setattr(Workshops, "_mark", staticmethod(refuse))
    with pytest.raises(InvalidInput, match="refusé"):
        store.workshops.add_newcomer(demarche_id, 1, ParticipantDraft("Denis", College.HABITANT))
    assert store.participants.all(demarche_id) == []


def test_counts_by_college_and_the_fifty_cap(store: Store, demarche_id: str) -> None:
    ids = add_people(store, demarche_id, 51)
    tick(store, demarche_id, 1, ids[:50])
    counts = store.workshops.attendance_counts(demarche_id, 1)
    assert (counts.elu, counts.acteur, counts.habitant) == (17, 17, 16)
    assert counts.warnings() == []
    tick(store, demarche_id, 1, ids[50:])
    warnings = store.workshops.attendance_counts(demarche_id, 1).warnings()
    assert warnings == ["51 personnes : au-delà des 50 participants prévus par la démarche."]
    # A participant removed from the registry no longer counts.
    store.participants.remove(ids[0])
    assert store.workshops.attendance_counts(demarche_id, 1).total == 50


# ---------------------------------------------------------------- recap


def test_workshop_one_has_nothing_to_recap(store: Store, demarche_id: str) -> None:
    assert store.workshops.recap(demarche_id, 1) is None


def test_recap_of_workshop_two_counts_what_workshop_one_did(store: Store, demarche_id: str) -> None:
    ids = add_people(store, demarche_id, 12)
    tick(store, demarche_id, 1, ids[:10])
    store.workshops.add_newcomer(demarche_id, 1, ParticipantDraft("Karim", College.ACTEUR))
    groups = store.subgroups.form(demarche_id, 1, count=2)
    capture = store.capture
    first = capture.start_round(groups[0].id, "Où vous retrouvez-vous ?")
    speakers = [m.id for m in groups[0].members]
    texts = ["Le marché du jeudi.", "Le club de foot.", "Plus rien l'hiver.", "La fête du village."]
    for i, text in enumerate(texts):
        capture.save_note(first.id, speakers[i % 2], text, NoteKind.CONSTAT, 1, Pole.VITALITY)
    capture.save_note(first.id, None, "Le bus ne passe plus.", NoteKind.CONSTAT, 1, Pole.DEPRESSION)
    second = capture.start_round(groups[0].id, "Et l'hiver ?")
    capture.save_note(second.id, speakers[2], "Une image : la place vide.", NoteKind.IMAGE)
    undone = capture.save_note(second.id, speakers[2], "Note annulée.")
    capture.undo_last(second.id)
    other = capture.start_round(groups[1].id, "Qui vous aide ?")
    capture.save_note(other.id, groups[1].members[0].id, "Les voisins.", None, 3, Pole.VITALITY)
    store.workshops.save_recap(demarche_id, 1, "Le lien passe par les associations.\nÀ suivre.")
    # Workshop 2's own data does not leak into its recap.
    tick(store, demarche_id, 2, ids[:3])

    recap = store.workshops.recap(demarche_id, 2)
    assert recap is not None
    assert recap.workshop.number == 1
    assert recap.workshop.recap == "Le lien passe par les associations.\nÀ suivre."
    assert recap.present.total == 11
    assert recap.newcomers == 1
    assert recap.rounds == 3
    assert recap.notes == 7
    assert [(t.indicator, t.pole, t.count) for t in recap.notes_by_tag] == [
        (1, Pole.VITALITY, 4),
        (1, Pole.DEPRESSION, 1),
        (3, Pole.VITALITY, 1),
        (None, None, 1),
    ]
    assert recap.count(1) == 5
    assert recap.count(1, Pole.DEPRESSION) == 1
    assert [(g.name, g.members, g.rounds, g.notes) for g in recap.subgroups] == [
        ("Sous-groupe 1", len(groups[0].members), 2, 6),
        ("Sous-groupe 2", len(groups[1].members), 1, 1),
    ]
    assert [n.text for n in recap.subgroups[0].first_notes] == texts[:3]
    assert recap.subgroups[0].first_notes[0].tag == "I1+"
    assert undone.text not in [n.text for g in recap.subgroups for n in g.first_notes]
    longer = store.workshops.recap(demarche_id, 2, notes_per_group=10)
    assert longer is not None
    assert len(longer.subgroups[0].first_notes) == 6


def test_recap_text_is_limited(store: Store, demarche_id: str) -> None:
    with pytest.raises(InvalidInput, match="au plus 5000"):
        store.workshops.save_recap(demarche_id, 1, "x" * 5001)
    assert store.workshops.get(demarche_id, 1).recap == ""
