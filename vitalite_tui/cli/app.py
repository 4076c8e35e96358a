"""The `vitalite` command: a bare call opens the TUI; subcommands for the demo and the files.

Start-up time matters on old laptops: textual is imported only when the TUI starts, and
openpyxl only by the commands that read or write workbooks.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from vitalite_tui import __version__
from vitalite_tui.cli.charter import charter_command
from vitalite_tui.cli.common import (
    COMMANDS_PANEL,
    DbOption,
    DemarcheOption,
    VitaliteCommand,
    VitaliteGroup,
    chosen_db,
    database_path,
    opened_store,
    pick_demarche,
)
from vitalite_tui.cli.questionnaire import questionnaire_app
from vitalite_tui.db.connection import check_database
from vitalite_tui.domain.colleges import CollegeCounts
from vitalite_tui.paths import backups_dir, exports_dir
from vitalite_tui.store import open_store

if TYPE_CHECKING:
    from vitalite_tui.demo import DemoResult

app = typer.Typer(
    name="vitalite",
    cls=VitaliteGroup,
    help=(
        "Vitalité sociale : l'outil clavier des animateurs de la démarche de prospective. "
        "Sans commande, ouvre l'application."
    ),
    invoke_without_command=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vitalite {__version__}")
        raise typer.Exit()


def open_command(ctx: typer.Context, db: Path | None) -> str:
    """How to open this database again, as the user would type it."""
    option = chosen_db(ctx, db)
    return "vitalite" if option is None else f'vitalite --db "{database_path(ctx, db)}"'


def db_origin(option: Path | None) -> str:
    """Why this database was chosen, in words (same order as `paths.resolve_db_path`)."""
    if option is not None:
        return "option --db"
    if os.environ.get("VITALITE_DB"):
        return "variable VITALITE_DB"
    if os.environ.get("VITALITE_HOME"):
        return "variable VITALITE_HOME"
    return "dossier par défaut"


@app.callback()
def callback(
    ctx: typer.Context,
    db: DbOption = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Afficher la version et quitter.",
            callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Vitalité sociale : sans commande, ouvre l'application sur la base choisie."""
    if ctx.invoked_subcommand is not None:
        return
    store = open_store(database_path(ctx, db))
    try:
        # Imported here: textual is only loaded when the TUI really starts.
        from vitalite_tui.tui.app import VitaliteApp

        VitaliteApp(store).run()
    finally:
        store.close()


def _demo_lines(result: DemoResult, path: Path, how_to_open: str) -> list[str]:
    counts = result.counts
    verdict = "Démo créée" if result.created else "La démo est déjà là"
    colleges = CollegeCounts(
        elu=counts.get("elu", 0),
        acteur=counts.get("acteur", 0),
        habitant=counts.get("habitant", 0),
    )
    questionnaire = "choisi" if counts.get("questionnaire") else "à choisir"
    return [
        f"{verdict} : {result.territory} ({counts.get('communes', 0)} communes).",
        f"  {colleges.total} participants : {colleges.summary()}",
        f"  Comité de pilotage : {counts.get('committee', 0)} membres · "
        f"{counts.get('workshops_planned', 0)} ateliers planifiés · "
        f"questionnaire {questionnaire}",
        f"Base : {path}",
        f"Pour l'ouvrir : {how_to_open}",
    ]


@app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def demo(
    ctx: typer.Context,
    db: DbOption = None,
    size: Annotated[
        # The demo's sizes (`vitalite_tui.demo.DEMO_SIZES`), written out: the demo is
        # imported only when the command runs.
        Literal["small", "large"],
        typer.Option(
            "--size",
            help="small (45 participants, par défaut) ou large (50, pour les mesures).",
            metavar="TAILLE",
            show_default=False,
        ),
    ] = "small",
) -> None:
    """Créer la démarche de démonstration (une seule fois par taille)."""
    from vitalite_tui.demo import create_demo

    path = database_path(ctx, db)
    store = open_store(path)
    try:
        result = create_demo(store, size)
    finally:
        store.close()
    for line in _demo_lines(result, path, open_command(ctx, db)):
        typer.echo(line)


@app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def where(ctx: typer.Context, db: DbOption = None) -> None:
    """Montrer où sont la base, les exports et les sauvegardes."""
    path = database_path(ctx, db)
    state = "" if path.exists() else ", pas encore créée"
    typer.echo(f"Base de données : {path} ({db_origin(chosen_db(ctx, db))}{state})")
    typer.echo(f"Exports         : {exports_dir()}")
    typer.echo(f"Sauvegardes     : {backups_dir(path)}")


@app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def check(ctx: typer.Context, db: DbOption = None) -> None:
    """Vérifier la base sans la modifier (intégrité, références)."""
    # Read-only, with sqlite3 alone: a check never migrates nor creates the file.
    path = database_path(ctx, db)
    report = check_database(path)
    if report.ok:
        typer.echo(f"Base saine : {path} (schéma {report.version}).")
    else:
        typer.echo(f"Base abîmée : {path} ({len(report.problems)} problème(s)).")
        for problem in report.problems:
            typer.echo(f"  - {problem}")
        typer.echo(report.message, err=True)
    for remark in report.remarks:
        typer.echo(f"Remarque : {remark}.")
    if not report.ok:
        raise typer.Exit(1)


app.add_typer(questionnaire_app, name="questionnaire", rich_help_panel=COMMANDS_PANEL)
app.command("charter", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(charter_command)


@app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
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
    # Imported here: openpyxl is loaded only when a workbook is written.
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


def main() -> None:
    """Entry point of the `vitalite` script and of `python -m vitalite_tui`."""
    app()
