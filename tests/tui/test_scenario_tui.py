"""The scenario sketch by key presses: four texts, F2 to store them, F4 to draft them."""

from __future__ import annotations

from support.tui import open_part

from tui.conftest import SIZE, make_app, screen_text
from vitalite_tui.store import Store
from vitalite_tui.store.prospective.records import IntentionDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.contents.intentions import IntentionsPart
from vitalite_tui.tui.contents.scenario import ScenarioPart, ScenarioText
from vitalite_tui.tui.dialogs.confirm import ConfirmDialog
from vitalite_tui.tui.screens.workshops.contents import ContentsScreen


def on_top(app: VitaliteApp) -> object:
    """The screen on top now (a function: no narrowing left over from an earlier check)."""
    return app.screen


async def test_the_scenario_is_written_drafted_and_stored_by_keys(
    store: Store, demarche_id: str
) -> None:
    store.intentions.create(demarche_id, IntentionDraft("Un café associatif", indicators=(1,)))
    store.intentions.create(demarche_id, IntentionDraft("Un minibus", indicators=(1, 2)))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id, "scenario")
        screen = app.screen
        assert isinstance(screen, ContentsScreen)
        part = screen.query_one(ScenarioPart)
        assert isinstance(app.focused, ScenarioText)
        assert app.focused.id == "scenario-1"

        # Typed in the first text, Enter makes a new line; nothing stored before F2.
        await pilot.press(*"Des lieux", "enter", *"ouverts")
        assert part.unsaved_text() == "Des lieux\nouverts"
        assert screen.unsaved_text() == "Des lieux\nouverts"
        assert store.scenario.text_map(demarche_id)[1] == ""
        await pilot.press("f2")
        assert store.scenario.text_map(demarche_id)[1] == "Des lieux\nouverts"
        assert part.unsaved_text() == ""

        # F4: the first text is written, so the question is asked; « non » fills the others.
        await pilot.press("f4")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert part.area(1).text == "Des lieux\nouverts"
        assert "« Un minibus »" in part.area(2).text
        assert part.area(3).text == part.area(4).text == ""
        assert store.scenario.text_map(demarche_id)[2] == ""  # proposals wait for F2
        assert "« Un minibus »" in part.unsaved_text()

        # Leaving for another part and back keeps what is not stored yet.
        await pilot.press("f6")
        assert screen.active_part == "intentions"
        assert isinstance(app.focused.parent if app.focused else None, IntentionsPart)
        await pilot.press("f7")
        assert "« Un minibus »" in part.area(2).text

        # Tab goes to the next text; F4 again, « oui » replaces the written one too.
        await pilot.press("tab", "tab", *"Écrit à la main")
        await pilot.press("f4")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("o")
        await pilot.pause()
        assert "« Un café associatif » et « Un minibus »" in part.area(1).text
        assert part.area(3).text == "Écrit à la main"  # no intention there: kept as typed
        await pilot.press("f2")
        texts = store.scenario.text_map(demarche_id)
        assert texts[1] == part.area(1).text
        assert "« Un minibus »" in texts[2]
        assert texts[3] == "Écrit à la main"
        assert "F2 Enregistrer" in screen_text(app)

        # Quitting with text not stored asks first.
        await pilot.press(*" et partagé")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert part.unsaved_text().endswith("Écrit à la main et partagé")
        # So does Escape; « non » stays, « oui » stores the texts and goes back.
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert on_top(app) is screen
        await pilot.press("escape", "o")
        await pilot.pause()
        assert on_top(app) is not screen
        assert store.scenario.text_map(demarche_id)[3] == "Écrit à la main et partagé"


async def test_nothing_to_draft_says_so(store: Store, demarche_id: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_part(app, pilot, demarche_id, "scenario")
        await pilot.press("f4")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert any("rien à proposer" in str(n.message) for n in app._notifications)
        assert store.scenario.text_map(demarche_id) == {1: "", 2: "", 3: "", 4: ""}
