"""`vitalite demarche …`: list the démarches of a base; create, rename, archive, delete, restore."""

from __future__ import annotations

from typing import Annotated

import typer

from vitalite_tui.cli.common import (
    COMMANDS_PANEL,
    DbOption,
    VitaliteCommand,
    VitaliteGroup,
    opened_store,
    pick_demarche,
)
from vitalite_tui.cli.output import say

demarche_app: typer.Typer = typer.Typer(
    name="demarche",
    cls=VitaliteGroup,
    help="Démarches de la base : les lister, en créer, renommer, archiver, supprimer ou rétablir.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Chosen = Annotated[
    str,
    typer.Argument(
        help="Nom du territoire (ou une partie), ou début de l'identifiant.",
        metavar="NOM_OU_ID",
        show_default=False,
    ),
]


@demarche_app.command("list", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def list_demarches(ctx: typer.Context, db: DbOption = None) -> None:
    """Lister les démarches : identifiant court, nom, communes, participants, étapes."""
    from vitalite_tui.domain.steps import STEPS
    from vitalite_tui.domain.text import plural

    with opened_store(ctx, db) as store:
        summaries = store.demarches.all()
    if not summaries:
        say("Aucune démarche dans cette base.")
        return
    for summary in summaries:
        marks = [
            m for m, on in (("démo", summary.is_demo), ("archivée", summary.archived_at)) if on
        ]
        say(
            f"{summary.id[:8]}  {summary.territory} · "
            f"{plural(len(summary.communes), 'commune')} · "
            f"{plural(summary.participant_count, 'participant')} · "
            f"étapes {summary.steps_done}/{len(STEPS)}" + "".join(f" · {mark}" for mark in marks)
        )


@demarche_app.command("create", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def create(
    ctx: typer.Context,
    territory: Annotated[
        str, typer.Argument(help="Nom du territoire (l'EPCI).", metavar="TERRITOIRE")
    ],
    communes: Annotated[
        str,
        typer.Option(
            "--communes",
            help="Communes du territoire, séparées par des virgules (au moins une).",
            metavar="COMMUNES",
            show_default=False,
        ),
    ],
    db: DbOption = None,
) -> None:
    """Créer une démarche : le nom du territoire et ses communes."""
    with opened_store(ctx, db) as store:
        created = store.demarches.get(store.demarches.create(territory, communes))
    say(
        f"Démarche « {created.territory} » créée ({created.id[:8]}, "
        f"{len(created.communes)} communes)."
    )


@demarche_app.command("rename", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def rename(
    ctx: typer.Context,
    demarche: Chosen,
    name: Annotated[str, typer.Argument(help="Nouveau nom du territoire.", metavar="NOUVEAU_NOM")],
    db: DbOption = None,
) -> None:
    """Renommer une démarche (refusé si une autre porte déjà ce nom)."""
    with opened_store(ctx, db) as store:
        demarche_id = pick_demarche(store, demarche)
        before = store.demarches.get(demarche_id).territory
        store.demarches.rename(demarche_id, name)
        after = store.demarches.get(demarche_id).territory
    say(f"Démarche « {before} » renommée « {after} ».")


@demarche_app.command("archive", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def archive(
    ctx: typer.Context,
    demarche: Chosen,
    undo: Annotated[
        bool,
        typer.Option("--retour", help="La rendre à la liste au lieu de l'archiver."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Archiver une démarche finie : gardée entière, cachée de la liste de l'accueil."""
    with opened_store(ctx, db) as store:
        demarche_id = pick_demarche(store, demarche)
        territory = store.demarches.get(demarche_id).territory
        if undo:
            store.demarches.unarchive(demarche_id)
        else:
            store.demarches.archive(demarche_id)
    if undo:
        say(f"Démarche « {territory} » rendue à la liste de l'accueil.")
    else:
        say(
            f"Démarche « {territory} » archivée ; « vitalite demarche archive --retour » "
            "la rend à la liste."
        )


@demarche_app.command("delete", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def delete(
    ctx: typer.Context,
    demarche: Chosen,
    sure: Annotated[
        bool,
        typer.Option("--oui", help="Confirmer la suppression (sans lui, rien n'est supprimé)."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Supprimer une démarche et tout ce qu'elle contient (avec --oui seulement)."""
    with opened_store(ctx, db) as store:
        demarche_id = pick_demarche(store, demarche)
        territory = store.demarches.get(demarche_id).territory
        held = store.demarches.contents(demarche_id).described()
        if not sure:
            say(
                f"La démarche « {territory} » contient {held} ; rien n'a été supprimé. "
                "Relancez avec --oui pour la supprimer (faites d'abord une sauvegarde : "
                "vitalite backup).",
                err=True,
            )
            raise typer.Exit(1)
        store.demarches.remove(demarche_id)
    say(f"Démarche « {territory} » supprimée ({held}) ; « vitalite demarche restore » la rétablit.")


@demarche_app.command("restore", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def restore(
    ctx: typer.Context,
    demarche: Annotated[
        str | None,
        typer.Argument(
            help="Nom de la démarche supprimée (ou une partie), ou début de l'identifiant ; "
            "sans lui, la liste des démarches supprimées.",
            metavar="NOM_OU_ID",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Rétablir une démarche supprimée (ou lister celles qui peuvent l'être)."""
    from vitalite_tui.domain.dates import format_date
    from vitalite_tui.errors import InvalidInput, NotFound
    from vitalite_tui.store.preparation.demarches import named

    with opened_store(ctx, db) as store:
        removed = store.demarches.removed()
        if demarche is None:
            for gone in removed:
                say(
                    f"{gone.id[:8]}  {gone.territory} · supprimée le "
                    f"{format_date(gone.removed_at.date())}"
                )
            if not removed:
                say("Aucune démarche supprimée dans cette base.")
            return
        found = named(demarche, removed)
        if not found:
            raise NotFound(
                f"Aucune démarche supprimée ne répond à « {demarche} » ; "
                "« vitalite demarche restore » les liste."
            )
        if len(found) > 1:
            choices = " ; ".join(f"{d.territory} ({d.id[:8]})" for d in found)
            raise InvalidInput(
                f"Plusieurs démarches supprimées répondent à « {demarche} » : {choices} ; "
                "donnez le nom entier ou le début de l'identifiant."
            )
        store.demarches.restore_removed(found[0].id)
    say(f"Démarche « {found[0].territory} » rétablie, avec tout ce qu'elle contenait.")
