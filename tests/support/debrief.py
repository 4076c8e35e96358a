"""Shared test helpers: debrief."""

from __future__ import annotations

from dataclasses import dataclass

from vitalite_tui.db.models import Note
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.preparation.records import ParticipantDraft

PEOPLE = (
    ("Martine Roux", College.HABITANT),
    ("Jean-Paul Vidal", College.ELU),
    ("Sophie Garcia", College.ACTEUR),
    ("Karim Benali", College.ACTEUR),
)

#: The notes of workshop 1, by name: sub-group (1 or 2), text, kind, indicator, pole.
NOTES: dict[str, tuple[int, str, NoteKind, int | None, Pole | None]] = {
    "cafe": (1, "Le café a fermé en 2019", NoteKind.CONSTAT, 1, Pole.DEPRESSION),
    "market": (
        1,
        "Le marché du jeudi, on s'y croise",
        NoteKind.CONSTAT,
        1,
        Pole.VITALITY,
    ),
    "bench": (1, "La photo du banc vide devant l'église", NoteKind.IMAGE, 1, Pole.DEPRESSION),
    "town_hall": (1, "Personne ne sait à qui s'adresser", NoteKind.CONSTAT, 2, Pole.DEPRESSION),
    "shopping": (2, "Les voisins font les courses des anciens", NoteKind.CONSTAT, 3, Pole.VITALITY),
    "volunteers": (2, "Toujours les mêmes bénévoles", NoteKind.CONSTAT, 4, Pole.DEPRESSION),
    "question": (2, "Qui lira ce qu'on écrit ce soir ?", NoteKind.CONSTAT, None, None),
}

#: The order the debrief shows them in: by sub-group, then as they were said.
ORDER = list(NOTES)


@dataclass(frozen=True)
class Scene:
    demarche_id: str
    groups: list[str]  # sub-group ids, 1 then 2
    notes: dict[str, str]  # name → note id
    removed_note: str
    workshop2_note: str


def make_scene(store: Store, demarche_id: str) -> Scene:
    """Workshop 1 with two sub-groups and the notes of `NOTES`; one removed, one of workshop 2."""
    for name, college in PEOPLE:
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, 1, person, True)
        store.workshops.set_present(demarche_id, 2, person, True)
    groups = store.subgroups.form(demarche_id, 1, count=2)
    rounds = [store.capture.start_round(g.id, "Où vous retrouvez-vous ?") for g in groups]
    notes = {}
    for name, (group, text, kind, indicator, pole) in NOTES.items():
        speaker = groups[group - 1].members[0].id
        notes[name] = store.capture.save_note(
            rounds[group - 1].id, speaker, text, kind, indicator, pole
        ).id
    removed = store.capture.save_note(rounds[0].id, None, "Note retirée", None, 1).id
    store.capture.remove_note(removed)
    (later,) = store.subgroups.form(demarche_id, 2, count=1)
    round2 = store.capture.start_round(later.id, "Quelles tendances ?")
    other = store.capture.save_note(round2.id, None, "Le télétravail arrive", None, 1).id
    return Scene(demarche_id, [g.id for g in groups], notes, removed, other)


def axis_of(note_id: str) -> str | None:
    """The axis the database holds for a note (its `Note.axis` column)."""
    value = Note.select(Note.axis).where(Note.id == as_uuid(note_id)).scalar()
    return None if value is None else str(value)
