"""Shared test helpers: tui."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.screens.preparation.participants import ParticipantsScreen
from vitalite_tui.tui.screens.workshops.capture import CaptureScreen
from vitalite_tui.tui.screens.workshops.contents import contents_screen
from vitalite_tui.tui.screens.workshops.workshop import WorkshopScreen

SIZE = (80, 24)


async def open_registry(
    app: VitaliteApp, pilot: Pilot[None], demarche_id: str
) -> ParticipantsScreen:
    screen = ParticipantsScreen(demarche_id)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


_TEXT = re.compile(
    r'<text class="[^"]*-r\d+" x="([\d.]+)" y="([\d.]+)" textLength="([\d.]+)"[^>]*>([^<]*)</text>'
)


def screen_lines(app: App[None]) -> list[str]:
    """The screen as it looks: each text of the SVG screenshot put back in its columns."""
    width = app.size.width
    rows: dict[float, list[str]] = defaultdict(lambda: [" "] * width)
    for x, y, length, text in _TEXT.findall(app.export_screenshot()):
        chars = html.unescape(text).replace("\xa0", " ")
        cell = float(length) / max(len(chars), 1)  # one terminal cell, in pixels
        column = round(float(x) / cell)
        for offset, char in enumerate(chars):
            if column + offset < width:
                rows[float(y)][column + offset] = char
    return ["".join(rows[y]).rstrip() for y in sorted(rows)]


async def open_part(app: VitaliteApp, pilot: Pilot[None], demarche_id: str, part: str) -> None:
    await app.push_screen(contents_screen(demarche_id, 2, initial=part))
    await pilot.pause()


def screen_text(app: VitaliteApp) -> str:
    return "\n".join(line.text for line in app.screen._compositor.render_strips())


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


def text_of(screen: WorkshopScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def open_workshop(
    app: VitaliteApp, pilot: Pilot[None], demarche_id: str, number: int = 1
) -> WorkshopScreen:
    screen = WorkshopScreen(demarche_id, number)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def open_capture(app: VitaliteApp, pilot: Pilot[None], subgroup_id: str) -> CaptureScreen:
    screen = CaptureScreen(subgroup_id)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def type_note(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text, "enter")
