"""What the `vitalite` commands share: French help and usage errors, error reporting, options."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

from vitalite_tui.cli.output import say
from vitalite_tui.cli.stores import existing_store
from vitalite_tui.cli.stores import pick_demarche as pick_demarche
from vitalite_tui.errors import VitaliteError
from vitalite_tui.paths import resolve_db_path

if TYPE_CHECKING:
    from collections.abc import Sequence

    from typer._click import Context, HelpFormatter

    from vitalite_tui.store import Store

HELP_OPTION_TEXT = "Afficher cette aide et quitter."
COMMANDS_PANEL = "Commandes"


def _in_french_help(option: Any) -> Any:
    if option is not None:
        option.help = HELP_OPTION_TEXT
    return option


class FrenchUsage:
    """Click's parts that speak to the user, in French: usage line, help frame, usage errors.

    Every usage error of a command (unknown option, missing argument, bad value, extra
    argument) comes out of its `make_context`, or out of its group's `invoke` (an unknown
    command): both are rebuilt in French there, with Click's exit code 2.
    """

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        from vitalite_tui.cli.french_usage import USAGE_PREFIX

        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_PREFIX)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        from vitalite_tui.cli.french_usage import speak_french

        speak_french()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def make_context(
        self,
        info_name: str | None,
        args: Sequence[str],
        parent: Context | None = None,
        **extra: Any,
    ) -> Context:
        try:
            return super().make_context(info_name, list(args), parent, **extra)  # type: ignore[misc,no-any-return]
        except UsageError as exc:
            raise _in_french(exc) from None


def _in_french(exc: UsageError) -> UsageError:
    from vitalite_tui.cli.french_usage import in_french

    return in_french(exc)


class VitaliteCommand(FrenchUsage, TyperCommand):
    """A subcommand whose `--help` and usage errors speak French."""

    def get_help_option(self, ctx: Context) -> Any:
        return _in_french_help(super().get_help_option(ctx))


class VitaliteGroup(FrenchUsage, TyperGroup):
    """The top command: French `--help`, and the one place where user errors are reported."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from vitalite_tui.cli.french_usage import SUBCOMMAND_METAVAR

        kwargs["subcommand_metavar"] = kwargs.get("subcommand_metavar") or SUBCOMMAND_METAVAR
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: Context) -> Any:
        return _in_french_help(super().get_help_option(ctx))

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except VitaliteError as exc:
            # One French sentence, no traceback: the message is written for the user.
            say(exc.message, err=True)
            raise typer.Exit(1) from None
        except UsageError as exc:
            # An unknown command, or a subcommand's error already in French.
            raise _in_french(exc) from None
        except KeyboardInterrupt:
            # Typer would exit 130 silently (or with a traceback, outside it): say it once.
            from vitalite_tui.cli.interrupt import INTERRUPTED, INTERRUPTED_EXIT

            typer.echo(INTERRUPTED, err=True)
            raise typer.Exit(INTERRUPTED_EXIT) from None


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
