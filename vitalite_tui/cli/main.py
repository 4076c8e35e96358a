"""The `vitalite` entry point: a bare `vitalite` opens the TUI at once; the rest goes to Typer.

The bare call is what people type every day and it has nothing to parse: it skips loading
Typer and building every command's options, which old laptops feel at each start. Any
argument (`--db`, `--help`, a command) goes through `cli.app`, where the bare call with
options ends in the same `open_tui`.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of the `vitalite` script and of `python -m vitalite_tui`."""
    try:
        _run()
    except KeyboardInterrupt:
        # Before or after a command runs (imports, start-up): `VitaliteGroup` says it during.
        from vitalite_tui.cli.interrupt import INTERRUPTED, INTERRUPTED_EXIT

        print(INTERRUPTED, file=sys.stderr)
        raise SystemExit(INTERRUPTED_EXIT) from None
    except Exception as exc:
        # A bug: its traceback (which may quote what was typed) goes to the journal; the
        # terminal gets one French sentence that says where it is.
        from vitalite_tui.formats.crash_log import crash_message, write_crash_log
        from vitalite_tui.paths import data_dir

        print(crash_message(write_crash_log(exc, data_dir())), file=sys.stderr)
        raise SystemExit(1) from None


def _run() -> None:
    if len(sys.argv) > 1:
        from vitalite_tui.cli.app import app

        app()
        return
    from vitalite_tui.cli.tui import open_tui
    from vitalite_tui.domain.text import terminal_safe
    from vitalite_tui.errors import VitaliteError
    from vitalite_tui.paths import resolve_db_path

    try:
        open_tui(resolve_db_path(None))
    except VitaliteError as exc:
        # As `VitaliteGroup` reports it: one French sentence, no traceback.
        print(terminal_safe(exc.message), file=sys.stderr)
        raise SystemExit(1) from None
