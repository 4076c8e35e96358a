"""`vitalite where` and `vitalite check`: where the files are, and whether the base is sound."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from vitalite_tui.cli.common import DbOption, chosen_db, database_path
from vitalite_tui.cli.output import say
from vitalite_tui.paths import backups_dir, exports_dir


def db_origin(option: Path | None) -> str:
    """Why this database was chosen, in words (same order as `paths.resolve_db_path`)."""
    if option is not None:
        return "option --db"
    if os.environ.get("VITALITE_DB"):
        return "variable VITALITE_DB"
    if os.environ.get("VITALITE_HOME"):
        return "variable VITALITE_HOME"
    return "dossier par défaut"


def where(ctx: typer.Context, db: DbOption = None) -> None:
    """Montrer où sont la base, les exports et les sauvegardes."""
    path = database_path(ctx, db)
    state = "" if path.exists() else ", pas encore créée"
    say(f"Base de données : {path} ({db_origin(chosen_db(ctx, db))}{state})")
    say(f"Exports         : {exports_dir()}")
    say(f"Sauvegardes     : {backups_dir(path)}")


def check(ctx: typer.Context, db: DbOption = None) -> None:
    """Vérifier la base sans la modifier (intégrité, références)."""
    from vitalite_tui.db.connection import check_database

    # Read-only, with sqlite3 alone: a check never migrates nor creates the file.
    path = database_path(ctx, db)
    report = check_database(path)
    if report.ok:
        say(f"Base saine : {path} (schéma {report.version}).")
    else:
        say(f"Base abîmée : {path} ({len(report.problems)} problème(s)).")
        for problem in report.problems:
            say(f"  - {problem}")
        say(report.message, err=True)
    for remark in report.remarks:
        say(f"Remarque : {remark}.")
    if not report.ok:
        raise typer.Exit(1)
