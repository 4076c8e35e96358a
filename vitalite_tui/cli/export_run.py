"""`vitalite export`'s work, for its Typer command and for its plain calls, run without Typer.

Loading Typer and building every command costs an export about a twentieth of its time and
two megabytes. A call that only names known options with plain values (`--db F`,
`--demarche N`, `--out D`, `--workshop 3`, `--with-names`) is parsed here and runs the same
code as the command; anything else (`--help`, `--opt=value`, an error Typer would report)
goes to Typer, which then answers as it always did.
"""

from __future__ import annotations

import errno
import gc
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: Writes a line to stdout, or to stderr when its second argument is true.
Echo = Callable[[str, bool], None]

#: The options that take a value, and the one flag.
VALUE_OPTIONS = ("--db", "--demarche", "--out", "--workshop")
FLAG = "--with-names"

#: Characters that Click expands in arguments on Windows (`~`, variables, wildcards).
WINDOWS_EXPANDED = set("~$%*?[")


@dataclass(frozen=True)
class ExportCall:
    """What `vitalite export` was asked for."""

    db: Path | None = None
    demarche: str | None = None
    out: Path | None = None
    workshop: int | None = None
    with_names: bool = False


@contextmanager
def without_cycle_collector() -> Iterator[None]:
    """The cyclic garbage collector paused, then restored as it was.

    The export keeps what it reads to its end and openpyxl makes tens of thousands of
    short-lived objects: the collector would scan the same long-lived ones again and again
    (a tenth of a second on the large demo) to find next to nothing. Reference counting
    still frees everything the export drops.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def run_export(call: ExportCall, db_path: Path, echo: Echo) -> None:
    """Write the workbook of `call` from the base at `db_path`, and say where and what."""
    from vitalite_tui.cli.stores import existing_store, pick_demarche
    from vitalite_tui.paths import exports_dir
    from vitalite_tui.workbook import export_workbook

    with without_cycle_collector(), existing_store(db_path) as store:
        result = export_workbook(
            store,
            pick_demarche(store, call.demarche),
            exports_dir(call.out),
            workshop=call.workshop,
            with_names=call.with_names,
        )
    for warning in result.warnings:
        echo(f"Attention : {warning}", True)
    names = "avec les noms consentis" if result.with_names else "sans les noms (codes P001…)"
    echo(f"Classeur écrit : {result.path}", False)
    echo(
        f"  {len(result.sheets)} feuilles · {result.rows('Participants')} participants · "
        f"{result.rows('Contributions')} contributions · {names}",
        False,
    )


def _readable_path(value: str, dir_ok: bool) -> bool:
    """The checks Click makes of a path option that need not exist: readable, a dir or not."""
    try:
        status = os.stat(value)
    except OSError:
        return True
    if not dir_ok and stat.S_ISDIR(status.st_mode):
        return False
    return os.access(value, os.R_OK)


def plain_call(args: Sequence[str]) -> ExportCall | None:
    """The call `args` (after `export`) make, or None when Typer must read them."""
    if os.name == "nt" and any(WINDOWS_EXPANDED.intersection(arg) for arg in args):
        return None
    values: dict[str, str] = {}
    with_names = False
    rest = list(args)
    while rest:
        option = rest.pop(0)
        if option == FLAG and not with_names:
            with_names = True
            continue
        if option not in VALUE_OPTIONS or option in values or not rest:
            return None
        value = rest.pop(0)
        if not value or value.startswith("-"):
            return None
        values[option] = value
    db, out, workshop = values.get("--db"), values.get("--out"), values.get("--workshop")
    if db is not None and not _readable_path(db, dir_ok=False):
        return None
    if out is not None and not _readable_path(out, dir_ok=True):
        return None
    try:
        number = None if workshop is None else int(workshop)
    except ValueError:
        return None
    return ExportCall(
        db=None if db is None else Path(db),
        demarche=values.get("--demarche"),
        out=None if out is None else Path(out),
        workshop=number,
        with_names=with_names,
    )


def _print(text: str, err: bool) -> None:
    print(text, file=sys.stderr if err else sys.stdout, flush=True)


def run_plain(args: Sequence[str]) -> bool:
    """Run `vitalite export ARGS` without Typer when they are plain; False if not run.

    Ends as the Typer command does: a French sentence and status 1 for the user's errors,
    status 130 on Ctrl+C, status 1 without a word when the output pipe is closed.
    """
    call = plain_call(args)
    if call is None or any(name.endswith("_COMPLETE") for name in os.environ):
        return False  # Typer answers, shell completion included
    from vitalite_tui.errors import VitaliteError
    from vitalite_tui.paths import resolve_db_path

    try:
        run_export(call, resolve_db_path(call.db), _print)
    except VitaliteError as exc:
        _print(exc.message, True)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        # As Click does: nothing more is written, not even at the final flush.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(1) from None
    return True
