"""Capture of speaking rounds: note kinds and speaking balance (pure), then the store API."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from vitalite_tui.db.models import Note, NoteRevision, Participant, Round, SubGroup, Turn, utcnow
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import (
    NoteKind,
    default_kind,
    indicator_tag,
    kinds_for,
    next_kind,
)
from vitalite_tui.domain.speaking import (
    SpeakingEvent,
    Tally,
    joins_last_turn,
    next_speaker,
    repeats_pass,
    speaking_balance,
)
from vitalite_tui.errors import InvalidInput, NotFound
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.store.workshops.capture import MAX_NOTE

# ---------------------------------------------------------------- pure: note kinds and tags


def test_each_workshop_offers_its_own_kinds() -> None:
    assert kinds_for(1) == (NoteKind.CONSTAT, NoteKind.IMAGE)
    assert [k.label for k in kinds_for(2)] == ["tendance", "risque", "opportunité", "intention"]
    assert kinds_for(3) == (NoteKind.INTENTION, NoteKind.CONSTAT)
    assert kinds_for(4) == (NoteKind.CONSTAT, NoteKind.INTENTION)
    assert [default_kind(n) for n in (1, 2, 3, 4)] == [
        NoteKind.CONSTAT,
        NoteKind.INTENTION,
        NoteKind.INTENTION,
        NoteKind.CONSTAT,
    ]
    assert all(default_kind(n) in kinds_for(n) for n in (1, 2, 3, 4))
    with pytest.raises(ValueError, match="out of range"):
        kinds_for(5)


def test_one_key_cycles_through_the_kinds_of_the_workshop() -> None:
    assert next_kind(1, NoteKind.CONSTAT) is NoteKind.IMAGE
    assert next_kind(1, NoteKind.IMAGE) is NoteKind.CONSTAT
    assert next_kind(2, NoteKind.INTENTION) is NoteKind.TENDANCE
    assert next_kind(1, NoteKind.RISQUE) is NoteKind.CONSTAT  # not offered here: first one
    assert next_kind(3, None) is NoteKind.INTENTION


def test_tags_as_the_capture_list_shows_them() -> None:
    assert indicator_tag(1, Pole.VITALITY) == "I1+"
    assert indicator_tag(2, Pole.DEPRESSION) == "I2-"
    assert indicator_tag(3, None) == "I3"
    assert indicator_tag(None, Pole.VITALITY) == "+"
    assert indicator_tag(None, None) == ""
    with pytest.raises(ValueError, match="out of range"):
        indicator_tag(5, None)


# ---------------------------------------------------------------- pure: speaking balance


def test_speaking_balance_per_person_and_per_college() -> None:
    members = [("martine", College.HABITANT), ("jp", College.ELU), ("sophie", College.ACTEUR)]
    events = [
        SpeakingEvent("martine", College.HABITANT, "turn"),
        SpeakingEvent("martine", College.HABITANT, "note"),
        SpeakingEvent("martine", College.HABITANT, "note"),
        ("jp", College.ELU, "pass"),  # plain tuples are fine too
        (None, None, "turn"),
        (None, None, "note"),
        ("karim", College.ACTEUR, "turn"),  # not a member: listed after them
        ("karim", None, "note"),
        ("martine", None, "turn"),
    ]
    balance = speaking_balance(events, members)
    assert [p.participant_id for p in balance.people] == ["martine", "jp", "sophie", "karim"]
    martine = balance.person("martine")
    assert (martine.turns, martine.notes, martine.passes) == (2, 2, 0)
    assert balance.person("jp").tally == Tally(passes=1)
    assert balance.person("karim").college is College.ACTEUR
    assert balance.person("inconnu").tally == Tally()
    assert balance.colleges[College.HABITANT] == Tally(turns=2, notes=2)
    assert balance.colleges[College.ACTEUR] == Tally(turns=1, notes=1)
    assert balance.colleges[College.ELU] == Tally(passes=1)
    assert balance.anonymous == Tally(turns=1, notes=1)
    assert balance.total == Tally(turns=4, notes=4, passes=1)
    assert balance.not_spoken == ("jp", "sophie")
    assert balance.not_asked == ("sophie",)
    assert balance.summary() == "élus 0 · acteurs 1 · habitants 2"


def test_speaking_balance_of_nothing_and_unknown_events() -> None:
    empty = speaking_balance([], [("a", College.ELU)])
    assert empty.not_spoken == ("a",)
    assert empty.total == Tally()
    with pytest.raises(ValueError, match="unknown speaking event"):
        speaking_balance([("a", College.ELU, "applause")])


def test_next_speaker_goes_round_and_skips() -> None:
    order = ["a", "b", "c"]
    assert next_speaker(order, None) == "a"
    assert next_speaker(order, "a") == "b"
    assert next_speaker(order, "c") == "a"
    assert next_speaker(order, "a", skip={"b"}) == "c"
    assert next_speaker(order, "a", skip=order) is None
    assert next_speaker([], None) is None


# ---------------------------------------------------------------- store


@dataclass(frozen=True)
class Table:
    """A sub-group of workshop 1 with its first round."""

    demarche_id: str
    subgroup_id: str
    round_id: str
    members: list[str]  # speaking order
    colleges: dict[str, College]


def make_table(store: Store, demarche_id: str, number: int = 1, people: int = 6) -> Table:
    colleges = list(College)
    for i in range(people):
        draft = ParticipantDraft(f"Personne {i}", colleges[i % 3], "Lagrasse")
        participant = store.participants.add(demarche_id, draft)
        store.workshops.set_present(demarche_id, number, participant, True)
    (group,) = store.subgroups.form(demarche_id, number, count=1)
    round_ = store.capture.start_round(group.id, "Où vous retrouvez-vous ?", 25)
    return Table(
        demarche_id,
        group.id,
        round_.id,
        [m.id for m in group.members],
        {m.id: m.college for m in group.members},
    )


@pytest.fixture
def table(store: Store, demarche_id: str) -> Table:
    return make_table(store, demarche_id)


def live_notes() -> list[Note]:
    return list(Note.select().where(Note.deleted_at.is_null()).order_by(Note.created_at))


def live_turns(round_id: str) -> list[tuple[str | None, bool]]:
    rows = (
        Turn.select()
        .where((Turn.round == as_uuid(round_id)) & Turn.deleted_at.is_null())
        .order_by(Turn.position)
    )
    return [(str(t.participant_id) if t.participant_id else None, t.passed) for t in rows]


def test_a_whole_round(store: Store, table: Table) -> None:
    capture = store.capture
    a, b, c, d = table.members[:4]
    first = capture.save_note(table.round_id, a, "Le marché du jeudi.", None, 1, Pole.VITALITY)
    capture.save_note(table.round_id, a, "Mais plus rien l'hiver.", None, 1, Pole.DEPRESSION)
    capture.record_pass(table.round_id, b)
    capture.record_pass(table.round_id, b)  # a second press records nothing more
    capture.save_note(table.round_id, c, "Le club de foot.", NoteKind.IMAGE, 1, Pole.VITALITY)
    capture.save_note(table.round_id, None, "Une voix du fond : le bus.", None, 2, None)
    capture.save_note(table.round_id, d, "Les jeunes partent.", "constat", 2, Pole.DEPRESSION)

    # Every row as the database holds it.
    notes = live_notes()
    assert [(str(n.speaker_id) if n.speaker_id else None) for n in notes] == [a, a, c, None, d]
    assert [(n.kind, n.indicator, n.pole) for n in notes] == [
        ("constat", 1, "vitality"),
        ("constat", 1, "depression"),
        ("image", 1, "vitality"),
        ("constat", 2, None),
        ("constat", 2, "depression"),
    ]
    assert {str(n.round_id) for n in notes} == {table.round_id}
    assert {str(n.subgroup_id) for n in notes} == {table.subgroup_id}
    assert live_turns(table.round_id) == [
        (a, False),
        (b, True),
        (c, False),
        (None, False),
        (d, False),
    ]
    assert notes[0].turn_id == notes[1].turn_id  # the same person went on: one turn

    # What the screen gets back.
    listed = capture.notes(table.round_id)
    assert listed[0] == first
    assert [n.tag for n in listed] == ["I1+", "I1-", "I1+", "I2", "I2-"]
    assert [n.speaker_label for n in listed][3] == "anonyme"
    speaker = store.participants.get(a)
    assert (listed[0].speaker_name, listed[0].speaker_code) == (speaker.display_name, speaker.code)
    assert listed[2].speaker_college is table.colleges[c]
    assert listed[2].kind is NoteKind.IMAGE
    assert [t.passed for t in capture.turns(table.round_id)] == [False, True, False, False, False]

    balance = capture.round_balance(table.round_id)
    assert [p.participant_id for p in balance.people] == table.members
    assert (balance.person(a).turns, balance.person(a).notes) == (1, 2)
    assert balance.person(b).passes == 1
    assert balance.anonymous == Tally(turns=1, notes=1)
    assert balance.not_spoken == (b, *table.members[4:])
    assert balance.not_asked == tuple(table.members[4:])
    assert capture.get_round(table.round_id).note_count == 5


def test_undo_then_restore(store: Store, table: Table) -> None:
    capture = store.capture
    a, b = table.members[:2]
    capture.save_note(table.round_id, a, "Première.")
    wrong = capture.save_note(table.round_id, b, "Mise au mauvais nom.")
    undone = capture.undo_last(table.round_id)
    assert undone is not None
    assert (undone.id, undone.deleted) == (wrong.id, True)
    assert [n.text for n in capture.notes(table.round_id)] == ["Première."]
    assert live_turns(table.round_id) == [(a, False)]  # b's empty turn went with the note
    assert Note.select().count() == 2  # soft delete: the row is still there
    assert capture.round_balance(table.round_id).person(b).turns == 0

    restored = capture.restore(wrong.id)
    assert restored.deleted is False
    assert restored.text == "Mise au mauvais nom."
    assert [n.text for n in capture.notes(table.round_id)] == ["Première.", "Mise au mauvais nom."]
    assert live_turns(table.round_id) == [(a, False), (b, False)]
    assert capture.restore(wrong.id) == capture.get_note(wrong.id)  # twice: nothing changes

    capture.undo_last(table.round_id)
    capture.undo_last(table.round_id)
    assert capture.undo_last(table.round_id) is None
    assert capture.notes(table.round_id) == []


def test_edit_keeps_the_earlier_text_as_a_revision(store: Store, table: Table) -> None:
    capture = store.capture
    note = capture.save_note(table.round_id, table.members[0], "Le marché du jedi.", None, 1)
    edited = capture.edit_note(note.id, "Le marché du jeudi.", NoteKind.CONSTAT, 1, Pole.VITALITY)
    assert (edited.id, edited.text, edited.tag) == (note.id, "Le marché du jeudi.", "I1+")
    again = capture.edit_note(note.id, "Le marché du jeudi.", "image", 1, Pole.VITALITY)
    assert again.kind is NoteKind.IMAGE
    # No change, no revision.
    capture.edit_note(note.id, "Le marché du jeudi.", "image", 1, Pole.VITALITY)
    revisions = capture.revisions(note.id)
    assert [(r.text, r.kind, r.indicator, r.pole) for r in revisions] == [
        ("Le marché du jedi.", NoteKind.CONSTAT, 1, None),
        ("Le marché du jeudi.", NoteKind.CONSTAT, 1, Pole.VITALITY),
    ]
    assert NoteRevision.select().count() == 2
    row = Note.get_by_id(as_uuid(note.id))
    assert (row.text, row.kind, row.pole) == ("Le marché du jeudi.", "image", "vitality")
    with pytest.raises(InvalidInput, match="Note vide"):
        capture.edit_note(note.id, "  ", "image", 1, None)
    assert NoteRevision.select().count() == 2
    with pytest.raises(InvalidInput, match="non proposé à l'atelier 1"):
        capture.edit_note(note.id, "Texte", NoteKind.RISQUE, 1, None)


@pytest.mark.parametrize(
    "text",
    [
        "Un café 😀☕ pour tous",
        "=SUM(A1)",
        "- tiret en tête",
        "+33 6 12 34 56 78",
        "Ligne 1\nLigne 2\n\n  Ligne 4 indentée\tavec tabulation",
        "é" * 5000,
        "Une très longue phrase collée. " * 600,
    ],
    ids=["emoji", "formula", "dash", "plus", "multiline", "5000-accents", "pasted-paragraph"],
)
def test_odd_texts_are_kept_exactly(store: Store, table: Table, text: str) -> None:
    note = store.capture.save_note(table.round_id, table.members[0], text)
    stored = Note.get_by_id(as_uuid(note.id)).text
    assert stored == text.strip()
    assert note.text == stored
    assert store.capture.notes(table.round_id)[-1].text == stored


def test_pasted_windows_text_keeps_its_lines(store: Store, table: Table) -> None:
    note = store.capture.save_note(table.round_id, None, "  Copié\r\ndepuis Word\r\n")
    assert note.text == "Copié\ndepuis Word"


def test_empty_or_huge_notes_are_refused_and_nothing_is_stored(store: Store, table: Table) -> None:
    for blank in ("", "   ", "\n\n\t", "\x00\x07"):
        with pytest.raises(InvalidInput, match="Note vide : rien n'a été enregistré"):
            store.capture.save_note(table.round_id, table.members[0], blank)
    with pytest.raises(InvalidInput, match="Note trop longue"):
        store.capture.save_note(table.round_id, table.members[0], "x" * (MAX_NOTE + 1))
    assert Note.select().count() == 0
    assert Turn.select().count() == 0
    assert store.capture.save_note(table.round_id, None, "x" * MAX_NOTE).text == "x" * MAX_NOTE


def test_tags_are_checked_against_the_workshop(store: Store, table: Table) -> None:
    capture = store.capture
    with pytest.raises(InvalidInput, match=r"« tendance » non proposé à l'atelier 1 \(au choix"):
        capture.save_note(table.round_id, None, "Texte", NoteKind.TENDANCE)
    with pytest.raises(InvalidInput, match="non proposé"):
        capture.save_note(table.round_id, None, "Texte", "n'importe quoi")
    with pytest.raises(InvalidInput, match="Indicateur"):
        capture.save_note(table.round_id, None, "Texte", None, 5)
    assert Note.select().count() == 0


def test_workshop_two_notes_default_to_intentions(store: Store, demarche_id: str) -> None:
    table = make_table(store, demarche_id, number=2, people=3)
    note = store.capture.save_note(table.round_id, None, "Un café associatif itinérant.")
    assert note.kind is NoteKind.INTENTION
    risk = store.capture.save_note(table.round_id, None, "Le bourg se vide.", "risque")
    assert risk.kind is NoteKind.RISQUE


def test_speakers_must_belong_to_the_demarche(store: Store, table: Table) -> None:
    other = store.demarches.create("CC Voisine", "Tuchan")
    stranger = store.participants.add(other, ParticipantDraft("Inconnu", College.ELU))
    with pytest.raises(NotFound, match="n'appartient pas"):
        store.capture.save_note(table.round_id, stranger, "Texte")
    with pytest.raises(NotFound, match="Tour d'expression introuvable"):
        store.capture.save_note(str(as_uuid(table.subgroup_id)), None, "Texte")
    assert Note.select().count() == 0


def test_rounds_need_a_question_and_follow_each_other(store: Store, table: Table) -> None:
    capture = store.capture
    with pytest.raises(InvalidInput, match="Question du tour : ce champ est obligatoire"):
        capture.start_round(table.subgroup_id, "   ")
    with pytest.raises(InvalidInput, match="Durée du tour"):
        capture.start_round(table.subgroup_id, "Question ?", 0)
    capture.save_note(table.round_id, None, "Une note.")
    capture.start_round(table.subgroup_id, "Et demain ?", 15)
    rounds = capture.rounds(table.subgroup_id)
    assert [(r.number, r.question, r.note_count) for r in rounds] == [
        (1, "Où vous retrouvez-vous ?", 1),
        (2, "Et demain ?", 0),
    ]
    assert rounds[0].ended_at is not None  # starting a round closes the previous one
    assert rounds[1].ended_at is None
    assert rounds[1].timebox_minutes == 15
    assert Round.select().count() == 2
    # Earlier rounds stay browsable.
    assert [n.text for n in capture.notes(rounds[0].id)] == ["Une note."]


def test_balance_of_the_subgroup_and_of_the_workshop(store: Store, demarche_id: str) -> None:
    table = make_table(store, demarche_id, people=6)
    capture = store.capture
    a, b = table.members[:2]
    capture.save_note(table.round_id, a, "Un.")
    second = capture.start_round(table.subgroup_id, "Deux ?")
    capture.save_note(second.id, a, "Deux.")
    capture.save_note(second.id, b, "Trois.")
    capture.record_pass(second.id, table.members[2])

    group = capture.balance(table.subgroup_id)
    assert (group.person(a).turns, group.person(a).notes) == (2, 2)
    assert group.person(b).notes == 1
    assert group.total == Tally(turns=3, notes=3, passes=1)
    assert len(group.not_spoken) == 4

    late = store.workshops.add_newcomer(demarche_id, 1, ParticipantDraft("Denis", College.HABITANT))
    workshop = capture.workshop_balance(demarche_id, 1)
    assert workshop.total == group.total
    assert late in workshop.not_asked  # present, in no sub-group yet: still expected
    by_college = {c: workshop.colleges[c].turns for c in College}
    assert sum(by_college.values()) == 3
    assert by_college[table.colleges[a]] >= 2
    assert store.capture.workshop_balance(demarche_id, 2).total == Tally()


def test_notes_of_a_subgroup_and_of_a_workshop(store: Store, table: Table) -> None:
    capture = store.capture
    capture.save_note(table.round_id, None, "Un.")
    second = capture.start_round(table.subgroup_id, "Deux ?")
    capture.save_note(second.id, None, "Deux.")
    notes = capture.workshop_notes(table.demarche_id, 1)
    assert [n.text for n in notes] == ["Un.", "Deux."]
    assert {n.subgroup_id for n in notes} == {table.subgroup_id}
    removed = capture.remove_note(notes[0].id)
    assert removed.deleted is True
    assert [n.text for n in capture.workshop_notes(table.demarche_id, 1)] == ["Deux."]
    with pytest.raises(NotFound, match="Note introuvable"):
        capture.edit_note(removed.id, "Texte", None, None, None)


def test_the_turn_rules() -> None:
    assert joins_last_turn(("a", False), "a")
    assert not joins_last_turn(("a", True), "a")  # after a pass, speaking is a new turn
    assert not joins_last_turn(("a", False), "b")
    assert joins_last_turn((None, False), None)  # anonymous notes in a row: one turn
    assert not joins_last_turn(None, "a")
    assert repeats_pass(("b", True), "b")
    assert not repeats_pass(("b", False), "b")
    assert not repeats_pass(("a", True), "b")
    assert not repeats_pass(None, "b")


def test_a_note_is_checked_against_rows_removed_meanwhile(store: Store, table: Table) -> None:
    """The round, its sub-group and the speaker are checked inside the write itself."""
    capture = store.capture
    a, b = table.members[:2]
    Participant.update(deleted_at=utcnow()).where(Participant.id == as_uuid(b)).execute()
    with pytest.raises(NotFound, match="Participant introuvable"):
        capture.save_note(table.round_id, b, "Texte")
    with pytest.raises(NotFound, match="Identifiant inconnu"):
        capture.save_note(table.round_id, "pas-un-identifiant", "Texte")
    SubGroup.update(deleted_at=utcnow()).where(SubGroup.id == as_uuid(table.subgroup_id)).execute()
    with pytest.raises(NotFound, match="Tour d'expression introuvable"):
        capture.save_note(table.round_id, a, "Texte")
    SubGroup.update(deleted_at=None).where(SubGroup.id == as_uuid(table.subgroup_id)).execute()
    Round.update(deleted_at=utcnow()).where(Round.id == as_uuid(table.round_id)).execute()
    with pytest.raises(NotFound, match="Tour d'expression introuvable"):
        capture.save_note(table.round_id, a, "Texte")
    assert Note.select().count() == 0
    assert Turn.select().count() == 0


def test_a_new_turn_comes_after_every_turn_even_removed_ones(store: Store, table: Table) -> None:
    capture = store.capture
    a, b, c = table.members[:3]
    capture.save_note(table.round_id, a, "Un.")
    capture.save_note(table.round_id, b, "Deux.")
    capture.undo_last(table.round_id)  # b's turn goes with the note, its position stays taken
    note = capture.save_note(table.round_id, c, "Trois.")
    capture.save_note(table.round_id, c, "Trois, suite.")
    rows = Turn.select().where(Turn.round == as_uuid(table.round_id)).order_by(Turn.position)
    assert [(str(t.participant_id), t.position, t.deleted_at is None) for t in rows] == [
        (a, 0, True),
        (b, 1, False),
        (c, 2, True),
    ]
    assert capture.get_note(note.id) == note  # what save_note returns is what is stored
