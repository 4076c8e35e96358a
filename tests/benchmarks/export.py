"""Export benchmark: `vitalite export` of the large demo against openpyxl alone, as processes.

DESIGN.md's bar: the export of the large démarche within 1.3x the time openpyxl alone takes
to write the same cells in write-only mode, whole processes compared (imports, start-up and
exit included); peak memory within 1.3x. The large demo is built once; one export's cells are
read back and dumped to a file, which the baseline script loads and writes with bare openpyxl
(write-only, same sheets, no styles, tables nor charts, no database). Each run is a fresh
process; export and baseline runs alternate; the peak RSS of each child is read from outside
(`os.wait4`), with its CPU time (user + system), which a loaded machine disturbs far less
than the wall-clock time. Prints min/median/max of the ratios; asserts nothing.

    python tests/benchmarks/export.py [--runs 7] [--dir /some/disk]
"""

from __future__ import annotations

import os
import pickle
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from processes import load, measured, prepared_run, spread

Sheets = list[tuple[str, list[tuple[Any, ...]]]]

#: The baseline: the dumped cells written by openpyxl alone, in write-only mode.
BARE = r"""
import pickle, sys
from openpyxl import Workbook

with open(sys.argv[1], "rb") as dump:
    sheets = pickle.load(dump)
book = Workbook(write_only=True)
for title, rows in sheets:
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
book.save(sys.argv[2])
"""


#: What each side loads before it reads anything: its floor of memory. The peak above it is
#: the memory that grows with the démarche (the imports are a constant of each program).
EXPORT_FLOOR = (
    "import vitalite_tui.cli.app, vitalite_tui.cli.export, vitalite_tui.store, "
    "vitalite_tui.workbook.writer, vitalite_tui.workbook.registry"
)
BARE_FLOOR = "import pickle, openpyxl; openpyxl.Workbook(write_only=True)"


def build_demo(folder: Path) -> Path:
    """The large demo in a base of its own, closed (the export opens it as a user would)."""
    from vitalite_tui.demo import create_demo
    from vitalite_tui.store import open_store

    db = folder / "bench.sqlite"
    store = open_store(db)
    try:
        demo = create_demo(store, "large")
        print("large demo: " + ", ".join(f"{name} {n}" for name, n in demo.counts.items()))
    finally:
        store.close()
    return db


def written_cells(path: Path) -> Sheets:
    """Every sheet of the export with its rows of values, as a reader sees them."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return [(sheet.title, list(sheet.iter_rows(values_only=True))) for sheet in book]
    finally:
        book.close()


def prepare(folder: Path) -> None:
    """The demo's base, one export of it, and that export's cells dumped for the baseline."""
    db = build_demo(folder)
    out = folder / "exports"
    subprocess.run(export_command(db, out), check=True, stdout=subprocess.DEVNULL)
    (workbook,) = out.glob("*.xlsx")
    sheets = written_cells(workbook)
    (folder / "cells.pickle").write_bytes(pickle.dumps(sheets))
    rows = sum(len(rows) for _, rows in sheets)
    cells = sum(1 for _, rows in sheets for row in rows for value in row if value is not None)
    print(f"{len(sheets)} sheets, {rows} rows, {cells} non-empty cells", flush=True)


def export_command(db: Path, out: Path) -> list[str]:
    vitalite = Path(sys.executable).with_name("vitalite")
    return [str(vitalite), "export", "--db", str(db), "--out", str(out)]


def run(folder: Path, runs: int) -> None:
    env = {**os.environ, "VITALITE_HOME": str(folder / "home")}
    # Built in a child: on Linux a child's peak RSS starts from its parent's at the fork, so
    # this process stays small (neither openpyxl, the demo nor the cells are ever loaded here).
    subprocess.run([sys.executable, __file__, "--prepare", str(folder)], env=env, check=True)
    db = folder / "bench.sqlite"
    dump = folder / "cells.pickle"
    export = export_command(db, folder / "exports")
    bare = [sys.executable, "-c", BARE, str(dump), str(folder / "bare.xlsx")]
    measured(bare, env)  # Warm-up, as the first export was.
    floors = {
        "export": statistics.median(
            measured([sys.executable, "-c", EXPORT_FLOOR], env).rss_kib for _ in range(3)
        ),
        "bare": statistics.median(
            measured([sys.executable, "-c", BARE_FLOOR], env).rss_kib for _ in range(3)
        ),
    }
    seconds: dict[str, list[float]] = {"export": [], "bare": []}
    cpu: dict[str, list[float]] = {"export": [], "bare": []}
    rss: dict[str, list[int]] = {"export": [], "bare": []}
    for _ in range(runs):
        for name, command in (("export", export), ("bare", bare)):
            child = measured(command, env)
            elapsed, busy, peak = child.seconds, child.cpu, child.rss_kib
            seconds[name].append(elapsed)
            cpu[name].append(busy)
            rss[name].append(peak)
    print(f"{runs} runs each, alternating; {load()}")
    for name in ("export", "bare"):
        print(
            f"{name:7} median {statistics.median(seconds[name]) * 1000:7.0f} ms "
            f"(min {min(seconds[name]) * 1000:.0f}), "
            f"CPU median {statistics.median(cpu[name]) * 1000:5.0f} ms, "
            f"peak RSS median {statistics.median(rss[name]) / 1024:.1f} MiB"
        )
    time_ratios = [e / b for e, b in zip(seconds["export"], seconds["bare"], strict=True)]
    cpu_ratios = [e / b for e, b in zip(cpu["export"], cpu["bare"], strict=True)]
    rss_ratios = [e / b for e, b in zip(rss["export"], rss["bare"], strict=True)]
    print(f"time ratio  {spread(time_ratios)}  (goal: within 1.3x)")
    print(f"CPU ratio   {spread(cpu_ratios)}  (user + system)")
    print(f"RSS ratio   {spread(rss_ratios)}  (goal: within 1.3x)")
    print(
        f"imports alone: export {floors['export'] / 1024:.1f} MiB, "
        f"bare {floors['bare'] / 1024:.1f} MiB"
    )
    growth = [
        (e - floors["export"]) / (b - floors["bare"])
        for e, b in zip(rss["export"], rss["bare"], strict=True)
    ]
    print(f"RSS above the imports ratio {spread(growth)}  (what grows with the démarche)")


if __name__ == "__main__":
    prepared_run(__doc__, 7, prepare, run)
