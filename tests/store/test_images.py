"""Associated images of workshop 1: each image and its note, kept together by the store."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from vitalite_tui.db.models import ImageChoice, Note, NoteRevision, Turn
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.felt.images import MAX_CARD, note_text
from vitalite_tui.store.felt.records import ImageDraft
from vitalite_tui.store.preparation.records import ParticipantDraft


@dataclass(frozen=True)
class Group:
    demarche_id: str
    subgroup_id: str
    round_id: str
    members: list[str]


def make_group(store: Store, demarche_id: str, number: int = 1) -> Group:
    for index, college in enumerate((College.HABITANT, College.ELU, College.ACTEUR)):
        person = store.participants.add(demarche_id, ParticipantDraft(f"Personne {index}", college))
        store.workshops.set_present(demarche_id, number, person, True)
    (group,) = store.subgroups.form(demarche_id, number, count=1)
    rnd = store.capture.start_round(group.id, "Quelle image associez-vous au village ?", 20)
    return Group(demarche_id, group.id, rnd.id, [m.id for m in group.members])


@pytest.fixture
def group(store: Store, demarche_id: str) -> Group:
    return make_group(store, demarche_id)


def note_of(image_id: str) -> Note:
    note: Note | None = ImageChoice.get_by_id(as_uuid(image_id)).note
    assert note is not None
    return note


def test_note_text() -> None:
    assert note_text("12", "on ne se croise plus") == "Carte 12 : on ne se croise plus"
    assert note_text("le banc vide", "") == "Carte le banc vide"


def test_an_image_said_in_a_round_writes_its_note_in_the_round(store: Store, group: Group) -> None:
    speaker = group.members[0]
    draft = ImageDraft(speaker, "  12 ", 1, Pole.DEPRESSION, "Plus personne ne s'assoit là.")
    image = store.images.add(group.demarche_id, draft, round_id=group.round_id)
    assert (image.card, image.indicator, image.pole, image.tag) == ("12", 1, Pole.DEPRESSION, "I1-")
    assert image.participant_id == speaker
    assert image.code.startswith("P")
    note = note_of(image.id)
    assert note.text == "Carte 12 : Plus personne ne s'assoit là."
    assert (note.kind, note.indicator, note.pole) == ("image", 1, "depression")
    assert str(note.speaker_id) == speaker
    assert str(note.round_id) == group.round_id
    assert str(note.subgroup_id) == group.subgroup_id
    assert note.turn_id is not None  # a turn of the round, as a note typed in capture
    # It is one of the round's notes, as the capture screen and the plenary read them.
    (listed,) = store.capture.notes(group.round_id)
    assert listed.kind is NoteKind.IMAGE
    assert listed.id == image.note_id
    assert [i.id for i in store.images.all(group.demarche_id)] == [image.id]


def test_an_image_added_afterwards_has_no_round(store: Store, group: Group) -> None:
    image = store.images.add(group.demarche_id, ImageDraft(None, "Le pont", None, None, ""))
    note = note_of(image.id)
    assert (note.round_id, note.subgroup_id, note.turn_id, note.speaker_id) == (
        None,
        None,
        None,
        None,
    )
    assert note.text == "Carte Le pont"
    assert image.code == ""
    assert image.college is None
    notes = store.capture.workshop_notes(group.demarche_id, 1)
    assert [n.id for n in notes] == [image.note_id]


def test_bad_images_are_refused_and_nothing_is_stored(store: Store, group: Group) -> None:
    d = group.demarche_id
    with pytest.raises(InvalidInput, match="Carte : ce champ est obligatoire"):
        store.images.add(d, ImageDraft(None, "   ", 1, None, "pourquoi"))
    with pytest.raises(InvalidInput, match="Carte : 61 caractères"):
        store.images.add(d, ImageDraft(None, "x" * (MAX_CARD + 1)))
    with pytest.raises(InvalidInput, match="Indicateur"):
        store.images.add(d, ImageDraft(None, "3", 7))
    with pytest.raises(NotFound):
        store.images.add(d, ImageDraft("00000000-0000-0000-0000-000000000000", "3"))
    # A round of another workshop is no place for an image.
    other = store.demarches.create("Autre", "Ailleurs")
    with pytest.raises(InvalidInput, match="atelier 1"):
        store.images.add(other, ImageDraft(None, "3"), round_id=group.round_id)
    assert ImageChoice.select().count() == 0
    assert Note.select().count() == 0


def test_edit_follows_on_the_note_and_keeps_its_earlier_text(store: Store, group: Group) -> None:
    d = group.demarche_id
    first, second = group.members[:2]
    image = store.images.add(
        d, ImageDraft(first, "7", 2, None, "Loin de tout"), round_id=group.round_id
    )
    note_id = image.note_id
    edited = store.images.edit(
        image.id, ImageDraft(first, "7", 2, Pole.DEPRESSION, "Loin de tout l'hiver")
    )
    assert edited.note_id == note_id
    note = note_of(image.id)
    assert (note.text, note.pole) == ("Carte 7 : Loin de tout l'hiver", "depression")
    (revision,) = NoteRevision.select().where(NoteRevision.note == note)
    assert revision.text == "Carte 7 : Loin de tout"
    # Another person: the note said in the first one's name goes; a new one, same round.
    moved = store.images.edit(image.id, ImageDraft(second, "7", 2, Pole.DEPRESSION, "Loin"))
    assert moved.participant_id == second
    assert moved.note_id != note_id
    assert note_id is not None
    assert Note.get_by_id(as_uuid(note_id)).deleted_at is not None
    new_note = note_of(image.id)
    assert str(new_note.speaker_id) == second
    assert str(new_note.round_id) == group.round_id
    live = [n.id for n in store.capture.notes(group.round_id)]
    assert live == [moved.note_id]
    # The first person's turn went with their only note.
    turns = Turn.select().where((Turn.round == as_uuid(group.round_id)) & Turn.deleted_at.is_null())
    assert [str(t.participant_id) for t in turns] == [second]


def test_remove_and_restore_take_the_note_along(store: Store, group: Group) -> None:
    d = group.demarche_id
    image = store.images.add(
        d, ImageDraft(group.members[0], "3", 3, Pole.VITALITY, "Entraide"), round_id=group.round_id
    )
    removed = store.images.remove(image.id)
    assert removed.deleted
    assert store.images.all(d) == []
    assert [i.id for i in store.images.removed(d)] == [image.id]
    assert store.capture.notes(group.round_id) == []
    with pytest.raises(NotFound):
        store.images.edit(image.id, ImageDraft(None, "3"))
    restored = store.images.restore(image.id)
    assert not restored.deleted
    assert [n.id for n in store.capture.notes(group.round_id)] == [image.note_id]
    assert store.images.removed(d) == []
    assert store.images.restore(image.id) == restored  # already live: unchanged
