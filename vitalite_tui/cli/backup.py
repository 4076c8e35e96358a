"""`vitalite backup` and `vitalite restore`: a safe copy of the base, and going back to one.

The copy goes through SQLite's backup API: it holds everything saved, even while the app is
open on the base (a plain file copy then misses what is in `vitalite.sqlite-wal`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vitalite_tui.cli.common import DbOption, database_path, opened_store
from vitalite_tui.cli.output import say


def backup(
    ctx: typer.Context,
    db: DbOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Dossier où écrire la copie : une clé USB… (par défaut : sauvegardes/ "
            "à côté de la base).",
            metavar="DOSSIER",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Copier toute la base dans un seul fichier sûr, même pendant que l'application tourne."""
    from vitalite_tui.domain.text import size_text

    with opened_store(ctx, db) as store:
        copy = store.backups.make(out)
    say(f"Sauvegarde écrite : {copy.path.absolute()} ({size_text(copy.size)})")


def restore(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="La copie à remettre en place (un fichier de sauvegardes/, d'une clé USB…).",
            metavar="COPIE",
            dir_okay=False,
            show_default=False,
        ),
    ],
    db: DbOption = None,
) -> None:
    """Remplacer la base par une copie ; la base actuelle est d'abord mise de côté."""
    from vitalite_tui.store import open_store

    # A base that does not exist yet is made from the copy: that is how a new laptop starts.
    store = open_store(database_path(ctx, db))
    try:
        restored = store.backups.restore(file)
        base = store.path
    finally:
        store.close()
    if restored.set_aside is not None:
        say(f"Base actuelle mise de côté : {restored.set_aside.absolute()}")
    held = ", ".join(restored.territories) or "aucune démarche"
    say(f"Base restaurée depuis {restored.source.absolute()} : {held}.")
    say(f"Base : {base.absolute()}")
