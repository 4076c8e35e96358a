"""The registry's traps: `u` on the last action, duplicates, Escape and F1 in forms, communes
outside the territory, the consent pair, the focus, and the filter typed ahead."""

from __future__ import annotations

from typing import Any

from support.keys import from_terminal
from support.tui import PEOPLE, open_registry, register
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from tui.conftest import SIZE, make_app, screen_text, wait_for
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.committee_form import CommitteeFormDialog
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.dialogs.participant_form import ParticipantFormDialog
from vitalite_tui.tui.dialogs.registry_checks import (
    CommunePickDialog,
    DuplicatePickDialog,
    SamePersonDialog,
)
from vitalite_tui.tui.screens.help import HelpScreen
from vitalite_tui.tui.screens.preparation.step1 import Step1Screen
from vitalite_tui.tui.widgets.form import Field, FormCheckbox
from vitalite_tui.tui.widgets.unsaved_sheet import UnsavedSheetDialog


def names(store: Store, demarche_id: str) -> list[str]:
    return sorted(p.display_name for p in store.participants.all(demarche_id))


def footer_text(app: VitaliteApp) -> str:
    return screen_text(app).splitlines()[-1]


def lit_labels(screen: Screen[Any]) -> list[str]:
    """The labels shown highlighted (bold) on `screen`."""
    return [
        str(f.query_one(Label).render())
        for f in screen.query(Field)
        if f.query_one(Label).rich_style.bold
    ]


async def test_u_undoes_the_last_action_and_names_it(store: Store, demarche_id: str) -> None:
    """Remove A, register B: `u` takes B back first (it says so), then brings A back."""
    register(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_registry(app, pilot, demarche_id)
        assert "u Annuler" not in footer_text(app)  # nothing to undo yet: not shown
        await pilot.press("delete", "o")  # the first row: Anne Azéma
        await wait_for(pilot, lambda: "Anne Azéma" not in names(store, demarche_id))
        assert "u Annuler" in footer_text(app)
        assert footer_text(app).endswith("F1 Aide")
        await pilot.press("a", *"Zoé Zed", "enter", "3", "enter", *"Lagrasse", "f2")
        await wait_for(pilot, lambda: "Zoé Zed" in names(store, demarche_id))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "Annuler l'inscription de Zoé Zed (P007)" in screen_text(app)
        await pilot.press("escape", "u")
        await wait_for(pilot, lambda: "Zoé Zed" not in names(store, demarche_id))
        assert "Anne Azéma" not in names(store, demarche_id)
        await pilot.press("u")
        await wait_for(pilot, lambda: "Anne Azéma" in names(store, demarche_id))
        await wait_for(pilot, lambda: "u Annuler" not in footer_text(app))
        assert "Zoé Zed" not in names(store, demarche_id)


async def test_a_probable_duplicate_is_warned_and_joined(store: Store, demarche_id: str) -> None:
    """« anne  AZEMA » of Lagrasse again: the existing card is offered; registered anyway,
    `d` lists the pair and joins it, keeping the first code and its attendance."""
    ids = register(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        await pilot.press("a", *"anne  AZEMA", "enter", "1", "enter", *"lagrasse", "f2")
        await wait_for(pilot, lambda: isinstance(app.screen, SamePersonDialog))
        assert "P001 Anne Azéma (Lagrasse)" in screen_text(app)
        await pilot.press("1")  # open her card instead
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, ParticipantFormDialog)
                and app.screen.form_title == "Fiche de P001"
            ),
        )
        await pilot.press("escape")  # nothing changed on it: closes at once
        await wait_for(pilot, lambda: app.screen is screen)
        assert len(names(store, demarche_id)) == len(PEOPLE)
        assert "d pour les réunir" not in screen_text(app)

        await pilot.press("a", *"anne  AZEMA", "enter", "1", "enter", *"lagrasse", "f2")
        await wait_for(pilot, lambda: isinstance(app.screen, SamePersonDialog))
        await pilot.press("2")  # register anyway
        await wait_for(pilot, lambda: len(names(store, demarche_id)) == len(PEOPLE) + 1)
        await wait_for(pilot, lambda: "1 doublon probable" in screen_text(app))
        twin = next(p.id for p in store.participants.all(demarche_id) if p.code == "P007")
        store.workshops.set_present(demarche_id, 1, twin, True)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, DuplicatePickDialog))
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        question = screen_text(app)
        assert "Réunir P001 et P007" in question
        assert "La fiche de P001 est gardée" in question
        await pilot.press("o")
        await wait_for(pilot, lambda: len(names(store, demarche_id)) == len(PEOPLE))
        await wait_for(pilot, lambda: "doublon" not in screen_text(app))
    present = [e.participant.id for e in store.workshops.present(demarche_id, 1)]
    assert present == [ids["Anne Azéma"]]


