"""Opening the TUI on a database, for the bare `vitalite` (with or without `--db`)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vitalite_tui.store import Store


def open_tui(path: Path, *, sober: bool = False) -> None:
    """Run the TUI on the database at `path` (created if need be) until the user quits.

    `sober`: the sober display (`--sobre`), whatever the terminal says of its colours.
    """
    # Until the first screen is drawn, no cyclic garbage collection: start-up makes tens of
    # thousands of objects (modules, classes, styles) that live as long as the app, and the
    # collector would scan them again and again while the user waits.
    gc.disable()
    try:
        # Imported here: the store and textual are loaded only when the TUI really starts.
        from vitalite_tui.store import open_store

        store = open_store(path)
        try:
            from vitalite_tui.tui import paste_guard
            from vitalite_tui.tui.app import VitaliteApp

            paste_guard.install()
            app = VitaliteApp(store, sober=sober, when_shown=resume_collector)
            app.run()
            _copy_at_quit(store)
        finally:
            store.close()
    finally:
        gc.enable()
    if app.return_code:
        # Stopped by an unexpected error: the app has said so in French (and where its
        # journal is); scripts and shortcuts see that it did not end normally.
        raise SystemExit(app.return_code)


def resume_collector() -> None:
    """Once the first screen is drawn: what start-up built is set apart for good (the
    collector's passes of the evening no longer scan it), and collection resumes."""
    gc.freeze()
    gc.enable()


def _copy_at_quit(store: Store) -> None:
    """An automatic copy in `sauvegardes/` if anything was written: the evening is safe."""
    from vitalite_tui.domain.text import terminal_safe
    from vitalite_tui.errors import VitaliteError

    try:
        copy = store.backups.make_automatic()
    except VitaliteError as exc:
        print(terminal_safe(exc.message), file=sys.stderr)
        return
    if copy is not None:
        print(f"Copie de sécurité de la base : {terminal_safe(str(copy.path.absolute()))}")
