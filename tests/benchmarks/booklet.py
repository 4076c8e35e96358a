"""Booklet benchmark: `vitalite print booklet` of the large demo against `vitalite export` of
the same base, whole processes, alternating.

DESIGN.md's bar: printing the booklet within the export's time (the workbook is what the
technician would otherwise make of the démarche). Each run is a fresh process; CPU time
(user + system) is read from outside, which a loaded machine disturbs less than the wall
clock. Prints min/median/max of the ratios; asserts nothing.

    python tests/benchmarks/booklet.py [--runs 7] [--dir /some/disk]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from export import build_demo
from processes import load, measured, prepared_run, spread


def vitalite(*arguments: str) -> list[str]:
    return [str(Path(sys.executable).with_name("vitalite")), *arguments]


def run(folder: Path, runs: int) -> None:
    env = {**os.environ, "VITALITE_HOME": str(folder / "home")}
    subprocess.run([sys.executable, __file__, "--prepare", str(folder)], env=env, check=True)
    db = str(folder / "bench.sqlite")
    commands = {
        "booklet": vitalite("print", "booklet", "--db", db, "--out", str(folder / "cahier")),
        "export": vitalite("export", "--db", db, "--out", str(folder / "exports")),
    }
    (folder / "cahier").mkdir()
    for command in commands.values():
        measured(command, env)  # Warm-up: the file in the system's cache for both.
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            child = measured(command, env)
            seconds[name].append(child.seconds)
            cpu[name].append(child.cpu)
    print(f"{runs} runs each, alternating; {load()}")
    for name in commands:
        print(
            f"{name:8} median {statistics.median(seconds[name]) * 1000:7.0f} ms, "
            f"CPU median {statistics.median(cpu[name]) * 1000:5.0f} ms"
        )
    time_ratios = [b / e for b, e in zip(seconds["booklet"], seconds["export"], strict=True)]
    cpu_ratios = [b / e for b, e in zip(cpu["booklet"], cpu["export"], strict=True)]
    print(f"time ratio  {spread(time_ratios)}  (goal: at most 1x)")
    print(f"CPU ratio   {spread(cpu_ratios)}  (user + system)")


if __name__ == "__main__":
    prepared_run(__doc__, 7, lambda folder: print(build_demo(folder)), run)
