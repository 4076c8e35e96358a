"""Enter-to-note-shown benchmark: the capture screen against a minimal Input + list app.

DESIGN.md's bar: from Enter to the note on screen within 1.3x a minimal Textual app (an
Input, a scrolling list of Statics, a peewee insert on Enter), both headless through
`run_test` and a Pilot at 80x24, on one database opened with the program's pragmas. The
text is put in the line untimed; the clock runs from pressing Enter until the note's text
is in the rendered screen (checked the same way for both). Blocks of notes alternate
between the two apps; each pair of blocks gives a ratio of medians, and the script prints
their min/median/max. Asserts nothing about time.

    python tests/benchmarks/note_shown.py [--blocks 8] [--notes 25] [--dir /some/disk]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from processes import spread
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input, Static

from vitalite_tui.db.models import Note, Round, SubGroup, db, utcnow
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store, open_store
from vitalite_tui.store.preparation.records import ParticipantDraft
from vitalite_tui.tui.app import VitaliteApp
from vitalite_tui.tui.screens.workshops.capture import CaptureScreen

SIZE = (80, 24)


class MinimalCapture(App[None]):
    """An input line over a list: Enter inserts the note (committed), then shows it."""

    CSS = "#notes { height: 1fr; } Input { dock: bottom; }"

    def __init__(self, round_id: str) -> None:
        super().__init__()
        rnd = Round.get_by_id(uuid.UUID(round_id))
        self.round_id = rnd.id
        self.group = SubGroup.get_by_id(rnd.subgroup_id)

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="notes")
        yield Input()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        now = utcnow()
        with db.atomic("IMMEDIATE"):
            Note.insert(
                id=uuid.uuid4(),
                created_at=now,
                updated_at=now,
                workshop=self.group.workshop_id,
                subgroup=self.group.id,
                round=self.round_id,
                text=event.value,
                kind="constat",
            ).execute()
        event.input.value = ""
        notes = self.query_one("#notes", VerticalScroll)
        notes.mount(Static(event.value, markup=False))
        notes.anchor()


def shown_text(app: App[None]) -> str:
    return "\n".join(line.text for line in app.screen._compositor.render_strips())


async def enter_until_shown(pilot: Pilot[None], line: Input, text: str) -> float:
    line.value = text
    line.cursor_position = len(text)
    started = time.perf_counter()
    await pilot.press("enter")
    while text not in shown_text(pilot.app):
        await pilot.pause()
    return (time.perf_counter() - started) * 1000


async def capture_block(store: Store, subgroup_id: str, block: int, count: int) -> list[float]:
    store.capture.start_round(subgroup_id, f"Question {block} ?", 20)
    app = VitaliteApp(store)
    timings = []
    async with app.run_test(size=SIZE) as pilot:
        screen = CaptureScreen(subgroup_id)
        await app.push_screen(screen)
        await pilot.pause()
        for i in range(count):
            timings.append(await enter_until_shown(pilot, screen.input, f"Capture {block}.{i}"))
    return timings


async def minimal_block(round_id: str, block: int, count: int) -> list[float]:
    app = MinimalCapture(round_id)
    timings = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = app.query_one(Input)
        line.focus()
        for i in range(count):
            timings.append(await enter_until_shown(pilot, line, f"Minimal {block}.{i}"))
    return timings


def prepare(store: Store) -> tuple[str, str]:
    """Six people in workshop 1, two sub-groups: one for the capture, one for the minimal."""
    demarche = store.demarches.create("CC du Banc d'Essai", "Lagrasse, Fabrezan, Ribaute")
    for i in range(6):
        draft = ParticipantDraft(f"Personne {i + 1}", list(College)[i % 3], "Lagrasse")
        participant = store.participants.add(demarche, draft)
        store.workshops.set_present(demarche, 1, participant, True)
    first, second = store.subgroups.form(demarche, 1, count=2)
    other = store.capture.start_round(second.id, "Et ailleurs ?", 20)
    return first.id, other.id


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--blocks", type=int, default=8, help="pairs of blocks")
    parser.add_argument("--notes", type=int, default=25, help="notes per block")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the database")
    args = parser.parse_args()
    capture: list[float] = []
    minimal: list[float] = []
    ratios: list[float] = []
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        os.environ["VITALITE_HOME"] = str(Path(folder) / "home")
        store = open_store(Path(folder) / "bench.sqlite")
        try:
            subgroup_id, other_round = prepare(store)
            for block in range(args.blocks):
                # Which app goes first alternates, so that drift hits both alike.
                runs = [
                    ("capture", capture_block(store, subgroup_id, block, args.notes)),
                    ("minimal", minimal_block(other_round, block, args.notes)),
                ]
                timed: dict[str, list[float]] = {}
                for name, run in runs if block % 2 == 0 else runs[::-1]:
                    timed[name] = asyncio.run(run)
                capture += timed["capture"]
                minimal += timed["minimal"]
                ratios.append(
                    statistics.median(timed["capture"]) / statistics.median(timed["minimal"])
                )
        finally:
            store.close()
    print(f"{args.blocks} pairs of blocks, {args.notes} notes each, at {SIZE[0]}x{SIZE[1]}")
    print(f"capture screen ms  {spread(capture, '')}")
    print(f"minimal app ms     {spread(minimal, '')}")
    print(f"ratio of medians   {spread(ratios)}")


if __name__ == "__main__":
    main()
