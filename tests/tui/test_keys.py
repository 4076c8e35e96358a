"""Keys every laptop has: Ctrl+F then a digit for the F-keys, the user's own keys, sober mode."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest
from support.tui import open_capture, open_workshop, type_note
from textual import events
from textual.dom import DOMNode
from textual.pilot import Pilot

from tui.conftest import SIZE, footer_shows, make_app, screen_text, wait_for
from vitalite_tui.domain.colleges import College
from vitalite_tui.paths import keymap_path
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft, ParticipantRecord
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.function_keys import FunctionKeysDialog
from vitalite_tui.tui.keymap import UserKeymap, load_keymap
from vitalite_tui.tui.screens.help import HelpScreen
from vitalite_tui.tui.screens.workshops.capture import CaptureScreen
from vitalite_tui.tui.sober import SOBER_THEME, sober_reason

SnapCompare = Callable[..., bool]


def a_round(store: Store, demarche_id: str) -> tuple[str, list[ParticipantRecord]]:
    """Workshop 1, three people in one sub-group with no theme, one round started."""
    for name, college in (
        ("Ana", College.HABITANT),
        ("Bruno", College.ELU),
        ("Chloé", College.ACTEUR),
    ):
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, 1, person, True)
    group = store.subgroups.form(demarche_id, 1, count=1)[0]
    store.subgroups.update(group.id, group.name, theme="", indicator=None)
    store.capture.start_round(group.id, "Où vous retrouvez-vous ?", 15)
    return group.id, store.subgroups.get(group.id).members


def burst(app: VitaliteApp, keys: Sequence[str]) -> None:
    """Keys as a terminal delivers a burst: all queued at once, none waiting for the last."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_ctrl_f_then_a_digit_does_what_the_f_key_does(store: Store, demarche_id: str) -> None:
    subgroup_id, members = a_round(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        (rnd,) = store.capture.rounds(subgroup_id)
        # Typed in one burst: Ctrl+F 4 (F4, indicator 1), then the note, in that order.
        burst(app, ["ctrl+f", "4", *"Le marché", "enter"])
        await wait_for(pilot, lambda: len(store.capture.notes(rnd.id)) == 1)
        (note,) = store.capture.notes(rnd.id)
        assert (note.text, note.indicator, note.speaker_id) == ("Le marché", 1, members[0].id)
        await wait_for(pilot, lambda: screen.input.value == "")

        # On a French keyboard the digit row gives « é » for 2: F2, she passes; then Bruno.
        burst(app, ["ctrl+f", "é"])
        await wait_for(pilot, lambda: screen.current_id == members[1].id)
        assert [t.passed for t in store.capture.turns(rnd.id)] == [False, True]
        # Not a digit after Ctrl+F: the letter is typed all the same, nothing is swallowed.
        burst(app, ["ctrl+f", "B", "o", "n"])
        await wait_for(pilot, lambda: screen.input.value == "Bon")

        # Ctrl+F alone, a moment: the list of the screen's F-keys with their numbers.
        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: isinstance(app.screen, FunctionKeysDialog))
        shown = screen_text(app)
        assert "2  F2  Passe" in shown
        assert "4  F4  Indicateur 1" in shown
        await pilot.press("3")  # F3 from the list: the next note is anonymous
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(store.capture.notes(rnd.id)) == 2)
        assert store.capture.notes(rnd.id)[1].speaker_id is None
        assert store.capture.notes(rnd.id)[1].text == "Bon"
        # Ctrl+F 1 is F1: the help, which tells of Ctrl+F itself.
        await pilot.press("ctrl+f", "1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("end")  # after the screen's own text and keys
        await wait_for(pilot, lambda: "portable dont les touches f" in screen_text(app).lower())


async def test_ctrl_f_typed_ahead_on_a_table(store: Store, demarche_id: str) -> None:
    """On the workshop screen (a table has the focus), « Ctrl+F 7 ⏎ » in one burst shows
    the sub-groups and opens the capture of the first: the 7 is not lost on the way."""
    subgroup_id, _ = a_round(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        await pilot.press("f6")
        burst(app, ["ctrl+f", "7", "enter"])
        await wait_for(pilot, lambda: isinstance(app.screen, CaptureScreen))
        assert screen.active_part == "subgroups"
        assert isinstance(app.screen, CaptureScreen)
        assert app.screen.subgroup_id == subgroup_id


async def test_keys_from_the_data_folder(store: Store, demarche_id: str) -> None:
    subgroup_id, members = a_round(store, demarche_id)
    path = keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "capture-pass": "ctrl+t",
                "capture-anonymous": ["f3", "ctrl+n"],
                "function-keys": "ctrl+g",
            }
        )
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        (rnd,) = store.capture.rounds(subgroup_id)
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: screen.current_id == members[1].id)
        assert [t.passed for t in store.capture.turns(rnd.id)] == [True]
        # F2 was replaced, not doubled: it passes nobody now.
        await pilot.press("f2")
        await pilot.pause()
        assert screen.current_id == members[1].id
        burst(app, ["ctrl+g", "3"])  # the F-keys' prefix moved too: F3
        await type_note(pilot, "Sans nom")
        await wait_for(pilot, lambda: len(store.capture.notes(rnd.id)) == 1)
        assert store.capture.notes(rnd.id)[0].speaker_id is None
        # F1 says which keys act now.
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert isinstance(app.screen, HelpScreen)
        lines = [line.plain for line in app.screen.lines]
        assert any(line.startswith("Ctrl+T  Passe") for line in lines)
        # Both keys of one binding on one line.
        assert any(line.startswith("F3 (Ctrl+F 3) ou Ctrl+N  Anonyme") for line in lines)
        assert app.sober is None  # headless: the test terminal's colours do not count


