"""What the `vitalite` commands share: French help, error reporting, options, lookups."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from vitalite_tui.cli.output import say
from vitalite_tui.cli.stores import existing_store
from vitalite_tui.cli.stores import pick_demarche as pick_demarche
from vitalite_tui.errors import VitaliteError
from vitalite_tui.paths import resolve_db_path

if TYPE_CHECKING:
    from typer._click import Context

    from vitalite_tui.store import Store

HELP_OPTION_TEXT = "Afficher cette aide et quitter."
COMMANDS_PANEL = "Commandes"


def _in_french(option: Any) -> Any:
    if option is not None:
        option.help = HELP_OPTION_TEXT
    return option


class VitaliteCommand(TyperCommand):
    """A subcommand whose `--help` speaks French."""

    def get_help_option(self, ctx: Context) -> Any:
        return _in_french(super().get_help_option(ctx))


class VitaliteGroup(TyperGroup):
    """The top command: French `--help`, and the one place where user errors are reported."""

    def get_help_option(self, ctx: Context) -> Any:
        return _in_french(super().get_help_option(ctx))

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except VitaliteError as exc:
            # One French sentence, no traceback: the message is written for the user.
            say(exc.message, err=True)
            raise typer.Exit(1) from None


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Fichier de base de données (sinon : variable VITALITE_DB, puis dossier par défaut).",
        metavar="FICHIER",
        dir_okay=False,
        show_default=False,
    ),
]


def chosen_db(ctx: typer.Context, db: Path | None) -> Path | None:
    """The `--db` of the command, else the one given before the command name, if any."""
    if db is not None:
        return db
    # The group's params hold the raw value: typer converts it only for the callback.
    root = ctx.find_root().params.get("db")
    return None if root is None else Path(root)


def database_path(ctx: typer.Context, db: Path | None) -> Path:
    """The database to use: `--db` (command, then global), `VITALITE_DB`, the user folder."""
    return resolve_db_path(chosen_db(ctx, db))


DemarcheOption = Annotated[
    str | None,
    typer.Option(
        "--demarche",
        help="Démarche visée : nom du territoire ou début de son identifiant.",
        metavar="NOM_OU_ID",
        show_default=False,
    ),
]


def out_option(what: str) -> Any:
    return typer.Option(
        "--out",
        help=f"{what} (par défaut : dans le dossier exports/).",
        metavar="FICHIER",
        show_default=False,
    )


@contextmanager
def opened_store(ctx: typer.Context, db: Path | None) -> Iterator[Store]:
    """The existing base of the command (never an empty one made just to find nothing)."""
    with existing_store(database_path(ctx, db)) as store:
        yield store
