"""The TUI tests' ground: the app as the CLI builds it, the test size, waiting, screen text."""

from __future__ import annotations

import html
import inspect
import re
from collections import defaultdict
from collections.abc import Callable
from time import monotonic
from typing import Any, TypeVar

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from vitalite_tui.store import Store
from vitalite_tui.tui.app import VitaliteApp

ScreenT = TypeVar("ScreenT", bound=Screen[Any])

#: Every Pilot test and snapshot runs at the size of the plain console we design for.
SIZE = (80, 24)

#: Long enough for a worker or a timer on a laptop shared with a whole test suite.
WAIT_SECONDS = 30.0


def make_app(store: Store, *, demarche_id: str | None = None) -> VitaliteApp:
    """The application over the test's store, as `vitalite` builds it after opening the base."""
    return VitaliteApp(store, demarche_id=demarche_id)


async def wait_for(
    pilot: Pilot[Any],
    condition: Callable[[], object],
    *,
    timeout: float = WAIT_SECONDS,
    what: str | None = None,
) -> None:
    """Pause until `condition()` holds: a loaded machine may need many pauses, not one.

    Fails after `timeout` seconds, or as soon as the app stops, saying what it waited for.
    """
    deadline = monotonic() + timeout
    while not condition():
        # AssertionError, not pytest.fail: Textual's auto-pilot (snapshots) ends the app on an
        # Exception, but would wait forever after pytest's BaseException.
        if not pilot.app.is_running:
            raise AssertionError(
                f"the app stopped while waiting for: {what or described(condition)}"
            )
        if monotonic() > deadline:
            raise AssertionError(
                f"still not true after {timeout:g} s: {what or described(condition)}"
            )
        await pilot.pause()


async def opened(pilot: Pilot[Any], kind: type[ScreenT]) -> ScreenT:
    """The screen on top once it is a `kind` with its widgets built (a key opens a dialog at
    once, its widgets come a moment later)."""
    await wait_for(
        pilot,
        lambda: isinstance(pilot.app.screen, kind) and pilot.app.screen.is_mounted,
        what=f"{kind.__name__} opened",
    )
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


def described(condition: Callable[[], object]) -> str:
    """The condition as written in the test (from `lambda` on), for the failure message."""
    try:
        source = " ".join(inspect.getsource(condition).split())
    except (OSError, TypeError):
        return repr(condition)
    start = source.find("lambda")
    if start < 0:
        return source
    text, depth = source[start:], 0
    # The lambda ends at the first comma or closing bracket outside its own brackets.
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif depth == 0 and char in ")]},":
            return text[:index].strip()
        elif char in ")]}":
            depth -= 1
    return text


_TEXT = re.compile(
    r'<text class="[^"]*-r\d+" x="([\d.]+)" y="([\d.]+)" textLength="([\d.]+)"[^>]*>([^<]*)</text>'
)


def screen_lines(app: App[Any]) -> list[str]:
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


def footer_shows(app: App[Any], keys: str) -> bool:
    """Whether the last line of the screen (its footer, once laid out) shows `keys`."""
    lines = screen_lines(app)
    return bool(lines) and keys in lines[-1]


def screen_text(app: App[Any]) -> str:
    """The whole screen as one text, line under line."""
    return "\n".join(screen_lines(app))


def text_of(parent: Widget, selector: str) -> str:
    """What a Static (or Label) under `parent` shows."""
    return str(parent.query_one(selector, Static).render())
