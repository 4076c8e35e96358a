"""The `vitalite` command line: a bare call opens the TUI; each command group has its module.

Start-up time matters on old laptops: this module and the command modules import only Typer
and light helpers; each command imports what it needs (the store, openpyxl, the demo,
textual) when it runs. tests/architecture/test_import_hygiene.py checks it. The entry point
is `cli.main.main`.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from vitalite_tui import __version__
from vitalite_tui.cli.common import (
    DbOption,
    VitaliteGroup,
    database_path,
)
from vitalite_tui.cli.lazy import LazyCommands, Where
from vitalite_tui.cli.tui import open_tui

#: The commands, in the order of `vitalite --help`; each module is imported when its command
#: runs or the help lists it (`lazy.py`).
COMMANDS: dict[str, Where] = {
    "demo": ("vitalite_tui.cli.demo", "demo"),
    "demarche": ("vitalite_tui.cli.demarche", "demarche_app"),
    "where": ("vitalite_tui.cli.database", "where"),
    "check": ("vitalite_tui.cli.database", "check"),
    "questionnaire": ("vitalite_tui.cli.questionnaire", "questionnaire_app"),
    "charter": ("vitalite_tui.cli.charter", "charter_command"),
    "export": ("vitalite_tui.cli.export", "export"),
    "print": ("vitalite_tui.cli.print", "print_app"),
    "backup": ("vitalite_tui.cli.backup", "backup"),
    "restore": ("vitalite_tui.cli.backup", "restore"),
    "bundle": ("vitalite_tui.cli.bundle", "bundle_app"),
    "kit": ("vitalite_tui.cli.kit", "kit"),
    "purge": ("vitalite_tui.cli.purge", "purge"),
    "retention": ("vitalite_tui.cli.purge", "retention"),
}


class MainGroup(VitaliteGroup):
    """`vitalite` itself: its commands built when asked for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(COMMANDS)


app = typer.Typer(
    name="vitalite",
    cls=MainGroup,
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
