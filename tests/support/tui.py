"""Shared TUI test helpers: opening screens, the people of a registry, typing a note."""

from __future__ import annotations

from textual.pilot import Pilot
from tui.conftest import opened, wait_for

from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.dialogs.round_form import RoundFormDialog
from vitalite_tui.tui.screens.preparation.participants import ParticipantsScreen
from vitalite_tui.tui.screens.workshops.capture import CaptureScreen
from vitalite_tui.tui.screens.workshops.contents import contents_screen
from vitalite_tui.tui.screens.workshops.workshop import WorkshopScreen

__all__ = [
    "PEOPLE",
    "open_capture",
    "open_part",
    "open_registry",
    "open_workshop",
    "register",
    "type_note",
]


async def open_registry(
    app: VitaliteApp, pilot: Pilot[None], demarche_id: str
) -> ParticipantsScreen:
    screen = ParticipantsScreen(demarche_id)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def open_part(app: VitaliteApp, pilot: Pilot[None], demarche_id: str, part: str) -> None:
    await app.push_screen(contents_screen(demarche_id, 2, initial=part))
    await pilot.pause()


#: Two of each collège, in name order: Anne, Bruno (élus), Chloé, Denis (acteurs), …
PEOPLE = (
    ("Anne Azéma", College.ELU, "Lagrasse"),
    ("Bruno Bastide", College.ELU, "Fabrezan"),
    ("Chloé Carrère", College.ACTEUR, "Ribaute"),
    ("Denis Durand", College.ACTEUR, "Lagrasse"),
    ("Émilie Estève", College.HABITANT, "Fabrezan"),
    ("Fatou Faure", College.HABITANT, "Ribaute"),
)


def register(store: Store, demarche_id: str) -> dict[str, str]:
    """The six people of `PEOPLE` in the registry: name → id."""
    return {
        name: store.participants.add(demarche_id, ParticipantDraft(name, college, commune))
        for name, college, commune in PEOPLE
    }


async def open_workshop(
    app: VitaliteApp, pilot: Pilot[None], demarche_id: str, number: int = 1
) -> WorkshopScreen:
    screen = WorkshopScreen(demarche_id, number)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def open_capture(app: VitaliteApp, pilot: Pilot[None], subgroup_id: str) -> CaptureScreen:
    """The capture screen, built; with no round yet, the round's dialog it opens once
    painted, built too (keys typed then reach it)."""
    screen = CaptureScreen(subgroup_id)
    await app.push_screen(screen)
    if app.store.capture.rounds(subgroup_id):
        await wait_for(pilot, lambda: screen.is_mounted, what="the capture screen built")
    else:
        await opened(pilot, RoundFormDialog)
    return screen


async def type_note(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text, "enter")
