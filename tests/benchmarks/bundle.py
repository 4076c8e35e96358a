"""Bundle benchmark: writing the large demo's bundle, and reading four, against its export.

DESIGN.md's bar: writing a bundle and reading four each within the export's time. The large
demo is built once as the hub; four laptops read its bundle, each adds 500 notes to its own
sub-group and writes its bundle. Then, as whole processes alternating in the same run:
`vitalite bundle write` of the hub, `vitalite bundle read` of the four bundles into a fresh
copy of the hub (the copy made before each run, not timed), and `vitalite export` of the
hub. Prints the medians and min/median/max of the ratios to the export (wall clock and
CPU time, read from outside each child); asserts nothing.

    python tests/benchmarks/bundle.py [--runs 5] [--dir /some/disk]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from processes import load, measured, prepared_run, spread

from vitalite_tui.db.backup import copy_base

LAPTOPS = 4
NEW_NOTES = 500


def vitalite() -> str:
    return str(Path(sys.executable).with_name("vitalite"))


def prepare(folder: Path) -> None:
    """The hub (the large demo), its bundle read by four laptops that add notes and write."""
    from vitalite_tui.demo import create_demo
    from vitalite_tui.store import open_store
    from vitalite_tui.store.bulk import NoteRow

    hub = open_store(folder / "hub.sqlite")
    try:
        demarche_id = create_demo(hub, "large").demarche_id
        start = hub.exchange.write(demarche_id, folder / "hub.vitalite").path
        workshop = hub.bulk.workshop_ids(demarche_id)[4]
        groups = [g.id for g in hub.bulk.subgroups(workshop)]
    finally:
        hub.close()
    print(f"hub bundle: {start.stat().st_size / 1e6:.2f} MB", flush=True)
    for number in range(LAPTOPS):
        store = open_store(folder / f"poste{number}.sqlite")
        try:
            store.exchange.read(start)
            group = groups[number % len(groups)]
            notes = [
                NoteRow(
                    workshop=workshop,
                    subgroup=group,
                    round=None,
                    turn=None,
                    speaker=None,
                    text=f"Poste {number}, note {n} : une idée dite ce soir-là",
                    kind="constat",
                )
                for n in range(NEW_NOTES)
            ]
            store.bulk.insert(notes)
            store.exchange.write(demarche_id, folder / f"poste{number}.vitalite")
        finally:
            store.close()


def run(folder: Path, runs: int) -> None:
    env = {**os.environ, "VITALITE_HOME": str(folder / "home")}
    subprocess.run([sys.executable, __file__, "--prepare", str(folder)], env=env, check=True)
    hub, copy = folder / "hub.sqlite", folder / "hub-copy.sqlite"
    bundles = [str(folder / f"poste{n}.vitalite") for n in range(LAPTOPS)]
    commands = {
        "export": [vitalite(), "export", "--db", str(hub), "--out", str(folder / "exports")],
        "write": [
            vitalite(),
            "bundle",
            "write",
            "--db",
            str(hub),
            "--out",
            str(folder / "w.vitalite"),
        ],
        "read 4": [vitalite(), "bundle", "read", "--db", str(copy), *bundles],
    }
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    measured(commands["export"], env)  # Warm-up: the first run pays for the disk cache.
    for _ in range(runs):
        for name, command in commands.items():
            if name == "read 4":
                copy_base(hub, copy)
            child = measured(command, env)
            elapsed, busy = child.seconds, child.cpu
            seconds[name].append(elapsed)
            cpu[name].append(busy)
    print(f"{runs} runs each, alternating; {load()}")
    for name in commands:
        print(
            f"{name:7} median {statistics.median(seconds[name]) * 1000:7.0f} ms "
            f"(min {min(seconds[name]) * 1000:.0f}), "
            f"CPU median {statistics.median(cpu[name]) * 1000:5.0f} ms"
        )
    for name in ("write", "read 4"):
        ratios = [t / e for t, e in zip(seconds[name], seconds["export"], strict=True)]
        cpu_ratios = [t / e for t, e in zip(cpu[name], cpu["export"], strict=True)]
        print(f"{name:7} / export: time {spread(ratios)}; CPU {spread(cpu_ratios)} (goal: 1x)")


if __name__ == "__main__":
    prepared_run(__doc__, 5, prepare, run)
