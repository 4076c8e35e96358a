"""`vitalite purge` and `vitalite retention`: personal data that ends with the démarche."""

from __future__ import annotations

from typing import Annotated

import typer

from vitalite_tui.cli.common import DbOption, DemarcheOption, opened_store
from vitalite_tui.cli.output import say
from vitalite_tui.cli.stores import pick_demarche


def purge(
    ctx: typer.Context,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    yes: Annotated[
        bool,
        typer.Option("--oui", help="Ne pas demander de confirmation (scripts)."),
    ] = False,
) -> None:
    """Effacer les données personnelles d'une démarche terminée ; les résultats anonymes restent."""
    from vitalite_tui.errors import InvalidInput

    with opened_store(ctx, db) as store:
        demarche_id = pick_demarche(store, demarche)
        plan = store.purges.plan(demarche_id)
        if plan.refused:
            raise InvalidInput(plan.refused)
        say(f"Purge de « {plan.territory} ».")
        say(plan.what)
        if not yes and not typer.confirm("Effacer définitivement ces données ?", default=False):
            say("Purge abandonnée : rien n'a été changé.")
            raise typer.Exit(1)
        done = store.purges.purge(demarche_id)
    say(done.summary)
    for path in done.backups_removed:
        say(f"  Sauvegarde automatique supprimée : {path}")
    say("D'autres copies peuvent encore contenir ces données :")
    for line in done.copies_left:
        say(f"  - {line}")


def retention(
    ctx: typer.Context,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--jusqu-au",
            help="Nouvelle date de conservation (JJ/MM/AAAA), ou « defaut » pour revenir "
            "à la fin de la démarche plus la durée prévue.",
            metavar="DATE",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Voir ou changer jusqu'à quand les données personnelles d'une démarche sont gardées."""
    from vitalite_tui.domain.dates import parse_date
    from vitalite_tui.domain.privacy import retention_period
    from vitalite_tui.store.privacy.retention import retention_line

    with opened_store(ctx, db) as store:
        demarche_id = pick_demarche(store, demarche)
        if until is None:
            kept = store.retention.get(demarche_id)
        elif until.strip().casefold() in ("defaut", "défaut"):
            kept = store.retention.set(demarche_id, None)
        else:
            kept = store.retention.set(demarche_id, parse_date(until, field="Date de conservation"))
        territory = store.demarches.get(demarche_id).territory
    how = (
        "date choisie"
        if kept.chosen
        else f"par défaut : fin de la démarche plus {retention_period()}"
    )
    say(f"{territory} : {retention_line(kept)} ({how}).")
