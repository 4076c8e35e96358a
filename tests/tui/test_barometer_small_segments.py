"""The barometer screen with a segment of one sheet: never shown apart, and said so."""

from __future__ import annotations

from tui.conftest import SIZE, make_app, screen_text, wait_for
from vitalite_tui.domain.privacy import MIN_GROUP_SIZE
from vitalite_tui.store import Store
from vitalite_tui.store.questionnaire.records import SheetDraft
from vitalite_tui.tui.screens.questionnaire.barometer import BarometerScreen

CODES = [f"I{n}_{pole}{i}" for n in (1, 2, 3, 4) for pole in "VD" for i in (1, 2, 3)]


async def test_a_commune_of_one_sheet_is_not_a_segment_on_screen(
    store: Store, demarche_id: str
) -> None:
    for number, commune in enumerate(["Lagrasse"] * MIN_GROUP_SIZE + ["Fabrezan"], start=1):
        answers: dict[str, int | None] = {code: number % 5 for code in CODES}
        draft = SheetDraft(number, {"commune": commune, "age": "40-59"}, answers)
        store.responses.save_sheet(demarche_id, draft)
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = BarometerScreen(demarche_id)
        await pilot.app.push_screen(screen)
        await wait_for(pilot, lambda: "Segment (s)" in screen_text(pilot.app))
        await pilot.press("s")
        # The segments, then the line under them: wait for the whole of it.
        await wait_for(pilot, lambda: "1 fiche dans aucun segment" in screen_text(pilot.app))
        text = screen_text(pilot.app)
        assert "Lagrasse" in text
        assert "Fabrezan" not in text
        await pilot.press("s")  # by age: one value of six sheets, nothing to say
        await wait_for(pilot, lambda: "dans aucun segment" not in screen_text(pilot.app))
