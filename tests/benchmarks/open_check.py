"""Open-check benchmark: opening the large demo with the new check against the old open.

The old open (version, application id, table count) is the same `open_database` with the
new check (`check_at_open`: the models' tables and columns, and quick_check unless the file
is unchanged since its last clean close) switched off. Two cases of the new open:
`recorded` (the usual start: the base as the program left it, no quick_check) and
`changed` (no record: the file was copied or written by another program, quick_check runs).
Pairs are interleaved (which one goes first alternates); only the open is timed, not the
close. Prints min/median/max of the ratio new/old per case. Asserts nothing about time.

    python tests/benchmarks/open_check.py [--rounds 41] [--db large.sqlite]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from processes import spread

from vitalite_tui.db import connection
from vitalite_tui.db.checked import record, record_path
from vitalite_tui.db.connection import FileInfo, close_database, open_database


def build_large(folder: Path) -> Path:
    from vitalite_tui.demo import create_demo
    from vitalite_tui.store import open_store

    path = folder / "large.sqlite"
    store = open_store(path)
    try:
        create_demo(store, "large")
    finally:
        store.close()
    return path


def no_check(conn: sqlite3.Connection, path: Path, info: FileInfo) -> None:
    """The old open checked nothing beyond version, application id and table count."""


def old_open(path: Path) -> None:
    check = connection.check_at_open
    connection.check_at_open = no_check
    try:
        open_database(path)
    finally:
        connection.check_at_open = check


def new_open(path: Path) -> None:
    open_database(path)


def timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    elapsed = time.perf_counter() - start
    close_database()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=41)
    parser.add_argument("--db", type=Path, default=None, help="a large demo already built")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or build_large(Path(folder))
        print(f"Base : {path} ({path.stat().st_size / 1e6:.1f} Mo)")
        for case in ("recorded", "changed"):
            olds: list[float] = []
            news: list[float] = []
            for i in range(args.rounds):
                pair = ["old", "new"] if i % 2 else ["new", "old"]
                for which in pair:
                    if which == "old":
                        olds.append(timed(lambda: old_open(path)))
                        continue
                    # The record is set up (or removed) outside the timed open.
                    if case == "recorded":
                        record(path)
                    else:
                        record_path(path).unlink(missing_ok=True)
                    news.append(timed(lambda: new_open(path)))
            ratios = [new / old for new, old in zip(news, olds, strict=True)]
            print(
                f"{case:9} old median {statistics.median(olds) * 1e3:6.2f} ms · "
                f"new median {statistics.median(news) * 1e3:6.2f} ms · ratio {spread(ratios)}"
            )


if __name__ == "__main__":
    main()
