"""Choosing a folder by keys: the usual one, the last one used, the USB sticks seen, another."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import BindingType

from vitalite_tui.formats.preferences import load_preferences
from vitalite_tui.paths import preferences_path, removable_drives
from vitalite_tui.tui.dialogs.number_pick import NumberPickDialog, digit_bindings
from vitalite_tui.tui.widgets.table import shorten

#: The line of the list that asks for another folder.
OTHER = "autre"
WIDTH = 66


class FolderPickDialog(NumberPickDialog):
    """Returns the folder chosen (its path), `OTHER`, or None."""

    BINDINGS: ClassVar[list[BindingType]] = digit_bindings(
        "Dossier {n}", "Choisir le dossier numéro {n}.", "folder"
    )


def folder_choices(usual: Path, usual_label: str, last: str | None) -> list[tuple[str, str]]:
    """The places offered, the usual one first; ids are the folders' paths."""
    choices = [(str(usual), shorten(f"{usual_label} — {usual}", WIDTH))]
    if last and Path(last) != usual and Path(last).is_dir():
        choices.append((last, shorten(f"Dernier dossier utilisé — {last}", WIDTH)))
    for drive in removable_drives():
        if str(drive) not in (chosen for chosen, _ in choices):
            choices.append((str(drive), shorten(f"Clé USB ou carte — {drive}", WIDTH)))
    choices.append((OTHER, "Autre dossier… (taper son chemin)"))
    return choices


def ask_folder(
    app: App[None],
    title: str,
    usual: tuple[Path, str],
    remembered: str,
    chosen: Callable[[Path], None],
) -> None:
    """Offer the `usual` folder (and its label), the one remembered under `remembered`, the
    USB sticks and another one to type; call `chosen` with the folder picked."""
    from vitalite_tui.tui.widgets.form import LineDialog

    last = load_preferences(preferences_path()).get(remembered)

    def picked(choice: str | None) -> None:
        if choice == OTHER:

            def typed(text: str | None) -> None:
                if text and text.strip():
                    chosen(Path(text.strip()).expanduser())

            app.push_screen(LineDialog("Autre dossier", "Chemin", last or ""), typed)
        elif choice is not None:
            chosen(Path(choice))

    app.push_screen(FolderPickDialog(title, folder_choices(*usual, last)), picked)
