"""Long writes cut into short transactions, so that another copy's note never waits long.

An import or the demo build would otherwise hold SQLite's write lock for its whole run (a
minute and more on an old laptop): a note saved meanwhile in the TUI would wait past its
busy timeout. Here the work goes in whole units (sheets, a step of the demo), and a
transaction is committed as soon as it has lasted `Pace.seconds`; then the lock is left
free for `Pace.pause`, long enough for a waiting writer to take it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from vitalite_tui.store.base import writing

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Pace:
    """How long a transaction may hold the write lock, and how long it then leaves it free."""

    #: A transaction commits after the unit that brings it past this (seconds).
    seconds: float = 0.25
    #: SQLite's busy handler tries again at least every 0.1 s: one of its tries falls in a
    #: pause a little longer than that (the margin for timers that wake late), so another
    #: copy's write waits about one batch at most.
    pause: float = 0.12


#: The pace of the program's long writers.
PACE = Pace()


def write_in_batches(
    units: Sequence[T],
    write: Callable[[T], R],
    pace: Pace = PACE,
    committed: list[R] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[R]:
    """`write` each unit, whole units per write transaction; what each committed unit gave.

    A failure rolls back the unit being written and the others of its transaction; the
    transactions before it stay committed, and their results are in `committed` (when
    given) for the caller to say what was kept. `progress` is told, after each commit, how
    many units are committed.
    """
    kept: list[R] = [] if committed is None else committed
    done = 0
    while done < len(units):
        if done:
            time.sleep(pace.pause)
        batch: list[R] = []
        with writing():
            started = time.monotonic()
            while done + len(batch) < len(units):
                batch.append(write(units[done + len(batch)]))
                if time.monotonic() - started >= pace.seconds:
                    break
        kept += batch
        done += len(batch)
        if progress is not None:
            progress(done)
    return kept
