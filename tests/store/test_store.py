"""The store API: démarches, steps 1–2, the registry. What screens and commands rely on."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time

import pytest

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.steps import Decision, StepStatus
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.demarche_records import Step1Record
from vitalite_tui.store.preparation.records import ParticipantDraft, WorkshopPlan


def test_a_new_demarche_has_seven_steps_four_workshops_and_a_checklist(store: Store) -> None:
    demarche = store.demarches.create("  CC du Val d'Orbieu ", "Lagrasse ; Fabrezan, lagrasse,")
    summary = store.demarches.get(demarche)
    assert summary.territory == "CC du Val d'Orbieu"
    assert summary.communes == ["Lagrasse", "Fabrezan"]
    steps = store.demarches.steps(demarche)
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6, 7]
    assert all(s.status is StepStatus.TODO for s in steps)
    assert steps[3].detail == "date à fixer"
    plans = store.planning.all(demarche)
    assert [p.number for p in plans] == [1, 2, 3, 4]
    assert plans[0].start_time == time(18, 30)
    assert len(store.logistics.all(demarche)) >= 10


def test_demarche_needs_a_territory(store: Store) -> None:
    with pytest.raises(InvalidInput, match="Territoire"):
        store.demarches.create("   ", "Lagrasse")
    assert store.demarches.all() == []


def test_demarches_are_listed_and_found(store: Store) -> None:
    first = store.demarches.create("CC Alpha", "Lagrasse")
    second = store.demarches.create("CC Bêta", "Lagrasse")
    assert {d.id for d in store.demarches.all()} == {first, second}
    assert store.demarches.find("cc bêta") == second
    assert store.demarches.find(first[:8]) == first
    assert store.demarches.find("inconnue") is None
    store.demarches.remove(first)
    assert [d.id for d in store.demarches.all()] == [second]


def test_step1_is_saved_and_summarised(store: Store, demarche_id: str) -> None:
    record = Step1Record(
        presentation_date=date(2026, 2, 3),
        deliberation_date=date(2026, 3, 14),
        deliberation_ref="2026-041",
        decision=Decision.ADOPTED,
        comment="Vote à l'unanimité.",
    )
    store.steps.save_step1(demarche_id, record)
    assert store.steps.step1(demarche_id) == record
    assert store.steps.status(demarche_id, 1) is StepStatus.IN_PROGRESS
    step1 = store.demarches.steps(demarche_id)[0]
    assert step1.detail == "délibération 14/03/26, n° 2026-041"
    store.steps.set_status(demarche_id, 1, StepStatus.DONE)
    view = store.demarches.steps(demarche_id)[0]
    assert view.status is StepStatus.DONE
    assert view.done_on == date.today()
    assert store.demarches.get(demarche_id).steps_done == 1


def test_step1_refuses_a_deliberation_before_the_presentation(
    store: Store, demarche_id: str
) -> None:
    bad = Step1Record(presentation_date=date(2026, 3, 1), deliberation_date=date(2026, 2, 1))
    with pytest.raises(InvalidInput, match="précéder"):
        store.steps.save_step1(demarche_id, bad)
    assert store.steps.step1(demarche_id) == Step1Record()


def test_reopening_a_step_keeps_its_start_date(store: Store, demarche_id: str) -> None:
    store.steps.set_status(demarche_id, 2, StepStatus.DONE)
    store.steps.set_status(demarche_id, 2, StepStatus.IN_PROGRESS)
    view = store.demarches.steps(demarche_id)[1]
    assert view.status is StepStatus.IN_PROGRESS
    assert view.started_on == date.today()
    assert view.done_on is None


def test_committee_members_are_kept_in_order_and_removed_softly(
    store: Store, demarche_id: str
) -> None:
    first = store.committee.add(demarche_id, "Monique Sabatier", "présidente du COPIL", "CC")
    store.committee.add(demarche_id, "Julien Roques", "technicien")
    store.committee.update(first, "Monique Sabatier", "présidente", "Mairie de Lagrasse")
    members = store.committee.all(demarche_id)
    assert [(m.name, m.role) for m in members] == [
        ("Monique Sabatier", "présidente"),
        ("Julien Roques", "technicien"),
    ]
    store.committee.remove(first)
    assert [m.name for m in store.committee.all(demarche_id)] == ["Julien Roques"]
    with pytest.raises(NotFound):
        store.committee.update(first, "X")
    assert store.steps.status(demarche_id, 2) is StepStatus.IN_PROGRESS


def test_logistics_ticks_and_additions(store: Store, demarche_id: str) -> None:
    item = store.logistics.all(demarche_id)[0]
    assert store.logistics.toggle(item.id) is True
    assert store.logistics.all(demarche_id)[0].done
    added = store.logistics.add(demarche_id, "Clé de la salle chez la secrétaire de mairie")
    assert store.logistics.all(demarche_id)[-1].id == added
    store.logistics.remove(added)
    assert added not in {i.id for i in store.logistics.all(demarche_id)}


def test_workshop_plans_and_their_order_warnings(store: Store, demarche_id: str) -> None:
    plan = WorkshopPlan(2, date(2026, 11, 5), time(18, 30), time(21, 0), "Salle des fêtes")
    assert store.planning.save(demarche_id, plan) == []
    warnings = store.planning.save(demarche_id, WorkshopPlan(3, date(2026, 10, 1)))
    assert warnings == ["L'atelier 3 (01/10/2026) tombe avant l'atelier 2 (05/11/2026)."]
    assert store.planning.get(demarche_id, 3).date == date(2026, 10, 1)  # saved anyway
    steps = store.demarches.steps(demarche_id)
    assert steps[1].detail == "2 ateliers planifiés"
    assert steps[4].detail == "jeu. 05/11 18h30 · Salle des fêtes"
    with pytest.raises(InvalidInput, match="fin"):
        store.planning.save(demarche_id, WorkshopPlan(1, None, time(21, 0), time(18, 30)))
    with pytest.raises(NotFound):
        store.planning.get(demarche_id, 5)


def test_the_default_questionnaire_can_be_chosen(store: Store, demarche_id: str) -> None:
    available = store.questionnaires.available()
    assert [(q.code, q.version) for q in available] == [("sociabilite", "1.0")]
    assert available[0].item_count == 24
    assert store.questionnaires.chosen(demarche_id) is None
    store.questionnaires.choose(demarche_id, "sociabilite", "1.0")
    chosen = store.questionnaires.chosen(demarche_id)
    assert chosen is not None
    assert chosen.title == "Questionnaire de sociabilité"
    with pytest.raises(NotFound):
        store.questionnaires.choose(demarche_id, "sociabilite", "9.9")


def draft(name: str, college: College, commune: str = "Lagrasse") -> ParticipantDraft:
    return ParticipantDraft(display_name=name, college=college, commune=commune)


def test_participants_get_stable_codes_and_counts(store: Store, demarche_id: str) -> None:
    a = store.participants.add(demarche_id, draft("Hélène Martin", College.HABITANT))
    b = store.participants.add(demarche_id, draft("Karim Benali", College.ACTEUR))
    store.participants.remove(a)
    c = store.participants.add(demarche_id, draft("Jean-Paul Azéma", College.ELU))
    codes = {p.id: p.code for p in store.participants.all(demarche_id)}
    assert codes == {b: "P002", c: "P003"}  # a removed person's code is never reused
    counts = store.participants.counts(demarche_id)
    assert (counts.elu, counts.acteur, counts.habitant) == (1, 1, 0)
    store.participants.restore(a)
    assert store.participants.get(a).code == "P001"
    assert store.participants.counts(demarche_id).total == 3


def test_participants_filter_ignores_accents(store: Store, demarche_id: str) -> None:
    store.participants.add(demarche_id, draft("Hélène Martin", College.HABITANT))
    store.participants.add(demarche_id, draft("Karim Benali", College.ACTEUR, "Fabrezan"))
    assert [p.display_name for p in store.participants.all(demarche_id, "hel")] == ["Hélène Martin"]
    assert [p.display_name for p in store.participants.all(demarche_id, "fabre")] == [
        "Karim Benali"
    ]
    assert store.participants.all(demarche_id, "zzz") == []


def test_odd_text_is_stored_exactly(store: Store, demarche_id: str) -> None:
    name = "=SUM(A1) Zoé 🌻 O'Brien"
    pid = store.participants.add(demarche_id, draft(name, College.HABITANT))
    assert store.participants.get(pid).display_name == name


def test_bad_participants_are_refused_in_french(store: Store, demarche_id: str) -> None:
    with pytest.raises(InvalidInput, match="obligatoire"):
        store.participants.add(demarche_id, draft("  ", College.ELU))
    with pytest.raises(InvalidInput, match="trop long"):
        store.participants.add(demarche_id, draft("x" * 500, College.ELU))
    assert store.participants.all(demarche_id) == []


def test_unknown_ids_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.demarches.get("pas-un-identifiant")
    with pytest.raises(NotFound):
        store.participants.get("0" * 32)


def test_a_second_copy_on_the_same_database_is_noticed(store: Store) -> None:
    """Another process opening the same file is told so; both can still write."""
    assert store.shared is False
    code = (
        "import sys; from pathlib import Path; from vitalite_tui.store import open_store\n"
        "s = open_store(Path(sys.argv[1])); d = s.demarches.create('Seconde copie', 'Tuchan')\n"
        "print(s.shared); s.close()"
    )
    child = subprocess.run(
        [sys.executable, "-c", code, str(store.path)], capture_output=True, text=True, check=True
    )
    assert child.stdout.strip() == "True"
    assert [d.territory for d in store.demarches.all()] == ["Seconde copie"]
    store.close()
    reopened = Store(store.path)
    try:
        assert reopened.shared is False  # the lock went with the process that held it
    finally:
        reopened.close()
