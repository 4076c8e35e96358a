"""`vitalite export`: the démarche's Excel workbook (openpyxl is loaded by this command only)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vitalite_tui.cli.common import DbOption, DemarcheOption, opened_store, pick_demarche
from vitalite_tui.paths import exports_dir


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
    from vitalite_tui.workbook import export_workbook

    with opened_store(ctx, db) as store:
        result = export_workbook(
            store,
            pick_demarche(store, demarche),
            exports_dir(out),
            workshop=workshop,
            with_names=with_names,
        )
    for warning in result.warnings:
        typer.echo(f"Attention : {warning}", err=True)
    names = "avec les noms consentis" if result.with_names else "sans les noms (codes P001…)"
    typer.echo(f"Classeur écrit : {result.path}")
    typer.echo(
        f"  {len(result.sheets)} feuilles · {result.rows('Participants')} participants · "
        f"{result.rows('Contributions')} contributions · {names}"
    )
