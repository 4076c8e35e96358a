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
    from vitalite_tui.store.exchange.known import KnownTables
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
        known = KnownTables()
        for bundle in bundles:
            try:
                report = store.exchange.read(bundle, known)
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


@bundle_app.command("doublons", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def duplicates(
    ctx: typer.Context,
    keep: Annotated[
        str | None,
        typer.Option(
            "--garder",
            help="Code de la personne à garder (P007) ; avec --retirer : réunir les deux.",
            metavar="CODE",
            show_default=False,
        ),
    ] = None,
    other: Annotated[
        str | None,
        typer.Option(
            "--retirer",
            help="Code de la même personne inscrite une seconde fois : ses liens passent à "
            "l'autre, puis elle est retirée (restaurable).",
            metavar="CODE",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    demarche: DemarcheOption = None,
) -> None:
    """Lister les personnes inscrites deux fois (même nom, même commune), ou en réunir deux."""
    from vitalite_tui.store.exchange.report import counted

    if (keep is None) != (other is None):
        say(
            "Donnez les deux codes, --garder et --retirer, pour réunir deux inscriptions.", err=True
        )
        raise typer.Exit(2)
    with opened_store(ctx, db) as store:
        demarche_id = pick_demarche(store, demarche)
        if keep is not None and other is not None:
            by_code = {p.code: p for p in store.participants.all(demarche_id)}
            missing = [code for code in (keep, other) if code.upper() not in by_code]
            if missing:
                say(
                    f"Aucune personne inscrite sous le code {missing[0]} : rien n'a changé.",
                    err=True,
                )
                raise typer.Exit(1)
            kept, gone = by_code[keep.upper()], by_code[other.upper()]
            store.participants.merge(kept.id, gone.id)
            say(
                f"{gone.code} réuni à {kept.code} ({kept.display_name}) : ses présences, notes "
                f"et votes sont désormais ceux de {kept.code}, et {gone.code} est retiré."
            )
            return
        pairs = store.participants.duplicates(demarche_id)
    if not pairs:
        say("Aucun doublon probable : personne n'est inscrit deux fois sous le même nom.")
        return
    lines = [
        f"{counted(len(pairs), 'doublon probable', 'doublons probables')} (même nom, même "
        "commune) ; réunissez-les avec « vitalite bundle doublons --garder CODE --retirer CODE »."
    ]
    lines += [
        f"  {d.name} ({d.commune or 'sans commune'}) : {d.codes[0]} et {d.codes[1]}" for d in pairs
    ]
    say("\n".join(lines), lines=True)
