"""The registry's pure rules: what `u` undoes and says, communes outside the territory."""

from __future__ import annotations

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.communes import closest_communes, outside_territory
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.tui.screens.preparation.registry_undo import Change, Undoable, UndoStack

COMMUNES = ["Homps", "Lagrasse", "Fabrezan", "Saint-Laurent", "Ribaute"]


def person(name: str, code: str = "P001") -> ParticipantRecord:
    return ParticipantRecord(
        id=name,
        code=code,
        display_name=name,
        college=College.HABITANT,
        commune="",
        organisation="",
        contact="",
        consent_data=False,
        consent_contact=False,
        consent_named=False,
    )


def test_undo_takes_back_the_last_action_first() -> None:
    stack = UndoStack()
    assert not stack
    assert stack.top is None
    stack.push(Undoable(Change.REMOVED, person("Anne", "P001")))
    stack.push(Undoable(Change.ADDED, person("Bruno", "P002")))
    top = stack.top
    assert top is not None
    assert top.what == "l'inscription de Bruno (P002)"
    assert stack.pop() == top
    rest = stack.pop()
    assert rest is not None
    assert rest.what == "le retrait de Anne (P001)"
    assert stack.pop() is None
    assert not stack


def test_undo_keeps_the_last_few_and_clears() -> None:
    stack = UndoStack(limit=3)
    for n in range(5):
        stack.push(Undoable(Change.EDITED, person(f"N{n}")))
    assert len(stack) == 3
    assert stack.top is not None
    assert stack.top.person.display_name == "N4"
    assert stack.top.what == "la modification de la fiche de N4 (P001)"
    stack.clear()
    assert stack.top is None


def test_communes_outside_the_territory_and_the_closest() -> None:
    assert outside_territory("Paris", COMMUNES)
    assert outside_territory("Homp", COMMUNES)
    assert not outside_territory("  lagrasse ", COMMUNES)
    assert not outside_territory("SAINT-LAURENT", COMMUNES)
    assert not outside_territory("", COMMUNES)
    assert not outside_territory("Paris", [])  # no territory given: nothing to say
    assert closest_communes("Homp", COMMUNES)[0] == "Homps"
    assert closest_communes("s", COMMUNES)[0] == "Saint-Laurent"
    assert closest_communes("Ribot", COMMUNES)[0] == "Ribaute"
    assert len(closest_communes("Paris", COMMUNES)) == 3
