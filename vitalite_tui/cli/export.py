"""`vitalite export`: the démarche's Excel workbook (openpyxl is loaded by this command only)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from vitalite_tui.cli.common import DbOption, DemarcheOption, opened_store, pick_demarche
from vitalite_tui.cli.output import say
from vitalite_tui.paths import exports_dir


@contextmanager
def without_cycle_collector() -> Iterator[None]:
    """The cyclic garbage collector paused, then restored as it was.

    The export keeps what it reads to its end and openpyxl makes tens of thousands of
    short-lived objects: the collector would scan the same long-lived ones again and again
    (a tenth of a second on the large demo) to find next to nothing. Reference counting
    still frees everything the export drops.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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

    with without_cycle_collector(), opened_store(ctx, db) as store:
        result = export_workbook(
            store,
            pick_demarche(store, demarche),
            exports_dir(out),
            workshop=workshop,
            with_names=with_names,
        )
    for warning in result.warnings:
        say(f"Attention : {warning}", err=True)
    names = "avec les noms consentis" if result.with_names else "sans les noms (codes P001…)"
    say(f"Classeur écrit : {result.path}")
    say(
        f"  {len(result.sheets)} feuilles · {result.rows('Participants')} participants · "
        f"{result.rows('Contributions')} contributions · {names}"
    )