async def test_escape_on_typed_forms_asks(store: Store, demarche_id: str) -> None:
    """A participant card and a committee member with text typed: Escape asks; Escape there
    goes back to the text, « 2 » drops it. An untouched form closes at once."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        await pilot.press("a", "escape")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("a", *"Jo", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedSheetDialog))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ParticipantFormDialog))
        await pilot.press(*"sé", "escape", "1")  # save, as F2
        await wait_for(pilot, lambda: app.screen is screen)
        assert names(store, demarche_id) == ["José"]

        await app.push_screen(CommitteeFormDialog("Nouveau membre"))
        await pilot.press(*"Marie", "enter", *"élue")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedSheetDialog))
        await pilot.press("2")
        await wait_for(pilot, lambda: app.screen is screen)


async def test_f1_inside_forms_explains_fields_and_consents(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_registry(app, pilot, demarche_id)
        await pilot.press("a", *"Jo", "f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.intro.replace("\u00a0", " ")
        assert "« données conservées » = ses données sont gardées pour la démarche" in help_text
        assert "« recontacté(e) » = elle peut être recontactée" in help_text
        assert "« nommé(e) dans les documents » = son nom peut figurer" in help_text
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ParticipantFormDialog))
        assert app.screen.query_one("#name", Input).value == "Jo"
        await app.push_screen(CommitteeFormDialog("Nouveau membre"))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert isinstance(app.screen, HelpScreen)
        assert "comité de pilotage" in app.screen.intro


async def test_commune_outside_and_consents_follow(store: Store, demarche_id: str) -> None:
    """« Ribot »: the closest commune is offered and taken; « Paris » kept when asked to.
    Ticking « nommé » ticks « données »; unticking « données » unticks « nommé »."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        await pilot.press("a", *"Léa", "enter", "3", "enter", *"Ribot", "f2")
        await wait_for(pilot, lambda: isinstance(app.screen, CommunePickDialog))
        assert "« Ribot » n'est pas une commune du territoire" in screen_text(app)
        await pilot.press("1")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("a", *"Marc", "enter", "1", "enter", *"Paris", "enter")
        await pilot.press("enter", "enter")  # structure, contact: on to the consents
        dialog = app.screen
        assert isinstance(dialog, ParticipantFormDialog)
        data = dialog.query_one("#consent-data", FormCheckbox)
        named = dialog.query_one("#consent-named", FormCheckbox)
        await pilot.press("enter", "enter", "space")  # tick « nommé »
        await wait_for(pilot, lambda: data.value and named.value)
        await pilot.press("shift+tab", "shift+tab", "space")  # untick « données »
        await wait_for(pilot, lambda: not data.value and not named.value)
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, CommunePickDialog))
        await pilot.press("4")  # keep « Paris » as typed
        await wait_for(pilot, lambda: app.screen is screen)
    communes = {p.display_name: p.commune for p in store.participants.all(demarche_id)}
    assert communes == {"Léa": "Ribaute", "Marc": "Paris"}


async def test_label_follows_the_cursor_and_errors_take_the_focus(
    store: Store, demarche_id: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_registry(app, pilot, demarche_id)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ParticipantFormDialog))

        def lit() -> list[str]:
            return lit_labels(app.screen)

        assert lit() == ["Nom"]
        await pilot.press("enter")
        await wait_for(pilot, lambda: lit() == ["Collège"])
        await pilot.press("enter")
        await wait_for(pilot, lambda: lit() == ["Commune"])
        await pilot.press("f2")  # no name: refused, the focus goes back to it
        await wait_for(pilot, lambda: lit() == ["Nom"])
        assert app.focused is not None
        assert app.focused.id == "name"


async def test_filter_typed_again_after_escape_is_kept(store: Store, demarche_id: str) -> None:
    """`/hor`, then « Échap /race » as a terminal sends it typed fast: the filter holds
    « race » (it was cleared after « /race » was typed into it, and lost)."""
    register(store, demarche_id)
    store.participants.add(demarche_id, ParticipantDraft("Horace Vidal", College.HABITANT))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        await pilot.press("slash", *"hor")
        await wait_for(pilot, lambda: len(screen.records) == 1)
        from_terminal(app, "\x1b/race")
        await wait_for(pilot, lambda: screen.filter_text == "race", timeout=10)
        await wait_for(pilot, lambda: len(screen.records) == 1)
        assert app.screen is screen
        assert not screen.query_one("#empty", Static).display


async def test_step1_error_takes_the_focus_and_the_label_follows(
    store: Store, demarche_id: str
) -> None:
    """Step 1 is not a dialog, but its fields are the forms' `Field`: the same two rules."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = Step1Screen(demarche_id)
        await app.push_screen(screen)
        await pilot.press(*"31/02/2026", "enter", *"14/03/2026", "enter")
        await wait_for(pilot, lambda: lit_labels(screen) == ["Référence"])
        await pilot.press("f2")
        await wait_for(pilot, lambda: lit_labels(screen) == ["Présentation le"])
        assert app.focused is not None
        assert app.focused.id == "presentation-date"
