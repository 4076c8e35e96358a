"""Screens benchmark: the time each screen takes to open at ten times the large demo.

DESIGN.md's bar: every screen opens in under a second with ten times the large démarche. The
demo code builds, in one base, the large demo and the same demo `--scale` times bigger (notes,
questionnaire sheets, intentions). Then, headless at 80x24 with a Pilot, each screen is pushed
on the démarche of the large demo (the baseline) and of the scaled one, in turn: timed from the
push until it is mounted, its queued work done and its visible screen rendered. Prints, per
screen, min/median/max of the seconds at scale and of the ratio against the same screen on
the large demo. Asserts nothing.

    python tests/benchmarks/screens.py [--scale 10] [--runs 3] [--db base.sqlite] [--only plenary]

`--db` keeps the base between runs (it is built only if it lacks a demo); `--only` takes a
screen's name or a part's (`debrief` is `contents1-debrief`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from processes import load
from textual.pilot import Pilot
from textual.screen import Screen

from vitalite_tui.demo import DemoResult
from vitalite_tui.store import Store, open_store
from vitalite_tui.tui.app import VitaliteApp

#: The bar: seconds to open any screen at ten times the large demo.
BAR = 1.0


@dataclass(frozen=True)
class Demo:
    """One démarche to open screens on, and what a screen may need of it."""

    demarche_id: str
    subgroup_id: str


ScreenFactory = Callable[[Demo], Screen[Any]]


def screen_factories() -> dict[str, ScreenFactory]:
    """Every screen by name, imported here as the app imports them when they open."""
    from vitalite_tui.tui.screens.demarche import DemarcheScreen
    from vitalite_tui.tui.screens.home import HomeScreen
    from vitalite_tui.tui.screens.preparation.participants import ParticipantsScreen
    from vitalite_tui.tui.screens.preparation.step1 import Step1Screen
    from vitalite_tui.tui.screens.preparation.step2 import Step2Screen
    from vitalite_tui.tui.screens.questionnaire.barometer import BarometerScreen
    from vitalite_tui.tui.screens.questionnaire.sheet_entry import SheetEntryScreen
    from vitalite_tui.tui.screens.questionnaire.sheets import Step3Screen
    from vitalite_tui.tui.screens.restitution import RestitutionScreen
    from vitalite_tui.tui.screens.workshops.capture import CaptureScreen
    from vitalite_tui.tui.screens.workshops.contents import CONTENTS, contents_screen
    from vitalite_tui.tui.screens.workshops.plenary import PlenaryScreen
    from vitalite_tui.tui.screens.workshops.workshop import WorkshopScreen

    factories: dict[str, ScreenFactory] = {
        "home": lambda demo: HomeScreen(),
        "demarche": lambda demo: DemarcheScreen(demo.demarche_id),
        "step1": lambda demo: Step1Screen(demo.demarche_id),
        "step2": lambda demo: Step2Screen(demo.demarche_id),
        "participants": lambda demo: ParticipantsScreen(demo.demarche_id),
        "step3-sheets": lambda demo: Step3Screen(demo.demarche_id),
        "sheet-entry": lambda demo: SheetEntryScreen(demo.demarche_id),
        "barometer": lambda demo: BarometerScreen(demo.demarche_id),
    }

    def workshop(number: int) -> ScreenFactory:
        return lambda demo: WorkshopScreen(demo.demarche_id, number)

    def contents(number: int, part: str) -> ScreenFactory:
        return lambda demo: contents_screen(demo.demarche_id, number, part)

    for number in range(1, 5):
        factories[f"workshop{number}"] = workshop(number)
    factories["capture"] = lambda demo: CaptureScreen(demo.subgroup_id)
    factories["plenary"] = lambda demo: PlenaryScreen(demo.demarche_id, 1)
    factories["plenary-one"] = lambda demo: PlenaryScreen(demo.demarche_id, 1, demo.subgroup_id)
    factories["restitution"] = lambda demo: RestitutionScreen(demo.demarche_id)
    for number, specs in CONTENTS.items():
        for spec in specs:
            factories[f"contents{number}-{spec.part}"] = contents(number, spec.part)
    return factories


def build_demo(store: Store, scale: int) -> DemoResult:
    """The large demo, `scale` times bigger, built by the demo code (once per base)."""
    from vitalite_tui.demo import create_demo

    return create_demo(store, "large", scale=scale)


def demo_of(store: Store, result: DemoResult) -> Demo:
    subgroups = store.subgroups.all(result.demarche_id, 1)
    return Demo(result.demarche_id, subgroups[0].id)


async def open_screen(app: VitaliteApp, pilot: Pilot[None], screen: Screen[Any]) -> float:
    """Seconds from the push until the screen is mounted, settled and its strips rendered."""
    started = time.perf_counter()
    await app.push_screen(screen)
    await pilot.pause()
    app.screen._compositor.render_strips()
    elapsed = time.perf_counter() - started
    assert app.screen is screen, f"{type(screen).__name__} did not open"
    app.pop_screen()
    await pilot.pause()
    return elapsed


async def measure(
    store: Store, demos: dict[str, Demo], names: list[str], runs: int
) -> dict[str, dict[str, list[float]]]:
    """Seconds per screen per démarche; each screen opened on each démarche in turn."""
    factories = screen_factories()
    times: dict[str, dict[str, list[float]]] = {
        name: {label: [] for label in demos} for name in names
    }
    app = VitaliteApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name in names:
            # A first opening of each kind, untimed: imports and stylesheets load once.
            await open_screen(app, pilot, factories[name](next(iter(demos.values()))))
            for _ in range(runs):
                for label, demo in demos.items():
                    seconds = await open_screen(app, pilot, factories[name](demo))
                    times[name][label].append(seconds)
    return times


def spread(values: list[float], unit: str = "") -> str:
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{low:6.2f}{unit} {mid:6.2f}{unit} {high:6.2f}{unit}"


def report(times: dict[str, dict[str, list[float]]], scale: int) -> None:
    print(f"{'screen':24} {f'seconds at {scale}x (min med max)':>28}   ratio to 1x (min med max)")
    slow = []
    for name, by_label in times.items():
        scaled, base = by_label["scaled"], by_label["base"]
        ratios = [s / b for s, b in zip(scaled, base, strict=True)]
        flag = "" if statistics.median(scaled) < BAR else "  <-- over 1 s"
        if flag:
            slow.append(name)
        print(f"{name:24} {spread(scaled, 's'):>28}   {spread(ratios, 'x')}{flag}")
    print(f"over {BAR:.0f} s at {scale}x: {', '.join(slow) if slow else 'none'}")


def chosen(names: list[str], only: list[str]) -> list[str]:
    """The screens `--only` names: whole names, or a part's own name (`debrief`)."""
    if not only:
        return names
    unknown = [wanted for wanted in only if not _matching(names, wanted)]
    if unknown:
        raise SystemExit(f"unknown screen {', '.join(unknown)}; screens: {' '.join(names)}")
    return [name for name in names if any(name in _matching(names, w) for w in only)]


def _matching(names: list[str], wanted: str) -> list[str]:
    return [name for name in names if name == wanted or name.endswith(f"-{wanted}")]


def run(db: Path, scale: int, runs: int, only: list[str]) -> None:
    store = open_store(db)
    try:
        started = time.perf_counter()
        base = build_demo(store, 1)
        scaled = build_demo(store, scale)
        if base.created or scaled.created:
            print(f"demos built in {time.perf_counter() - started:.1f} s")
        counts = ", ".join(f"{name} {count}" for name, count in scaled.counts.items())
        print(f"large demo x{scale}: {counts}")
        demos = {"base": demo_of(store, base), "scaled": demo_of(store, scaled)}
        names = chosen(list(screen_factories()), only)
        times = asyncio.run(measure(store, demos, names, runs))
    finally:
        store.close()
    report(times, scale)
    print(load())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, default=None, help="base kept between runs")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="screen name, or a part's name such as debrief (repeatable)",
    )
    args = parser.parse_args()
    print(f"{platform.platform()} · Python {platform.python_version()} · {load()}")
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("VITALITE_HOME", str(Path(folder) / "home"))
        run(args.db or Path(folder) / "screens.sqlite", args.scale, args.runs, args.only)


if __name__ == "__main__":
    main()
