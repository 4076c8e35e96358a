"""`vitalite demo`: build the demonstration démarche (the demo is loaded by this command only)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from vitalite_tui.cli.common import DbOption, chosen_db, database_path
from vitalite_tui.cli.output import say
from vitalite_tui.cli.stores import writing_store

if TYPE_CHECKING:
    from vitalite_tui.demo import DemoResult

#: The demo's sizes (`vitalite_tui.demo.DEMO_SIZES`), written out: Typer reads the annotation
#: at every run (`--version` included) and the demo is imported only when the command runs.
#: tests/cli/test_cli.py checks that both list the same sizes.
DemoSize = Literal["small", "large"]


def open_command(ctx: typer.Context, db: Path | None) -> str:
    """How to open this database again, as the user would type it."""
    option = chosen_db(ctx, db)
    return "vitalite" if option is None else f'vitalite --db "{database_path(ctx, db)}"'


def _demo_lines(result: DemoResult, path: Path, how_to_open: str) -> list[str]:
    from vitalite_tui.domain.colleges import CollegeCounts

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


def demo(
    ctx: typer.Context,
    db: DbOption = None,
    size: Annotated[
        DemoSize,
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
    with writing_store(path, "demo", create=True) as store:
        result = create_demo(store, size)
    for line in _demo_lines(result, path, open_command(ctx, db)):
        say(line)
