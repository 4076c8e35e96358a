"""Capture traps of an evening: typing stays with its person, tags keys never take tags off."""

from __future__ import annotations

import asyncio
import sqlite3

from support.tui import open_capture, type_note
from textual.widgets import Input, Static

from tui.conftest import footer_shows, make_app, wait_for
from vitalite_tui.db.models import db
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.domain.round_questions import INDICATOR_QUESTIONS
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.round_form import RoundFormDialog
from vitalite_tui.tui.screens.workshops.capture_state import Tags

SIZE = (80, 24)


def subgroup_of(
    store: Store, demarche_id: str, workshop: int = 1
) -> tuple[str, list[ParticipantRecord]]:
    """Three people present at `workshop`, in one sub-group without a theme."""
    for name, college in (
        ("Martine Roux", College.HABITANT),
        ("Jean-Paul Vidal", College.ELU),
        ("Sophie Garcia", College.ACTEUR),
    ):
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, workshop, person, True)
    group = store.subgroups.form(demarche_id, workshop, count=1)[0]
    store.subgroups.update(group.id, group.name, theme="", indicator=None)
    return group.id, store.subgroups.get(group.id).members


async def test_tab_with_text_keeps_the_text_with_its_speaker(
    store: Store, demarche_id: str
) -> None:
    subgroup_id, members = subgroup_of(store, demarche_id)
    first, second, third = (m.id for m in members)
    rnd = store.capture.start_round(subgroup_id, "Où vous retrouvez-vous ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        # Typed for the first person, then Tab without Enter: the text is hers.
        await pilot.press(*"Le marché", "tab")
        assert screen.input.value == ""
        assert screen.current_id == second
        await type_note(pilot, "Le club")
        await pilot.press("tab")  # an empty line: the floor simply moves
        # A paste without brackets: text, a Tab, text; no word is glued to another.
        await pilot.press(*"la fête", "tab", *"le bal")
        assert screen.current_id == first
        await pilot.press("shift+tab")  # back: the text goes with the person it was for
        assert screen.current_id == third
        # F2 with text: the text is said, so it is saved, not counted as a pass.
        await pilot.press(*"rien", "f2")
        await wait_for(pilot, lambda: screen.current_id == first)
    notes = store.capture.notes(rnd.id)
    assert [(n.speaker_id, n.text) for n in notes] == [
        (first, "Le marché"),
        (second, "Le club"),
        (third, "la fête"),
        (first, "le bal"),
        (third, "rien"),
    ]
    assert not any(t.passed for t in store.capture.turns(rnd.id))


async def test_tag_keys_put_tags_on_and_never_take_them_off(store: Store, demarche_id: str) -> None:
    subgroup_id, _ = subgroup_of(store, demarche_id, workshop=2)
    rnd = store.capture.start_round(subgroup_id, "Quels risques ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        # At 80 columns the footer keeps its way out and its help.
        await wait_for(pilot, lambda: footer_shows(app, "Échap Retour"))
        assert footer_shows(app, "F1 Aide")
        await pilot.press("f5", "f5")  # the current indicator again keeps it
        assert screen.tags.indicator == 2
        await type_note(pilot, "Un risque")
        # The kind chosen directly: F9, then its initial, whatever the kind before.
        await pilot.press("f9")
        picking = str(screen.query_one("#capture-tags").render())
        assert "T tendance" in picking
        assert "O opportunité" in picking
        await pilot.press("t")
        assert screen.tags.kind is NoteKind.TENDANCE
        await pilot.press("f9", "t")
        assert screen.tags == Tags(NoteKind.TENDANCE, 2)
        await type_note(pilot, "Une tendance")
        await pilot.press("f9", "o", "f6")
        assert screen.tags == Tags(NoteKind.OPPORTUNITE, 3)
        await type_note(pilot, "Une opportunité")
        # F9 then a letter that names no kind: nothing changes, the letter is typed.
        await pilot.press("f9", "x")
        assert screen.tags == Tags(NoteKind.OPPORTUNITE, 3)
        assert screen.input.value == "x"
        await pilot.press("backspace", "f9", "escape")
        assert screen.app.screen is screen
        assert screen.tags == Tags(NoteKind.OPPORTUNITE, 3)
    notes = store.capture.notes(rnd.id)
    assert [(n.text, n.indicator, n.kind) for n in notes] == [
        ("Un risque", 2, NoteKind.INTENTION),
        ("Une tendance", 2, NoteKind.TENDANCE),
        ("Une opportunité", 3, NoteKind.OPPORTUNITE),
    ]


async def test_a_speaker_corrected_and_the_history_on_screen(
    store: Store, demarche_id: str
) -> None:
    subgroup_id, members = subgroup_of(store, demarche_id)
    first, second, _ = (m.id for m in members)
    rnd = store.capture.start_round(subgroup_id, "Où vous retrouvez-vous ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        await type_note(pilot, "Le marché")
        # ↑ takes the note back; Tab gives it to the next person; ⏎ stores the correction.
        await pilot.press("up", "tab")
        assert members[1].display_name in str(screen.query_one("#capture-prompt").render())
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.editing is None)
        assert screen.current_id == first  # the floor did not move
        (note,) = store.capture.notes(rnd.id)
        assert note.speaker_id == second
        # The text corrected too, then F11 while correcting shows the note's history.
        await pilot.press("up", "end", *" du jeudi", "enter")
        await pilot.press("up", "f11")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "NoteHistoryDialog")
        shown = "\n".join(str(part.render()) for part in app.screen.query(Static))
        assert members[0].display_name in shown  # who had said it first
        assert "Le marché du jeudi" in shown
        assert "Maintenant" in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.editing is not None  # back to the correction, nothing lost
    history = store.capture.revisions(note.id)
    assert [(r.speaker_id, r.text) for r in history] == [
        (first, "Le marché"),
        (second, "Le marché"),
    ]
    assert store.capture.get_note(note.id).text == "Le marché du jeudi"


async def test_a_round_is_offered_the_question_of_its_workshop_and_theme(
    store: Store, demarche_id: str
) -> None:
    subgroup_id, _ = subgroup_of(store, demarche_id)
    group = store.subgroups.get(subgroup_id)
    store.subgroups.update(subgroup_id, group.name, theme="Perspectives", indicator=2)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(app, pilot, subgroup_id)
        await wait_for(pilot, lambda: isinstance(app.screen, RoundFormDialog))
        # Indicator 2, first round: where people find what they need (vitality pole).
        question = app.screen.query_one("#round-question", Input)
        assert question.value == INDICATOR_QUESTIONS[2][0]
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: len(store.capture.rounds(subgroup_id)) == 1)
        # The second round is offered the depression pole's; typing replaces it.
        await pilot.press("f12")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundFormDialog))
        question = app.screen.query_one("#round-question", Input)
        assert question.value == INDICATOR_QUESTIONS[2][1]
        await pilot.press(*"Ma question ?", "enter", "enter")
        await wait_for(pilot, lambda: len(store.capture.rounds(subgroup_id)) == 2)
    assert [r.question for r in store.capture.rounds(subgroup_id)] == [
        INDICATOR_QUESTIONS[2][0],
        "Ma question ?",
    ]


