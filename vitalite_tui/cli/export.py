"""`vitalite export`: the démarche's Excel workbook (openpyxl is loaded by this command only)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vitalite_tui.cli.common import DbOption, DemarcheOption, database_path
from vitalite_tui.cli.export_run import ExportCall, run_export


def export(
    ctx: typer.Context,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Dossier où écrire le classeur (par défaut : exports/ dans le dossier courant).",
            metavar="DOSSIER",
            show_default=False,
        ),
    ] = None,
    workshop: Annotated[
        int | None,
        typer.Option(
            "--workshop",
            help="N'exporter qu'un atelier (1 à 4) ; le nom du fichier finit par -atelier-N.",
            metavar="N",
            show_default=False,
        ),
    ] = None,
    with_names: Annotated[
        bool,
        typer.Option(
            "--with-names",
            help="Ajouter les noms des participants qui l'ont accepté (sinon : codes P001…).",
        ),
    ] = False,
) -> None:
    """Écrire le classeur Excel d'une démarche pour le technicien de l'EPCI."""
    # Plain calls run the same `run_export` without Typer: see `cli.main`.
    call = ExportCall(db, demarche, out, workshop, with_names)
    run_export(call, database_path(ctx, db), _echo)


def _echo(text: str, err: bool) -> None:
    typer.echo(text, err=err)
