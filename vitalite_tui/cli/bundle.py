"""`vitalite bundle …`: a démarche written to one file, bundles read back, this laptop's name."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vitalite_tui.cli.common import (
    COMMANDS_PANEL,
    DbOption,
    DemarcheOption,
    VitaliteCommand,
    VitaliteGroup,
    database_path,
    opened_store,
    pick_demarche,
)
from vitalite_tui.cli.output import say
from vitalite_tui.errors import VitaliteError

bundle_app: typer.Typer = typer.Typer(
    name="bundle",
    cls=VitaliteGroup,
    help=(
        "Paquets : une démarche dans un fichier, pour la porter sur un autre poste et "
        "rassembler les notes de chaque sous-groupe."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@bundle_app.command("write", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def write(
    ctx: typer.Context,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help=(
                "Fichier .vitalite à écrire, ou dossier où le mettre (son nom dit alors le "
                "territoire, le poste et l'heure)."
            ),
            metavar="FICHIER_OU_DOSSIER",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    demarche: DemarcheOption = None,
) -> None:
    """Écrire le paquet d'une démarche : toutes ses lignes, pour un autre poste."""
    with opened_store(ctx, db) as store:
        written = store.exchange.write(pick_demarche(store, demarche), out)
    say(
        f"Paquet écrit : {written.path} (démarche « {written.demarche_name} », poste "
        f"« {written.laptop_name} ») ; lisez-le sur l'autre poste avec « vitalite bundle read »."
    )


def _bundles(paths: list[Path]) -> list[Path]:
    """The files given, and the bundles inside each folder given, in name order."""
    from vitalite_tui.formats.bundle import bundles_in

    found: list[Path] = []
    for path in paths:
        found += bundles_in(path) if path.is_dir() else [path]
    return found


@bundle_app.command("read", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def read(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Paquets à lire, ou dossiers d'échange (chaque .vitalite qu'ils contiennent).",
            metavar="FICHIER…",
            show_default=False,
        ),
    ],
    db: DbOption = None,
) -> None:
    """Lire des paquets dans cette base : chaque ligne ajoutée ou mise à jour, rien perdu."""
    from vitalite_tui.cli.stores import writing_store
    from vitalite_tui.store.exchange.report import report_text

    bundles = _bundles(files)
    if not bundles:
        say("Aucun paquet .vitalite dans ce qui est donné : rien n'a été lu.", err=True)
        raise typer.Exit(1)
    path = database_path(ctx, db)
    if not path.exists():
        # A laptop that has no base yet: the first bundle it reads brings the démarche.
        say(f"Nouvelle base créée pour ce poste : {path}.")
    refused = 0
    with writing_store(path, "bundle", create=True) as store:
        for bundle in bundles:
            try:
                report = store.exchange.read(bundle)
            except VitaliteError as exc:
                refused += 1
                say(exc.message, err=True)
                continue
            say(report_text(report), lines=True)
    if refused:
        raise typer.Exit(1)


@bundle_app.command("poste", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def laptop(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help="Nouveau nom de ce poste (« Poste sous-groupe 2 ») ; sans nom : l'afficher.",
            metavar="NOM",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Afficher ou changer le nom de ce poste, que portent ses paquets."""
    with opened_store(ctx, db) as store:
        found = store.exchange.laptop() if name is None else store.exchange.rename_laptop(name)
    say(f"Ce poste s'appelle « {found.name} » (identifiant {found.id}).")
