"""Capture screen: a round run by key presses, every row then checked through the store."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, RenderableType
from rich.text import Text
from support.tui import open_capture, type_note
from textual import events
from textual.pilot import Pilot

from tui.conftest import make_app, opened, wait_for
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.round_form import RoundFormDialog
from vitalite_tui.tui.widgets.notes import PAGE, NoteColumns, NoteList, NoteRow

SIZE = (80, 24)

PEOPLE = (
    ("Martine Roux", College.HABITANT),
    ("Jean-Paul Vidal", College.ELU),
    ("Sophie Garcia", College.ACTEUR),
    ("Karim Benali", College.ACTEUR),
)


def formed_subgroup(store: Store, demarche_id: str) -> tuple[str, list[ParticipantRecord]]:
    """Workshop 1: four people present, formed into one sub-group with no indicator theme."""
    for name, college in PEOPLE:
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, 1, person, True)
    group = store.subgroups.form(demarche_id, 1, count=1)[0]
    # No theme: the tags start blank, so F4 puts indicator 1 on rather than taking it off.
    store.subgroups.update(group.id, group.name, theme="", indicator=None)
    return group.id, store.subgroups.get(group.id).members


async def start_round_by_keys(
    pilot: Pilot[None], question: str, minutes: str | Sequence[str]
) -> None:
    """The round dialog: the question, Enter, the minutes (replacing the default), Enter."""
    await opened(pilot, RoundFormDialog)
    await pilot.press(*question, "enter", *minutes, "enter")
    await pilot.pause()


async def test_a_round_by_key_presses(store: Store, demarche_id: str) -> None:
    subgroup_id, members = formed_subgroup(store, demarche_id)
    first, second, third, fourth = (m.id for m in members)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        # No round yet: the screen asks for one at once.
        await start_round_by_keys(pilot, "Où vous retrouvez-vous ?", "15")
        assert app.screen is screen
        (rnd,) = store.capture.rounds(subgroup_id)
        assert (rnd.question, rnd.timebox_minutes) == ("Où vous retrouvez-vous ?", 15)

        await type_note(pilot, "Le marché du jeudi")
        assert screen.input.value == ""
        await pilot.press("tab", "f4", "f8")
        await type_note(pilot, "Le club de foot")
        await pilot.press("tab", "f2")  # the third person passes; the floor goes on
        assert screen.current_id == fourth
        await pilot.press("f3")
        await type_note(pilot, "Rien pour les jeunes")
        await pilot.press("enter")  # an empty Enter stores nothing
        await pilot.press(*"   ", "enter")  # nor do blanks
        await pilot.press("ctrl+u")

        notes = store.capture.notes(rnd.id)
        assert [(n.speaker_id, n.text) for n in notes] == [
            (first, "Le marché du jeudi"),
            (second, "Le club de foot"),
            (None, "Rien pour les jeunes"),
        ]
        assert (notes[0].indicator, notes[0].pole, notes[0].kind) == (None, None, NoteKind.CONSTAT)
        assert (notes[1].indicator, notes[1].pole) == (1, Pole.VITALITY)
        # Tags stick: the anonymous note carries them too.
        assert (notes[2].indicator, notes[2].pole) == (1, Pole.VITALITY)
        turns = store.capture.turns(rnd.id)
        assert [(t.participant_id, t.passed) for t in turns] == [
            (first, False),
            (second, False),
            (third, True),
            (None, False),
        ]
        anonymous = notes[2]

        # Undo: the last note is soft-deleted (its turn with it), then restored.
        await pilot.press("ctrl+z")
        assert [n.text for n in store.capture.notes(rnd.id)] == [
            "Le marché du jeudi",
            "Le club de foot",
        ]
        assert store.capture.get_note(anonymous.id).deleted
        assert len(store.capture.turns(rnd.id)) == 3
        assert len(screen.query_one(NoteList).rows) == 2
        await pilot.press("ctrl+y")
        assert not store.capture.get_note(anonymous.id).deleted
        assert len(store.capture.notes(rnd.id)) == 3
        assert len(store.capture.turns(rnd.id)) == 4

        # ↑ on the empty line takes the last note back; Enter stores the correction.
        await pilot.press("up")
        assert screen.editing is not None
        assert screen.input.value == "Rien pour les jeunes"
        await pilot.press(*" le soir", "enter")
        assert screen.editing is None
        assert screen.input.value == ""

    corrected = store.capture.get_note(anonymous.id)
    assert corrected.text == "Rien pour les jeunes le soir"
    assert corrected.speaker_id is None
    assert [r.text for r in store.capture.revisions(anonymous.id)] == ["Rien pour les jeunes"]
    assert len(store.capture.notes(rnd.id)) == 3


async def test_text_is_stored_exactly_and_whole(store: Store, demarche_id: str) -> None:
    subgroup_id, members = formed_subgroup(store, demarche_id)
    rnd = store.capture.start_round(subgroup_id, "Question ?")
    long_note = ("Une phrase assez longue sur la vie du village, " * 110)[:5000].strip()
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        await pilot.press(*"=SUM(A1) ")
        # An emoji as a terminal sends it: a key carrying the character.
        app.post_message(events.Key("😀", "😀"))
        await type_note(pilot, " é")
        await type_note(pilot, "- moins de bus")
        screen.input.value = long_note
        await pilot.press("enter")
        assert screen.input.value == ""
        # Pasted lines are kept, joined on one line.
        screen.input.post_message(events.Paste("Première ligne\r\ndeuxième ligne\n\ntroisième"))
        await pilot.pause()
        assert screen.input.value == "Première ligne deuxième ligne troisième"
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.query_one(NoteList).rows) == 4

    texts = [n.text for n in store.capture.notes(rnd.id)]
    assert texts == [
        "=SUM(A1) 😀 é",
        "- moins de bus",
        long_note,
        "Première ligne deuxième ligne troisième",
    ]
    assert len(texts[2]) == len(long_note) > 4900
    assert {n.speaker_id for n in store.capture.notes(rnd.id)} == {members[0].id}


def burst(app: VitaliteApp, keys: Sequence[str]) -> None:
    """Keys as a terminal delivers a burst: all queued at once, none waiting for the last."""
    for key in keys:
        if key == "enter":
            app.post_message(events.Key("enter", "\r"))
        elif key == "backspace":
            app.post_message(events.Key("backspace", "\x7f"))
        elif key == " ":
            app.post_message(events.Key("space", " "))
        else:
            app.post_message(events.Key(key, key))


async def test_notes_typed_in_a_burst_are_all_stored_in_order(
    store: Store, demarche_id: str
) -> None:
    subgroup_id, _ = formed_subgroup(store, demarche_id)
    rnd = store.capture.start_round(subgroup_id, "Question ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        burst(app, [*"un car", "enter", *"deux cars", "enter", *"trois cars", "enter", *"qu"])
        for _ in range(50):
            await pilot.pause()
            if screen.input.value == "qu":
                break
        # Nothing typed after an Enter went into the note before it, nor was cleared with it.
        assert screen.input.value == "qu"
    assert [n.text for n in store.capture.notes(rnd.id)] == ["un car", "deux cars", "trois cars"]


async def test_escape_never_drops_typed_text(store: Store, demarche_id: str) -> None:
    subgroup_id, members = formed_subgroup(store, demarche_id)
    rnd = store.capture.start_round(subgroup_id, "Question ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        await pilot.press(*"pas fini")
        await pilot.press("escape")
        assert type(app.screen) is ConfirmDialog
        await pilot.press("n")  # stay: the text is still there
        assert app.screen_stack[-1] is screen
        assert screen.input.value == "pas fini"
        assert store.capture.notes(rnd.id) == []
        await pilot.press("escape", "o")  # save it, then leave
        await pilot.pause()
        assert screen not in app.screen_stack
    (note,) = store.capture.notes(rnd.id)
    assert (note.text, note.speaker_id) == ("pas fini", members[0].id)


async def test_escape_abandons_a_correction_and_gives_back_the_draft(
    store: Store, demarche_id: str
) -> None:
    subgroup_id, _ = formed_subgroup(store, demarche_id)
    rnd = store.capture.start_round(subgroup_id, "Question ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        await type_note(pilot, "première")
        await type_note(pilot, "seconde")
        await pilot.press(*"brouillon", "f11")  # F11 works with text typed: it is set aside
        assert screen.input.value == "seconde"
        await pilot.press("up")  # untouched: ↑ goes to the note before
        assert screen.input.value == "première"
        await pilot.press("backspace", "escape")
        assert screen.editing is None
        assert screen.input.value == "brouillon"
        assert app.screen is screen
    assert [n.text for n in store.capture.notes(rnd.id)] == ["première", "seconde"]


async def test_rounds_kinds_and_old_rounds(store: Store, demarche_id: str) -> None:
    subgroup_id, members = formed_subgroup(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        # The round dialog opens after the screen's first paint: wait for it, not for a pause.
        await wait_for(pilot, lambda: isinstance(app.screen, RoundFormDialog))
        await pilot.press("escape")  # no round for now
        await wait_for(pilot, lambda: not isinstance(app.screen, RoundFormDialog))
        assert app.screen is screen
        assert store.capture.rounds(subgroup_id) == []
        # A note typed with no round: the round dialog comes, then the note goes in it.
        await type_note(pilot, "gardée")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundFormDialog))
        await start_round_by_keys(pilot, "Premier tour ?", ["backspace"])
        # No duration: the dialog stays, with its French message; nothing is started.
        dialog = app.screen
        assert isinstance(dialog, RoundFormDialog)
        await wait_for(pilot, lambda: "minutes" in dialog.error_text)
        assert app.screen is dialog
        assert store.capture.rounds(subgroup_id) == []
        await pilot.press(*"20", "enter")
        await wait_for(pilot, lambda: len(store.capture.rounds(subgroup_id)) == 1)
        first_round = store.capture.rounds(subgroup_id)[0]
        await wait_for(pilot, lambda: store.capture.notes(first_round.id) != [])
        assert [n.text for n in store.capture.notes(first_round.id)] == ["gardée"]

        await pilot.press("f9", "i")  # workshop 1: image
        await type_note(pilot, "la photo du lavoir")
        await wait_for(pilot, lambda: len(store.capture.notes(first_round.id)) == 2)
        await pilot.press("f12")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundFormDialog))
        await start_round_by_keys(pilot, "Second tour ?", "10")
        await wait_for(pilot, lambda: len(store.capture.rounds(subgroup_id)) == 2)
        second_round = store.capture.rounds(subgroup_id)[1]
        await wait_for(pilot, lambda: app.screen is screen and screen.shown_round is not None)
        assert screen.shown_round == second_round
        await pilot.press("pageup")
        await wait_for(pilot, lambda: screen.shown_round != second_round)
        assert screen.shown_round is not None
        assert screen.shown_round.id == first_round.id
        await wait_for(pilot, lambda: len(screen.query_one(NoteList).rows) == 2)
        # A new note goes to the round in progress, which comes back on screen.
        await type_note(pilot, "dite maintenant")
        await wait_for(pilot, lambda: store.capture.notes(second_round.id) != [])
        assert screen.shown_round is not None
        assert screen.shown_round.id == second_round.id

    first_notes = store.capture.notes(first_round.id)
    assert [(n.text, n.kind) for n in first_notes] == [
        ("gardée", NoteKind.CONSTAT),
        ("la photo du lavoir", NoteKind.IMAGE),
    ]
    (late,) = store.capture.notes(second_round.id)
    assert (late.text, late.kind, late.speaker_id) == (
        "dite maintenant",
        NoteKind.IMAGE,
        members[0].id,
    )
    assert store.capture.get_round(first_round.id).ended_at is not None
    assert second_round.timebox_minutes == 10


async def test_the_sub_group_theme_is_the_first_tag(store: Store, demarche_id: str) -> None:
    subgroup_id, _ = formed_subgroup(store, demarche_id)
    group = store.subgroups.get(subgroup_id)
    store.subgroups.update(subgroup_id, group.name, theme="Perspectives", indicator=2)
    rnd = store.capture.start_round(subgroup_id, "Question ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_capture(app, pilot, subgroup_id)
        await type_note(pilot, "sur le thème")
        await pilot.press("f5")  # the same indicator again: it stays
        await type_note(pilot, "encore sur le thème")
        await pilot.press("shift+f4")  # no indicator
        await type_note(pilot, "hors thème")
        await pilot.press("f8", "f8")  # vitalité, then dépression
        await type_note(pilot, "en dépression")
    notes = store.capture.notes(rnd.id)
    assert [(n.indicator, n.pole) for n in notes] == [
        (2, None),
        (2, None),
        (None, None),
        (None, Pole.DEPRESSION),
    ]


async def test_balance_and_coming_back(store: Store, demarche_id: str) -> None:
    subgroup_id, members = formed_subgroup(store, demarche_id)
    rnd = store.capture.start_round(subgroup_id, "Question ?")
    store.capture.save_note(rnd.id, members[1].id, "déjà dit")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        # Back on a round: the last speaker keeps the floor; the notes are shown.
        assert screen.current_id == members[1].id
        assert [r.note.text for r in screen.query_one(NoteList).rows] == ["déjà dit"]
        assert all(isinstance(r, NoteRow) for r in screen.query_one(NoteList).rows)
        await pilot.press("ctrl+r")
        assert type(app.screen).__name__ == "SpeakingBalanceDialog"
        await pilot.press("escape", "shift+tab")
        assert app.screen is screen
        assert screen.current_id == members[0].id
    balance = store.capture.round_balance(rnd.id)
    assert balance.person(members[1].id).turns == 1
    assert balance.not_spoken == (members[0].id, members[2].id, members[3].id)


async def test_a_long_round_shows_its_newest_notes_then_the_older_ones(
    store: Store, demarche_id: str
) -> None:
    subgroup_id, members = formed_subgroup(store, demarche_id)
    rnd = store.capture.start_round(subgroup_id, "Question ?")
    texts = [f"note {number}" for number in range(PAGE + 5)]
    for text in texts:
        store.capture.save_note(rnd.id, members[0].id, text)
    app = VitaliteApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        notes = screen.query_one(NoteList)
        assert [r.note.text for r in notes.rows] == texts[-PAGE:]
        # Corrected from the keys, an older note is shown and marked.
        await pilot.press("f11", *["up"] * PAGE)
        assert screen.input.value == texts[4]
        (marked,) = notes.query(".-editing")
        assert isinstance(marked, NoteRow)
        assert marked.note.text == texts[4]
        assert [r.note.text for r in notes.rows] == texts
        await pilot.press("escape")
    # Scrolled to the top, the list shows the notes above it.
    app = VitaliteApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        notes = screen.query_one(NoteList)
        await pilot.pause()
        notes.scroll_home(animate=False)
        for _ in range(100):  # until the older rows are laid out and the view moved down
            await pilot.pause()
            if notes.scroll_y > 0:
                break
        assert [r.note.text for r in notes.rows] == texts
        # The notes in sight before stay in sight: the view moved down by the rows above.
        assert notes.scroll_y == sum(row.outer_size.height for row in notes.rows[:5])


def test_suggested_timebox(store: Store, demarche_id: str) -> None:
    subgroup_id, _ = formed_subgroup(store, demarche_id)
    # The agenda's sub-group sequence (60 minutes in the method's evening) for the first round.
    assert store.capture.suggested_timebox(subgroup_id) == 60
    store.capture.start_round(subgroup_id, "Question ?", 25)
    assert store.capture.suggested_timebox(subgroup_id) == 25
    workshop = store.capture.workshop_of(subgroup_id)
    assert (workshop.demarche_id, workshop.number) == (demarche_id, 1)


async def test_a_round_and_notes_typed_in_one_burst(store: Store, demarche_id: str) -> None:
    """Question, Enter, duration, Enter, then notes at once: each key lands where meant."""
    subgroup_id, _ = formed_subgroup(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        while not isinstance(app.screen, RoundFormDialog):
            await pilot.pause()
        keys = [*"Quels risques", "enter", "backspace", *"15", "enter", *"un", "enter", *"de"]
        burst(app, keys)
        for _ in range(50):
            await pilot.pause()
            if screen.input.value == "de":
                break
        assert app.screen_stack[-1] is screen
        assert screen.input.value == "de"
    (rnd,) = store.capture.rounds(subgroup_id)
    assert (rnd.question, rnd.timebox_minutes) == ("Quels risques", 15)
    assert [n.text for n in store.capture.notes(rnd.id)] == ["un"]


async def test_quitting_with_typed_text_asks_first(store: Store, demarche_id: str) -> None:
    subgroup_id, _ = formed_subgroup(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        await start_round_by_keys(pilot, "Où vous retrouvez-vous ?", "15")
        await pilot.press(*"Le café a fermé", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen_stack[-1] is screen
        assert screen.input.value == "Le café a fermé"
        assert app.is_running
        await pilot.press("ctrl+q", "o")
        await pilot.pause()
        assert not app.is_running
    assert [
        n.text for r in store.capture.rounds(subgroup_id) for n in store.capture.notes(r.id)
    ] == []


def cells(renderable: RenderableType, width: int) -> list[list[tuple[str, str]]]:
    """Each cell of `renderable` drawn `width` wide: its character and its style."""
    console = Console(width=width, force_terminal=True, color_system="truecolor")
    return [
        [(char, str(seg.style or "none")) for seg in line for char in seg.text]
        for line in console.render_lines(renderable, console.options.update_width(width), pad=True)
    ]


def test_note_rows_are_laid_out_as_their_table_was() -> None:
    """The hand-made columns give the very cells and styles of the Table.grid they replace."""
    body = Text(overflow="fold")
    body.append("Jean-Paul Vidal (élu)", "bold")
    body.append(" · image", "italic")
    body.append("  Le marché 😀 du jeudi, =SUM(A1) [x] " + "x" * 60 + " l'hiver, fin.")
    for tag in ("I1+", "+", ""):
        columns = NoteColumns(Text("19:02", "dim"), body, Text(tag, "bold"))
        for width in (8, 11, 12, 30, 47, 80):
            assert cells(columns, width) == cells(columns.table(), width), (tag, width)
