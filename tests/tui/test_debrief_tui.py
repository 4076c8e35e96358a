"""The debrief part (workshop 1, F7): filter and file notes into axes by key presses."""

from __future__ import annotations

import pytest
from support.debrief import ORDER, Scene, axis_of, make_scene
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from tui.conftest import make_app, opened, wait_for
from vitalite_tui.domain.debrief import NO_AXIS, UNTAGGED
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store import Store
from vitalite_tui.store.felt.debrief_records import AxisDraft, AxisRecord
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.contents.debrief import DebriefPart, SearchInput
from vitalite_tui.tui.dialogs.axes import AxesDialog
from vitalite_tui.tui.dialogs.axis_form import AxisFormDialog
from vitalite_tui.tui.dialogs.axis_pick import AxisPickDialog
from vitalite_tui.tui.screens.workshops import contents
from vitalite_tui.tui.screens.workshops.contents import ContentsScreen, contents_screen

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def debrief_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workshop 1's contents with the debrief alone: these tests do not depend on the other
    parts (felt barometer, images), which are built elsewhere."""
    debrief = tuple(spec for spec in contents.CONTENTS[1] if spec.part == "debrief")
    monkeypatch.setitem(contents.CONTENTS, 1, debrief)


@pytest.fixture
def scene(store: Store, demarche_id: str) -> Scene:
    return make_scene(store, demarche_id)


def two_axes(store: Store, scene: Scene) -> tuple[AxisRecord, AxisRecord]:
    places = store.axes.create(scene.demarche_id, AxisDraft("Recréer des lieux", indicator=1))
    info = store.axes.create(scene.demarche_id, AxisDraft("Rapprocher l'information"))
    return places, info


async def open_debrief(app: VitaliteApp, pilot: Pilot[None], demarche_id: str) -> DebriefPart:
    await app.push_screen(contents_screen(demarche_id, 1, initial="debrief"))
    await pilot.pause()
    return app.screen.query_one(DebriefPart)


def burst(app: VitaliteApp, keys: str) -> None:
    """Keys as a terminal delivers a burst: all queued at once, none waiting for the last."""
    for key in keys:
        app.post_message(events.Key("space", " ") if key == " " else events.Key(key, key))


async def settle(pilot: Pilot[None], done: object) -> None:
    """Let the queued keys be handled (at most 50 pauses) until `done()` holds."""
    assert callable(done)
    for _ in range(50):
        await pilot.pause()
        if done():
            return


def focused(app: VitaliteApp) -> Widget | None:
    """The widget with the focus (a function: each call is a fresh look for the type checker)."""
    return app.focused


def shown(part: DebriefPart, scene: Scene) -> list[str]:
    names = {note_id: name for name, note_id in scene.notes.items()}
    return [names[note_id] for note_id in part.notes]


async def test_digits_typed_in_a_burst_file_each_note_and_move_on(
    store: Store, scene: Scene
) -> None:
    places, info = two_axes(store, scene)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_debrief(app, pilot, scene.demarche_id)
        assert shown(part, scene) == ORDER
        assert focused(app) is part.table
        burst(app, "11202")
        await settle(pilot, lambda: part.table.cursor_row == 5)
        expected = {
            "cafe": places.id,
            "market": places.id,
            "bench": info.id,
            "town_hall": None,  # 0: out of any axis (it was in none)
            "shopping": info.id,
            "volunteers": None,
        }
        assert {name: axis_of(scene.notes[name]) for name in expected} == expected
        assert part.table.cursor_row == 5
        # The rows show their axis at once; the list at the bottom counts them.
        assert part.notes[scene.notes["bench"]].axis_number == 2
        assert [(a.number, a.note_count) for a in part.axes] == [(1, 2), (2, 2)]
        # 0 takes a note back out; a digit with no axis behind it changes nothing.
        await pilot.press("up", "up", "up", "0", "7")
        assert axis_of(scene.notes["bench"]) is None
        assert axis_of(scene.notes["town_hall"]) is None


async def test_marked_notes_are_filed_together(store: Store, scene: Scene) -> None:
    _, info = two_axes(store, scene)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_debrief(app, pilot, scene.demarche_id)
        # Space marks and moves on: cafe and bench marked, market skipped.
        await pilot.press("space", "down", "space")
        assert part.marked == {scene.notes["cafe"], scene.notes["bench"]}
        await pilot.press("2")
        assert axis_of(scene.notes["cafe"]) == info.id
        assert axis_of(scene.notes["bench"]) == info.id
        assert axis_of(scene.notes["market"]) is None
        assert part.marked == set()
        assert part.table.cursor_row == 3  # a batch leaves the cursor where it was
        # Escape with no filter on takes the marks off before it leaves the screen.
        await pilot.press("space")
        assert part.marked == {scene.notes["town_hall"]}
        await pilot.press("escape")
        assert part.marked == set()
        assert isinstance(app.screen, ContentsScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, ContentsScreen)


async def test_one_key_per_filter_then_escape_shows_everything(store: Store, scene: Scene) -> None:
    places, _ = two_axes(store, scene)
    store.axes.assign([scene.notes["cafe"], scene.notes["shopping"]], places.id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_debrief(app, pilot, scene.demarche_id)
        await pilot.press("i", "i")
        assert part.chosen.indicator == 2
        assert shown(part, scene) == ["town_hall"]
        filters = str(part.query_one("#debrief-filters").render())
        assert "Indic. : I2" in filters
        assert "Groupe : tous" in filters
        await pilot.press("i", "i", "i")
        assert part.chosen.indicator == UNTAGGED
        assert shown(part, scene) == ["question"]
        await pilot.press("i", "g", "g")  # indicator back to « tous »; sub-group 2
        assert part.chosen.indicator is None
        assert part.chosen.subgroup == scene.groups[1]
        assert shown(part, scene) == ["shopping", "volunteers", "question"]
        await pilot.press("p")
        assert part.chosen.pole is Pole.VITALITY
        assert shown(part, scene) == ["shopping"]
        await pilot.press("escape")
        assert shown(part, scene) == ORDER
        await pilot.press("k", "k")
        assert part.chosen.kind is NoteKind.IMAGE
        assert shown(part, scene) == ["bench"]
        await pilot.press("k", "x")
        assert part.chosen.axis == NO_AXIS
        assert "Axe : sans axe" in str(part.query_one("#debrief-filters").render())
        assert shown(part, scene) == [n for n in ORDER if n not in ("cafe", "shopping")]
        await pilot.press("x")
        assert shown(part, scene) == ["cafe", "shopping"]
        await pilot.press("escape")
        assert shown(part, scene) == ORDER
        assert isinstance(app.screen, ContentsScreen)


async def test_the_text_filter_ignores_accents_and_escape_leaves_it(
    store: Store, scene: Scene
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_debrief(app, pilot, scene.demarche_id)
        await pilot.press("slash")
        search = part.query_one(SearchInput)
        assert focused(app) is search
        # Letters and digits are text here, not keys of the part.
        await pilot.press(*"cafe 2")
        assert search.value == "cafe 2"
        assert part.chosen.indicator is None
        await pilot.pause()
        assert shown(part, scene) == ["cafe"]
        await pilot.press("enter")
        assert focused(app) is part.table
        assert shown(part, scene) == ["cafe"]
        await pilot.press("slash", "escape")
        assert search.value == ""
        assert focused(app) is part.table
        await pilot.pause()
        assert shown(part, scene) == ORDER
        await pilot.press("slash", *"BANC", "down")
        await pilot.pause()
        assert shown(part, scene) == ["bench"]
        assert focused(app) is part.table
        await pilot.press("escape")  # on the notes: every filter off, the text too
        await pilot.pause()
        assert search.value == ""
        assert shown(part, scene) == ORDER


async def test_new_axis_by_keys_then_a_note_filed_in_it(store: Store, scene: Scene) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_debrief(app, pilot, scene.demarche_id)
        assert "Aucun axe" in str(part.query_one("#debrief-axes").render())
        await pilot.press("1")  # no axis yet: nothing is filed
        assert axis_of(scene.notes["cafe"]) is None
        await pilot.press("n")
        assert isinstance(app.screen, AxisFormDialog)
        await pilot.press(*"Lieux", "enter", *"Cafés", "enter", "1", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, AxisFormDialog)
        (axis,) = store.axes.all(scene.demarche_id)
        assert (axis.title, axis.description, axis.indicator) == ("Lieux", "Cafés", 1)
        assert part.axes == [axis]
        await pilot.press("1")
        assert axis_of(scene.notes["cafe"]) == axis.id
        # A twin title is refused in French; what was typed stays in the form.
        await pilot.press("n", *"LIEUX", "f2")
        assert isinstance(app.screen, AxisFormDialog)
        assert "s'appelle déjà" in app.screen.error_text
        assert app.screen.query_one("#axis-title", Input).value == "LIEUX"
        await pilot.press("escape")
        assert len(store.axes.all(scene.demarche_id)) == 1


async def test_enter_chooses_the_axis_from_a_list_and_e_renames_one(
    store: Store, scene: Scene
) -> None:
    places, info = two_axes(store, scene)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_debrief(app, pilot, scene.demarche_id)
        await pilot.press("enter")
        assert isinstance(app.screen, AxisPickDialog)
        await pilot.press("2")
        assert axis_of(scene.notes["cafe"]) == info.id
        assert part.table.cursor_row == 1
        await pilot.press("enter", "down", "enter")  # ↓ then ⏎ in the list: axis 2 too
        await pilot.pause()
        assert axis_of(scene.notes["market"]) == info.id
        await pilot.press("e", "1")
        assert isinstance(app.screen, AxisFormDialog)
        title = app.screen.query_one("#axis-title", Input)
        title.value = ""
        await pilot.press(*"Vie", "f2")
        await pilot.pause()
        assert store.axes.get(places.id).title == "Vie"
        assert part.axes[0].title == "Vie"


async def test_the_axes_list_removes_restores_reorders_and_renames(
    store: Store, scene: Scene
) -> None:
    places, info = two_axes(store, scene)
    store.axes.assign([scene.notes["cafe"], scene.notes["market"]], places.id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_debrief(app, pilot, scene.demarche_id)
        await pilot.press("a")
        await opened(pilot, AxesDialog)
        await pilot.press("delete")
        await wait_for(pilot, lambda: store.axes.get(places.id).removed)
        # The notes keep their link to the removed axis…
        assert axis_of(scene.notes["cafe"]) == places.id
        await pilot.press("escape")
        await pilot.pause()
        # …but the debrief shows them in no axis, and 1 is now the other axis.
        assert [a.id for a in part.axes] == [info.id]
        assert part.notes[scene.notes["cafe"]].axis_number is None
        await pilot.press("a")
        dialog = await opened(pilot, AxesDialog)
        assert dialog.current is not None
        assert dialog.current.id == info.id
        await pilot.press("down", "u")  # the removed axis is listed after the live ones
        await wait_for(pilot, lambda: not store.axes.get(places.id).removed)
        assert [a.id for a in store.axes.all(scene.demarche_id)] == [places.id, info.id]
        await pilot.press("shift+down")
        assert [a.id for a in store.axes.all(scene.demarche_id)] == [info.id, places.id]
        await pilot.press("enter")
        await opened(pilot, AxisFormDialog)
        await pilot.press("enter", "enter", "3", "enter")  # title, description, then I3
        await pilot.pause()
        assert store.axes.get(places.id).indicator == 3
        assert store.axes.get(places.id).title == "Recréer des lieux"
        assert isinstance(app.screen, AxesDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert [a.id for a in part.axes] == [info.id, places.id]
        assert part.notes[scene.notes["cafe"]].axis_number == 2


async def test_an_empty_workshop_says_what_to_do(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        part = await open_debrief(app, pilot, demarche_id)
        assert part.notes == {}
        empty = str(part.query_one("#debrief-empty").render())
        assert "Aucune note" in empty
        assert "tours d'expression" in empty
        await pilot.press("1", "space", "0", "i", "enter")
        assert isinstance(app.screen, ContentsScreen)
        await pilot.press("n", *"Aide", "f2")
        await pilot.pause()
        assert [a.title for a in store.axes.all(demarche_id)] == ["Aide"]
