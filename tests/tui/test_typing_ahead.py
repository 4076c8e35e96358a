"""Keys typed while a form opens or closes land in it, in order: nothing typed ahead is lost."""

from __future__ import annotations

from collections.abc import Sequence

from support.tui import open_workshop, register
from textual import events

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.tui.app import VitaliteApp

#: The characters a terminal sends for the named keys used here.
CHARACTERS = {"enter": "\r", "escape": "\x1b", "space": " ", "backspace": "\x7f", "f2": None}


def burst(app: VitaliteApp, keys: Sequence[str]) -> None:
    """Keys as a terminal delivers a burst: all queued at once, none waiting for the last."""
    for key in keys:
        app.post_message(events.Key(key, CHARACTERS.get(key, key)))


def newcomers(store: Store, demarche_id: str, number: int) -> list[tuple[str, College, str]]:
    return [
        (e.participant.display_name, e.participant.college, e.participant.commune)
        for e in store.workshops.attendance(demarche_id, number)
        if e.newcomer
    ]


async def test_newcomers_typed_in_one_burst_are_all_registered(
    store: Store, demarche_id: str
) -> None:
    """`a`, a whole card, `a` and the next card, and `a` Échap `a` and a third, typed faster
    than each card opens: every letter lands in the card it was typed for."""
    register(store, demarche_id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workshop(app, pilot, demarche_id)
        burst(app, ["a", *"Rémi", "enter", "2", "enter", *"Ribaute", "enter"])
        burst(app, ["a", *"Zoé", "enter", "3", "enter", *"Lagrasse", "enter"])
        burst(app, ["a", "escape", "a", *"Yves", "enter", "1", "enter", *"Fabrezan", "enter"])
        await wait_for(
            pilot,
            lambda: app.screen is screen and len(newcomers(store, demarche_id, 1)) >= 3,
            timeout=10,
        )
    assert sorted(newcomers(store, demarche_id, 1)) == [
        ("Rémi", College.ACTEUR, "Ribaute"),
        ("Yves", College.ELU, "Fabrezan"),
        ("Zoé", College.HABITANT, "Lagrasse"),
    ]
