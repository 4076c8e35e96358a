"""Opening the TUI on a database, for the bare `vitalite` (with or without `--db`)."""

from __future__ import annotations

from pathlib import Path


def open_tui(path: Path) -> None:
    """Run the TUI on the database at `path` (created if need be) until the user quits."""
    # Imported here: the store and textual are loaded only when the TUI really starts.
    from vitalite_tui.store import open_store

    store = open_store(path)
    try:
        from vitalite_tui.tui.app import VitaliteApp

        app = VitaliteApp(store)
        app.run()
    finally:
        store.close()
    if app.return_code:
        # Stopped by an unexpected error: the app has said so in French (and where its
        # journal is); scripts and shortcuts see that it did not end normally.
        raise SystemExit(app.return_code)
