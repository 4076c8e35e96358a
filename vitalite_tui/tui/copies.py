"""Safe copies from the app: the key that asks where, the automatic copies, going back to one.

Copies are made in a thread (a large base takes a moment on an old laptop) through its own
connection; what they say comes back to the UI thread. Automatic copies go to `sauvegardes/`
every quarter of an hour while a workshop or questionnaire screen is open (screens that say
`AUTOMATIC_COPIES`), and at quit, only when something was written since the last one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import BindingType

from vitalite_tui.domain.text import size_text
from vitalite_tui.errors import VitaliteError
from vitalite_tui.formats.preferences import LAST_BACKUP_FOLDER, remember
from vitalite_tui.paths import preferences_path, removable_drives
from vitalite_tui.store import Store
from vitalite_tui.store.backups import AUTOMATIC, BackupCopy
from vitalite_tui.tui.dialogs.folder_pick import OTHER, ask_folder
from vitalite_tui.tui.dialogs.number_pick import NumberPickDialog, digit_bindings
from vitalite_tui.tui.services import services
from vitalite_tui.tui.widgets.table import shorten

#: Seconds between two automatic copies (the app looks every minute whether one is due).
AUTOMATIC_EVERY = 15 * 60.0

#: Copies listed for a restore are cut to the box's width.
WIDTH = 66


def ask_where_and_copy(app: App[None]) -> None:
    """The `s` key: choose a folder, then copy the whole base there in the background."""
    ask_folder(
        app,
        "Sauvegarder toute la base dans…",
        (services(app).store.backups.folder, "Dossier des sauvegardes"),
        LAST_BACKUP_FOLDER,
        lambda folder: copy_in_background(app, folder),
    )


def copy_in_background(
    app: App[None], folder: Path | None, *, automatic: Callable[[], None] | None = None
) -> None:
    """Copy the base into `folder` in a thread; say where it went (or why not).

    `automatic`: an automatic copy into `sauvegardes/` (`folder` None), and what to call,
    on the UI thread, once it is made.
    """
    store = services(app).store

    def work() -> None:
        try:
            with store.thread_connection():
                copy = store.backups.make(folder, kind=AUTOMATIC if automatic else "")
        except VitaliteError as exc:
            app.call_from_thread(services(app).report, exc)
            return
        app.call_from_thread(_made, app, copy, automatic)

    app.run_worker(work, thread=True, group="copies", exit_on_error=False)


def _made(app: App[None], copy: BackupCopy, automatic: Callable[[], None] | None) -> None:
    if automatic is not None:
        automatic()
        app.notify(f"Copie automatique : {copy.path.name}", title="Sauvegarde", timeout=3)
        return
    remember(preferences_path(), LAST_BACKUP_FOLDER, str(copy.path.parent))
    app.notify(
        f"Copie de toute la base écrite ({size_text(copy.size)}) : {copy.path.absolute()}",
        title="Sauvegarde",
        timeout=20,
        markup=False,
    )


class AutomaticCopies:
    """The quarter-hourly copy, looked at every minute by the app's timer."""

    def __init__(self, app: App[None]) -> None:
        self.app = app
        self.last = time.monotonic()

    def copy_if_due(self) -> None:
        # Any such screen in the stack: a dialog open over the capture screen counts too.
        if not any(getattr(screen, "AUTOMATIC_COPIES", False) for screen in self.app.screen_stack):
            return
        if time.monotonic() - self.last < AUTOMATIC_EVERY:
            return
        backups = services(self.app).store.backups
        changes = backups.writes_since_last_copy()
        if changes is None:
            return
        self.last = time.monotonic()
        copy_in_background(self.app, None, automatic=lambda: backups.copied_up_to(changes))


class CopyPickDialog(NumberPickDialog):
    """Which copy to restore: the newest of `sauvegardes/` and of the USB sticks, or another."""

    BINDINGS: ClassVar[list[BindingType]] = digit_bindings(
        "Copie {n}", "Restaurer la copie numéro {n}.", "copy"
    )


#: How many copies the restore list shows (one digit each).
LISTED = 8

_KINDS = {"": "copie", AUTOMATIC: "copie automatique", "avant-restauration": "avant restauration"}


def copies_offered(store: Store) -> list[BackupCopy]:
    """The newest copies of `sauvegardes/` and of the USB sticks, newest first."""
    found = store.backups.found()
    for drive in removable_drives():
        found += store.backups.found(drive)
    found.sort(key=lambda copy: copy.made_at, reverse=True)
    return found[:LISTED]


def copy_line(copy: BackupCopy) -> str:
    """« 07/12 04:27 · copie automatique · 1,9 Mo · /home/…/sauvegardes », cut to the box."""
    what = _KINDS.get(copy.kind, "copie")
    return shorten(
        f"{copy.made_at:%d/%m %H:%M} · {what} · {size_text(copy.size)} · {copy.path.parent}",
        WIDTH,
    )


def described(path: Path, copies: dict[str, BackupCopy]) -> str:
    """« la copie du 07/12/2026 à 04:27 », or the file's name when it is not one of ours."""
    copy = copies.get(str(path))
    if copy is None:
        return f"le fichier {path.name}"
    return f"la copie du {copy.made_at:%d/%m/%Y à %H:%M}"


def ask_which_copy_and_restore(app: App[None], restored: Callable[[], None]) -> None:
    """Choose a copy, confirm, then put it in place of the base; `restored` after."""
    from vitalite_tui.tui.dialogs.confirm import ConfirmDialog

    vitalite = services(app)
    offered = {str(copy.path): copy for copy in copies_offered(vitalite.store)}

    def confirm(path: Path) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                restore(path)

        app.push_screen(
            ConfirmDialog(
                f"Remplacer toute la base par {described(path, offered)} ?\n"
                "La base actuelle est d'abord mise de côté dans le dossier des sauvegardes."
            ),
            answered,
        )

    def restore(path: Path) -> None:
        done = vitalite.read(lambda: vitalite.store.backups.restore(path))
        if done is None:
            return
        held = ", ".join(done.territories) or "aucune démarche"
        aside = f" L'ancienne est gardée : {done.set_aside.name}." if done.set_aside else ""
        app.notify(
            f"Base restaurée, {described(path, offered)} : {held}.{aside}",
            title="Restauration",
            timeout=20,
            markup=False,
        )
        restored()

    def picked(choice: str | None) -> None:
        if choice == OTHER:
            from vitalite_tui.tui.widgets.form import LineDialog

            def typed(text: str | None) -> None:
                if text and text.strip():
                    confirm(Path(text.strip()))

            app.push_screen(LineDialog("Restaurer une copie", "Fichier"), typed)
        elif choice is not None:
            confirm(Path(choice))

    choices = [(key, copy_line(copy)) for key, copy in offered.items()]
    choices.append((OTHER, "Autre fichier… (taper son chemin)"))
    app.push_screen(CopyPickDialog("Restaurer une copie de la base", choices), picked)
