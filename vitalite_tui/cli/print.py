"""`vitalite print …`: the method's paper as PDF (questionnaire, sign-in sheet, wall headers,
vote materials, charter to sign), into exports/ unless `--out` says otherwise.

The PDF library is imported inside each command: `vitalite` starts without it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from vitalite_tui.cli.common import (
    COMMANDS_PANEL,
    DbOption,
    DemarcheOption,
    VitaliteCommand,
    VitaliteGroup,
    opened_store,
    pick_demarche,
)
from vitalite_tui.cli.output import say

if TYPE_CHECKING:
    from vitalite_tui.print.paper import Printed
    from vitalite_tui.store import Store

print_app: typer.Typer = typer.Typer(
    name="print",
    cls=VitaliteGroup,
    help=(
        "Imprimer le papier de la méthode en PDF : questionnaire, émargement, en-têtes de "
        "mur, vote, charte à signer, cahier de la démarche."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="Fichier PDF à écrire, ou un dossier (par défaut : dans le dossier exports/).",
        metavar="FICHIER",
        show_default=False,
    ),
]
WorkshopOption = Annotated[
    int,
    typer.Option("--workshop", help="Numéro de l'atelier (1 à 4).", min=1, max=4, metavar="N"),
]


def _print(
    ctx: typer.Context,
    db: Path | None,
    demarche: str | None,
    make: Callable[[Store, str], Printed],
    what: str,
) -> None:
    with opened_store(ctx, db) as store:
        printed = make(store, pick_demarche(store, demarche))
    say(f"{what} : {printed.path}")
    pages = f" · {printed.pages} page{'s' if printed.pages > 1 else ''}" if printed.pages else ""
    say(f"  {printed.summary}{pages}")


@print_app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def questionnaire(
    ctx: typer.Context,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    first: Annotated[
        int | None,
        typer.Option(
            "--from",
            help=(
                "Premier numéro de fiche (par défaut : après le dernier imprimé ou saisi ; "
                "un numéro déjà imprimé est refusé)."
            ),
            min=1,
            metavar="N",
            show_default=False,
        ),
    ] = None,
    count: Annotated[
        int | None,
        typer.Option(
            "--count",
            help="Nombre de fiches (10 par défaut ; 1 pour --blank).",
            min=1,
            metavar="N",
            show_default=False,
        ),
    ] = None,
    blank: Annotated[
        bool,
        typer.Option("--blank", help="Fiche sans numéro, à photocopier (rien n'est réservé)."),
    ] = False,
    intro: Annotated[
        bool,
        typer.Option("--intro/--no-intro", help="Le court texte d'introduction en tête de fiche."),
    ] = True,
    out: OutOption = None,
) -> None:
    """Questionnaire de sociabilité : une fiche numérotée par personne.

    Dans l'ordre de l'écran de saisie ; un numéro imprimé ne ressert jamais.
    """
    from vitalite_tui.print.questionnaire import print_questionnaire

    def make(store: Store, demarche_id: str) -> Printed:
        return print_questionnaire(
            store, demarche_id, out=out, count=count, first=first, blank=blank, intro=intro
        )

    _print(ctx, db, demarche, make, "Questionnaires imprimés")


@print_app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def emargement(
    ctx: typer.Context,
    workshop: WorkshopOption = 1,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    out: OutOption = None,
) -> None:
    """Feuille d'émargement d'un atelier (document nominatif, jamais exporté).

    Les inscrits par ordre alphabétique, des lignes pour les nouveaux venus.
    """
    from vitalite_tui.print.sign_in import print_sign_in

    def make(store: Store, demarche_id: str) -> Printed:
        return print_sign_in(store, demarche_id, workshop, out=out)

    _print(ctx, db, demarche, make, "Feuille d'émargement imprimée")


@print_app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def wall(
    ctx: typer.Context,
    workshop: WorkshopOption = 1,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    out: OutOption = None,
) -> None:
    """En-têtes de mur : un par sous-groupe et par tour, en grand."""
    from vitalite_tui.print.wall import print_wall

    def make(store: Store, demarche_id: str) -> Printed:
        return print_wall(store, demarche_id, workshop, out=out)

    _print(ctx, db, demarche, make, "En-têtes de mur imprimés")


@print_app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def vote(
    ctx: typer.Context,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    a3: Annotated[bool, typer.Option("--a3", help="Affiche au format A3 (A4 sinon).")] = False,
    ballots: Annotated[
        bool,
        typer.Option(
            "--ballots",
            help="Bulletins individuels (vote par bulletins) au lieu de l'affiche.",
        ),
    ] = False,
    count: Annotated[
        int | None,
        typer.Option(
            "--count",
            help="Nombre de bulletins (par défaut : les présents à l'atelier 3).",
            min=1,
            metavar="N",
            show_default=False,
        ),
    ] = None,
    out: OutOption = None,
) -> None:
    """Vote : l'affiche des actions candidates, ou les bulletins individuels.

    L'affiche laisse à chaque action la place des gommettes.
    """
    from vitalite_tui.print.vote import print_vote

    def make(store: Store, demarche_id: str) -> Printed:
        return print_vote(store, demarche_id, out=out, a3=a3, ballot=ballots, count=count)

    _print(ctx, db, demarche, make, "Bulletins imprimés" if ballots else "Affiche du vote imprimée")


@print_app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def charter(
    ctx: typer.Context,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    out: OutOption = None,
) -> None:
    """La charte à signer : préambule, articles, lignes de signature."""
    from vitalite_tui.print.charter import print_charter

    def make(store: Store, demarche_id: str) -> Printed:
        return print_charter(store, demarche_id, out=out)

    _print(ctx, db, demarche, make, "Charte à signer imprimée")


@print_app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def booklet(
    ctx: typer.Context,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Fichier à écrire, ou un dossier (par défaut : dans le dossier exports/).",
            metavar="FICHIER",
            show_default=False,
        ),
    ] = None,
    odt: Annotated[
        bool,
        typer.Option(
            "--odt",
            help="Écrire le cahier modifiable (OpenDocument .odt, pour LibreOffice ou Word : "
            "ajouter un avant-propos, des logos) au lieu du PDF.",
        ),
    ] = False,
) -> None:
    """Le cahier de la démarche : méthode, baromètre, axes, intentions, scénario, actions
    retenues et leurs fiches, charte ; sans aucun nom, sauf les signataires qui l'acceptent."""
    from vitalite_tui.print.booklet import print_booklet

    def make(store: Store, demarche_id: str) -> Printed:
        return print_booklet(store, demarche_id, out=out, editable=odt)

    _print(ctx, db, demarche, make, "Cahier de la démarche écrit")
