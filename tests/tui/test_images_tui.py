"""Associated images by key presses: from the capture screen in one go, and in their own part."""

from __future__ import annotations

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from tui.conftest import make_app
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.contents.images import ImagesPart
from vitalite_tui.tui.dialogs.image_form import ImageFormDialog, find_person
from vitalite_tui.tui.screens.workshops.capture import CaptureScreen
from vitalite_tui.tui.screens.workshops.contents import contents_screen
from vitalite_tui.tui.widgets.notes import NoteList

SIZE = (80, 24)

PEOPLE = (
    ("Martine Roux", College.HABITANT),
    ("Jean-Paul Vidal", College.ELU),
    ("Marc Garcia", College.ACTEUR),
)


def subgroup_of(store: Store, demarche_id: str, number: int = 1) -> tuple[str, list[str]]:
    """Three people present at a workshop, formed into one sub-group with no theme."""
    for name, college in PEOPLE:
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, number, person, True)
    group = store.subgroups.form(demarche_id, number, count=1)[0]
    store.subgroups.update(group.id, group.name, theme="", indicator=None)
    return group.id, [m.id for m in store.subgroups.get(group.id).members]


async def open_capture(app: VitaliteApp, pilot: Pilot[None], subgroup_id: str) -> CaptureScreen:
    screen = CaptureScreen(subgroup_id)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def test_an_image_recorded_from_the_capture_screen(store: Store, demarche_id: str) -> None:
    subgroup_id, members = subgroup_of(store, demarche_id)
    rnd = store.capture.start_round(subgroup_id, "Quelle image associez-vous au village ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        await pilot.press("tab")  # the second person has the floor
        speaker = screen.current_id
        assert speaker == members[1]
        # What they say is typed as usual, tagged I1 and the depression pole (F8 twice).
        await pilot.press(*"Plus personne sur le banc", "f4", "f8", "f8")
        await pilot.press("ctrl+o")
        dialog = app.screen
        assert isinstance(dialog, ImageFormDialog)
        # The person is already there: the card comes first; then Enter through the fields.
        name = store.participants.get(members[1]).display_name
        assert dialog.query_one("#image-person", Input).value.endswith(name)
        await pilot.press(*"23", "enter", "enter", "enter", "enter")
        assert app.screen is screen
        # Saved: the line is cleared, the note is in the round, on screen too.
        assert screen.input.value == ""
        (image,) = store.images.all(demarche_id)
        assert (image.participant_id, image.card, image.indicator, image.pole) == (
            speaker,
            "23",
            1,
            Pole.DEPRESSION,
        )
        assert image.why == "Plus personne sur le banc"
        (note,) = store.capture.notes(rnd.id)
        assert note.id == image.note_id
        assert (note.kind, note.speaker_id, note.text) == (
            NoteKind.IMAGE,
            speaker,
            "Carte 23 : Plus personne sur le banc",
        )
        assert [row.id for row in screen.notes] == [note.id]
        assert len(screen.query_one(NoteList).children) >= 1
        # The tags stay on for the next note, as after any note.
        assert (screen.tags.indicator, screen.tags.pole) == (1, Pole.DEPRESSION)


async def test_an_image_typed_in_a_burst_and_the_next_note_after_it(
    store: Store, demarche_id: str
) -> None:
    """Ctrl+O, the card, Enter through the fields, then the next note at once: each key
    lands where it was meant, none is lost while the dialog closes."""
    subgroup_id, _ = subgroup_of(store, demarche_id)
    rnd = store.capture.start_round(subgroup_id, "Quelle image ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        keys = [*"le pont", "ctrl+o", *"15", "enter", "3", "enter", "v", "enter", "enter"]
        keys += [*"on se voit", "enter", *"en"]
        for key in keys:
            character = {"enter": "\r", "ctrl+o": None}.get(key, key)
            app.post_message(events.Key(key, character))
        for _ in range(100):
            await pilot.pause()
            if screen.input.value == "en":
                break
        assert pilot.app.screen is screen
        assert screen.input.value == "en"
    (image,) = store.images.all(demarche_id)
    assert (image.card, image.indicator, image.pole, image.why) == (
        "15",
        3,
        Pole.VITALITY,
        "le pont",
    )
    assert [n.text for n in store.capture.notes(rnd.id)] == ["Carte 15 : le pont", "on se voit"]


async def test_a_cancelled_image_keeps_the_line(store: Store, demarche_id: str) -> None:
    subgroup_id, _ = subgroup_of(store, demarche_id)
    store.capture.start_round(subgroup_id, "Quelle image ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        await pilot.press(*"le pont", "ctrl+o")
        # No card: refused in French, the dialog stays with what was typed.
        await pilot.press("f2")
        dialog = app.screen
        assert isinstance(dialog, ImageFormDialog)
        assert "Carte : ce champ est obligatoire" in dialog.error_text
        assert dialog.query_one("#image-why", Input).value == "le pont"
        await pilot.press("escape")
        assert pilot.app.screen is screen
        assert screen.input.value == "le pont"
    assert store.images.all(demarche_id) == []


async def test_the_image_key_is_only_for_workshop_one(store: Store, demarche_id: str) -> None:
    subgroup_id, _ = subgroup_of(store, demarche_id, number=2)
    store.capture.start_round(subgroup_id, "Quelle tendance ?")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        assert screen.check_action("image", ()) is False
        await pilot.press(*"texte", "ctrl+o")
        assert app.screen is screen
        assert screen.input.value == "texte"


async def test_images_part_add_edit_remove_restore(store: Store, demarche_id: str) -> None:
    subgroup_of(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(contents_screen(demarche_id, 1, initial="images"))
        await pilot.pause()
        part = app.screen.query_one(ImagesPart)
        assert "Aucune image associée" in str(part.query_one("#images-empty").render())
        # n: the person by the beginning of a name (« mart » is Martine only), the card,
        # indicator 2, pole v, why; Enter on the last field saves.
        await pilot.press("n")
        assert isinstance(app.screen, ImageFormDialog)
        await pilot.press(*"mart", "enter", *"7", "enter", "2", "enter", "v", "enter")
        await pilot.press(*"Un voisin m'a aidée", "enter")
        (image,) = store.images.all(demarche_id)
        assert store.participants.get(image.participant_id or "").display_name == "Martine Roux"
        assert (image.card, image.indicator, image.pole, image.why) == (
            "7",
            2,
            Pole.VITALITY,
            "Un voisin m'a aidée",
        )
        # Enter corrects it: a new card number.
        await pilot.press("enter")
        assert isinstance(app.screen, ImageFormDialog)
        await pilot.press("tab")  # to the card
        card = app.screen.query_one("#image-card", Input)
        card.value = ""
        await pilot.press(*"17", "f2")
        assert store.images.all(demarche_id)[0].card == "17"
        assert "Carte 17 : Un voisin" in store.capture.workshop_notes(demarche_id, 1)[0].text
        # Suppr removes it with its note; u brings both back.
        await pilot.press("delete")
        assert store.images.all(demarche_id) == []
        assert store.capture.workshop_notes(demarche_id, 1) == []
        await pilot.press("u")
        assert [i.card for i in store.images.all(demarche_id)] == ["17"]
        assert len(store.capture.workshop_notes(demarche_id, 1)) == 1


# ---------------------------------------------------------------- naming someone


def person(code: str, name: str) -> ParticipantRecord:
    return ParticipantRecord(code, code, name, College.HABITANT, "", "", "", True, False, False)


def test_someone_is_found_by_code_or_the_beginning_of_a_name() -> None:
    people = [
        person("P001", "Martine Roux"),
        person("P002", "Marc Garcia"),
        person("P003", "Éloïse"),
    ]
    assert find_person("", people) is None  # anonymous
    assert find_person("p002", people) == people[1]
    assert find_person("P001 Martine Roux", people) == people[0]
    assert find_person("mart", people) == people[0]
    assert find_person("garc", people) == people[1]  # a word of the name
    assert find_person("eloi", people) == people[2]  # accents aside
    with pytest.raises(InvalidInput, match="peut être Martine Roux, Marc Garcia"):
        find_person("mar", people)
    with pytest.raises(InvalidInput, match="personne ne s'appelle « Zoé »"):
        find_person("Zoé", people)
