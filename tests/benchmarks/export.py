"""Export benchmark: the `large` demo's workbook against openpyxl alone writing the same cells.

DESIGN.md's bar: under 1.5x the time openpyxl alone takes to write the same cells. In the
same run, on the same machine: `export_workbook` (queries, safe cells, tables, chart, fsync
and rename included) is timed, then the very cells it wrote (read back from its file) are
written again with bare openpyxl, in the same write-only mode, same sheets, no styles nor
tables. Runs alternate, the median is kept. Prints figures; asserts nothing.

    python tests/benchmarks/export.py [--repeat 7] [--dir /some/disk]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from vitalite_tui.demo import create_demo
from vitalite_tui.store import Store, open_store
from vitalite_tui.workbook import export_workbook

Sheets = list[tuple[str, list[tuple[Any, ...]]]]


def written_cells(path: Path) -> Sheets:
    """Every sheet of the export with its rows of values, as a reader sees them."""
    book = load_workbook(path, read_only=True)
    try:
        return [(sheet.title, list(sheet.iter_rows(values_only=True))) for sheet in book]
    finally:
        book.close()


def bare_openpyxl(sheets: Sheets, path: Path) -> float:
    """Seconds openpyxl alone takes to write these values (write-only mode, as the export)."""
    started = time.perf_counter()
    book = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return time.perf_counter() - started


def timed_export(store: Store, demarche_id: str, folder: Path) -> tuple[float, Path]:
    started = time.perf_counter()
    result = export_workbook(store, demarche_id, folder)
    return time.perf_counter() - started, result.path


def run(folder: Path, repeat: int) -> None:
    os.environ["VITALITE_HOME"] = str(folder / "home")
    store = open_store(folder / "bench.sqlite")
    try:
        demo = create_demo(store, "large")
        counts = ", ".join(f"{name} {count}" for name, count in demo.counts.items())
        print(f"large demo: {counts}")
        out = folder / "exports"
        # Warm-up: imports, SQLite page cache, openpyxl's first-use costs.
        _, path = timed_export(store, demo.demarche_id, out)
        sheets = written_cells(path)
        bare_openpyxl(sheets, folder / "bare.xlsx")
        exports, bares = [], []
        for _ in range(repeat):
            seconds, path = timed_export(store, demo.demarche_id, out)
            exports.append(seconds)
            bares.append(bare_openpyxl(sheets, folder / "bare.xlsx"))
    finally:
        store.close()
    rows = sum(len(rows) for _, rows in sheets)
    cells = sum(1 for _, rows in sheets for row in rows for value in row if value is not None)
    export, bare = statistics.median(exports), statistics.median(bares)
    print(f"{len(sheets)} sheets, {rows} rows, {cells} non-empty cells")
    for title, sheet_rows in sheets:
        print(f"  {title}: {len(sheet_rows)} rows")
    print(f"export_workbook     median {export * 1000:7.1f} ms  (min {min(exports) * 1000:.1f})")
    print(f"openpyxl alone      median {bare * 1000:7.1f} ms  (min {min(bares) * 1000:.1f})")
    print(f"ratio               {export / bare:.2f}x  (goal: within 1.5x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="folder for the files")
    args = parser.parse_args()
    print(f"{platform.platform()} · Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        run(Path(folder), args.repeat)


if __name__ == "__main__":
    main()
