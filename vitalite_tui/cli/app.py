"""The `vitalite` command line: a bare call opens the TUI; each command group has its module.

Start-up time matters on old laptops: this module and the command modules import only Typer
and light helpers; each command imports what it needs (the store, openpyxl, the demo,
textual) when it runs. tests/architecture/test_import_hygiene.py checks it. The entry point
is `cli.main.main`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from vitalite_tui import __version__
from vitalite_tui.cli.backup import backup, restore
from vitalite_tui.cli.bundle import bundle_app
from vitalite_tui.cli.charter import charter_command
from vitalite_tui.cli.common import (
    COMMANDS_PANEL,
    DbOption,
    VitaliteCommand,
    VitaliteGroup,
    database_path,
)
from vitalite_tui.cli.database import check, where
from vitalite_tui.cli.demarche import demarche_app
from vitalite_tui.cli.demo import demo
from vitalite_tui.cli.export import export
from vitalite_tui.cli.kit import kit
from vitalite_tui.cli.print import print_app
from vitalite_tui.cli.purge import purge, retention
from vitalite_tui.cli.questionnaire import questionnaire_app
from vitalite_tui.cli.tui import open_tui

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
    sober: Annotated[
        bool,
        typer.Option(
            "--sobre",
            help="Affichage sobre (vieux portables, vidéoprojecteurs) : 16 couleurs "
            "contrastées, ni animation ni curseur clignotant ; aussi VITALITE_SOBRE=1.",
        ),
    ] = False,
) -> None:
    """Vitalité sociale : sans commande, ouvre l'application sur la base choisie."""
    if ctx.invoked_subcommand is not None:
        return
    open_tui(database_path(ctx, db), sober=sober)


# The order of `vitalite --help`.
app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(demo)
app.add_typer(demarche_app, name="demarche", rich_help_panel=COMMANDS_PANEL)
app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(where)
app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(check)
app.add_typer(questionnaire_app, name="questionnaire", rich_help_panel=COMMANDS_PANEL)
app.command("charter", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(charter_command)
app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(export)
app.add_typer(print_app, name="print", rich_help_panel=COMMANDS_PANEL)
app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(backup)
app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(restore)
app.add_typer(bundle_app, name="bundle", rich_help_panel=COMMANDS_PANEL)
app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(kit)
app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(purge)
app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(retention)