async def test_a_damaged_keys_file_keeps_the_default_keys(store: Store, demarche_id: str) -> None:
    subgroup_id, members = a_round(store, demarche_id)
    path = keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b'{"capture-pass": "ctrl+t",\n  "capture-anonymous": ')
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(app._notifications))
        (warning,) = list(app._notifications)
        assert warning.message.startswith(f"Le fichier des touches {path}")
        assert "ligne 2" in warning.message
        assert "par défaut sont gardées" in warning.message
        screen = await open_capture(app, pilot, subgroup_id)
        (rnd,) = store.capture.rounds(subgroup_id)
        await pilot.press("ctrl+t")  # not mapped: nothing
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.current_id == members[1].id)
        assert [t.passed for t in store.capture.turns(rnd.id)] == [True]


async def test_sober_display(store: Store, demarche_id: str) -> None:
    subgroup_id, _ = a_round(store, demarche_id)
    app = VitaliteApp(store, sober=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_capture(app, pilot, subgroup_id)
        assert app.sober == "option --sobre"
        assert app.theme == SOBER_THEME.name
        assert app.animation_level == "none"
        # The app turns blinking off as the focus reaches the field (a message on its way).
        await wait_for(pilot, lambda: screen.input.has_focus and not screen.input.cursor_blink)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "Affichage sobre (option --sobre)" in screen_text(app)


def test_keymap_path_is_in_the_data_folder(isolated_home: Path) -> None:
    assert keymap_path() == isolated_home / "touches.json"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"[1, 2]", "doit être un objet JSON"),
        (b'{"capture-pass": 2}', "«\u00a0capture-pass\u00a0» doit recevoir une touche"),
        (b'{"capture-pass": []}', "doit recevoir une touche"),
        (b'{"capture-pass": "ctlr+t"}', "«\u00a0ctlr+t\u00a0» (pour «\u00a0capture-pass"),
        (b'{"capture-pass": "f25"}', "n'est pas une touche connue"),
        (b'{"capture-pass": "ctrl+t"', "n'est pas du JSON valide (ligne 1)"),
        ('{"aide": "f1"}'.encode("latin-1") + b"\xe9", "n'est pas un texte UTF-8"),
    ],
)
def test_a_keys_file_that_cannot_be_used_is_set_aside_whole(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "touches.json"
    path.write_bytes(content)
    found = load_keymap(path)
    assert found.keys == {}
    assert found.problem is not None
    assert problem in found.problem
    assert f"fichier des touches {path}" in found.problem
    assert "les touches par défaut sont gardées" in found.problem


def test_keys_file_forms(tmp_path: Path) -> None:
    path = tmp_path / "touches.json"
    assert load_keymap(path) == UserKeymap()  # no file: nothing to say
    # A BOM (Notepad), a list, spaces and capitals: all read.
    path.write_bytes('\ufeff{"capture-pass": ["F2", " Ctrl+T "], "help": "f1,?"}'.encode())
    assert load_keymap(path) == UserKeymap({"capture-pass": "f2,ctrl+t", "help": "f1,?"})
    # A folder where the file should be: it cannot be read, and says so.
    path.unlink()
    path.mkdir()
    found = load_keymap(path)
    assert found.problem is not None
    assert "n'a pas pu être lu" in found.problem


def test_an_unreadable_keys_file(tmp_path: Path) -> None:
    path = tmp_path / "touches.json"
    path.write_text('{"capture-pass": "ctrl+t"}')
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("run as root: a file without permissions stays readable")
        found = load_keymap(path)
    finally:
        path.chmod(0o600)
    assert found.problem is not None
    assert "n'a pas pu être lu" in found.problem


@pytest.mark.parametrize(
    ("environ", "asked", "terminal", "reason"),
    [
        ({}, True, True, "option --sobre"),
        ({"VITALITE_SOBRE": "1", "TERM": "xterm-256color"}, False, False, "VITALITE_SOBRE=1"),
        ({"VITALITE_SOBRE": "oui"}, False, True, "VITALITE_SOBRE=oui"),
        ({"VITALITE_SOBRE": "0", "TERM": "linux"}, False, True, None),
        ({"TERM": "linux"}, False, True, "TERM=linux"),
        ({"TERM": "xterm"}, False, True, "TERM=xterm"),
        ({"TERM": "xterm", "COLORTERM": "truecolor"}, False, True, None),
        ({"TERM": "xterm-256color", "NO_COLOR": ""}, False, True, "NO_COLOR"),
        ({"TERM": "xterm-256color"}, False, True, None),
        # A test's headless terminal: its colours do not count.
        ({"TERM": "linux", "NO_COLOR": "1"}, False, False, None),
    ],
)
def test_when_the_display_is_sober(
    environ: dict[str, str], asked: bool, terminal: bool, reason: str | None
) -> None:
    assert sober_reason(environ, asked=asked, terminal=terminal) == reason


def test_sober_display_snapshot(snap_compare: SnapCompare, store: Store) -> None:
    """The démarche screen in the sober theme: white on black, a yellow cursor, 16 colours."""
    from vitalite_tui.tui.screens.demarche import DemarcheScreen

    demarche_id = store.demarches.create("CC du Val d'Orbieu", "Lagrasse, Fabrezan, Ribaute")
    for number, college in enumerate((College.ELU, College.ACTEUR, College.HABITANT), 1):
        store.participants.add(demarche_id, ParticipantDraft(f"Personne {number}", college))
    # Chosen, not the default (a year after today): the picture holds whatever the day.
    store.retention.set(demarche_id, date(2099, 12, 31))

    async def shown(pilot: Pilot[None]) -> None:
        await wait_for(
            pilot,
            lambda: (
                isinstance(pilot.app.screen, DemarcheScreen) and footer_shows(pilot.app, "F1 Aide")
            ),
        )

    app = VitaliteApp(store, demarche_id=demarche_id, sober=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=shown)


def binding_ids() -> set[str]:
    """Every binding id of the app's screens, dialogs and widgets."""
    import vitalite_tui.tui as tui

    ids: set[str] = set()
    for info in pkgutil.walk_packages(tui.__path__, "vitalite_tui.tui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            merged = (
                value._merged_bindings
                if isinstance(value, type) and issubclass(value, DOMNode)
                else None
            )
            if merged is not None:
                ids.update(
                    b.id for bindings in merged.key_to_bindings.values() for b in bindings if b.id
                )
    return ids


def test_the_readme_names_real_binding_ids() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Vos propres touches", 1)[1].split("###", 1)[0]
    named = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`", section))
    named |= {f"capture-indicator-{n}" for n in range(1, 5)}
    assert named - binding_ids() == set()
    assert "capture-pass" in named
