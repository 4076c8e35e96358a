"""A choice field acts on its keys in the order typed: nothing typed after it is lost."""

from __future__ import annotations

from support.tui import open_registry
from textual import events

from tui.conftest import SIZE, make_app
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.tui.dialogs.participant_form import ParticipantFormDialog


async def test_keys_typed_in_a_burst_after_a_choice_reach_the_next_fields(
    store: Store, demarche_id: str
) -> None:
    """Name, Enter, collège 2, Enter, the commune, F2 typed faster than the form follows:
    the commune's letters were queued at the choice when Enter moved the focus on."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_registry(app, pilot, demarche_id)
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, ParticipantFormDialog)
        keys = [*"Karim", "enter", "2", "enter", *"Ribaute", "f2"]
        for key in keys:
            app.post_message(events.Key(key, {"enter": "\r", "f2": None}.get(key, key)))
        for _ in range(100):
            await pilot.pause()
            if app.screen is screen:
                break
        assert app.screen is screen
    (person,) = store.participants.all(demarche_id)
    assert (person.display_name, person.college, person.commune) == (
        "Karim",
        College.ACTEUR,
        "Ribaute",
    )