async def test_failed_writes_keep_the_text_and_its_speaker(store: Store, demarche_id: str) -> None:
    """A full disk under Tab, a read-only base under a speaker correction: nothing moves."""
    subgroup_id, members = subgroup_of(store, demarche_id)
    first, second, _ = (m.id for m in members)
    rnd = store.capture.start_round(subgroup_id, "Où vous retrouvez-vous ?")
    long_note = " ".join(["Le car scolaire passe trop tôt"] * 150)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        (pages,) = db.execute_sql("PRAGMA page_count").fetchone()
        db.execute_sql(f"PRAGMA max_page_count = {pages:d}")
        screen.input.value = long_note
        await pilot.press("tab")
        await wait_for(pilot, lambda: "plein" in notices(app))
        # Not saved: the text stays in the line, and the floor with its person.
        assert screen.input.value == long_note
        assert screen.current_id == first
        db.execute_sql("PRAGMA max_page_count = 1073741823")
        await pilot.press("tab")
        await wait_for(pilot, lambda: screen.current_id == second)
        assert [n.text for n in store.capture.notes(rnd.id)] == [long_note]

        db.execute_sql("PRAGMA query_only = ON")
        await pilot.press("up", "tab", "enter")
        await wait_for(pilot, lambda: "lecture seule" in notices(app))
        assert screen.editing is not None  # the correction stays on screen
        assert store.capture.get_note(store.capture.notes(rnd.id)[0].id).speaker_id == first
        db.execute_sql("PRAGMA query_only = OFF")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.editing is None)
    (note,) = store.capture.notes(rnd.id)
    assert note.speaker_id == second
    assert [r.speaker_id for r in store.capture.revisions(note.id)] == [first]


def notices(app: VitaliteApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_tab_on_a_locked_base_waits_with_the_text_and_the_floor(
    store: Store, demarche_id: str
) -> None:
    subgroup_id, members = subgroup_of(store, demarche_id)
    first, second, _ = (m.id for m in members)
    rnd = store.capture.start_round(subgroup_id, "Où vous retrouvez-vous ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        other = sqlite3.connect(store.path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # another program writing, for real
            await pilot.press(*"Le lavoir")
            tab = asyncio.create_task(pilot.press("tab"))
            await wait_for(
                pilot, lambda: "occupée" in str(screen.query_one("#capture-prompt").render())
            )
            assert screen.input.value == "Le lavoir"
            assert screen.current_id == first
            other.execute("COMMIT")
        finally:
            other.close()
        await tab
        await wait_for(pilot, lambda: screen.current_id == second)
        assert screen.input.value == ""
    assert [(n.speaker_id, n.text) for n in store.capture.notes(rnd.id)] == [(first, "Le lavoir")]
