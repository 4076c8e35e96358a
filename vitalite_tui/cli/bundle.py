"""`vitalite bundle …`: a démarche written to one file, bundles read back, this laptop's name."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from vitalite_tui.cli.common import (
    COMMANDS_PANEL,
    DbOption,
    DemarcheOption,
    VitaliteCommand,
    VitaliteGroup,
    database_path,
    opened_store,
    pick_demarche,
)
from vitalite_tui.cli.output import say
from vitalite_tui.errors import VitaliteError

if TYPE_CHECKING:
    from vitalite_tui.store.exchange.records import MergeReport

bundle_app: typer.Typer = typer.Typer(
    name="bundle",
    cls=VitaliteGroup,
    help=(
        "Paquets : une démarche dans un fichier, pour la porter sur un autre poste et "
        "rassembler les notes de chaque sous-groupe."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: What `read` looks for in a folder it is given (an exchange folder, a USB stick).
BUNDLE_PATTERN = "*.vitalite"


@bundle_app.command("write", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def write(
    ctx: typer.Context,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help=(
                "Fichier .vitalite à écrire, ou dossier où le mettre (son nom dit alors le "
                "territoire, le poste et l'heure)."
            ),
            metavar="FICHIER_OU_DOSSIER",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    demarche: DemarcheOption = None,
) -> None:
    """Écrire le paquet d'une démarche : toutes ses lignes, pour un autre poste."""
    with opened_store(ctx, db) as store:
        written = store.exchange.write(pick_demarche(store, demarche), out)
    say(
        f"Paquet écrit : {written.path} (démarche « {written.demarche_name} », poste "
        f"« {written.laptop_name} ») ; lisez-le sur l'autre poste avec « vitalite bundle read »."
    )


def _bundles(paths: list[Path]) -> list[Path]:
    """The files given, and the bundles inside each folder given, in name order."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.glob(BUNDLE_PATTERN)) if path.is_dir() else [path]
    return found


@bundle_app.command("read", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def read(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Paquets à lire, ou dossiers d'échange (chaque .vitalite qu'ils contiennent).",
            metavar="FICHIER…",
            show_default=False,
        ),
    ],
    db: DbOption = None,
) -> None:
    """Lire des paquets dans cette base : chaque ligne ajoutée ou mise à jour, rien perdu."""
    from vitalite_tui.cli.stores import writing_store

    bundles = _bundles(files)
    if not bundles:
        say("Aucun paquet .vitalite dans ce qui est donné : rien n'a été lu.", err=True)
        raise typer.Exit(1)
    path = database_path(ctx, db)
    if not path.exists():
        # A laptop that has no base yet: the first bundle it reads brings the démarche.
        say(f"Nouvelle base créée pour ce poste : {path}.")
    refused = 0
    with writing_store(path, "bundle", create=True) as store:
        for bundle in bundles:
            try:
                report = store.exchange.read(bundle)
            except VitaliteError as exc:
                refused += 1
                say(exc.message, err=True)
                continue
            say(report_text(report), lines=True)
    if refused:
        raise typer.Exit(1)


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count <= 1 else many}"


def report_text(report: MergeReport) -> str:
    """What reading one bundle did, in French, a line per table that changed."""
    origin = f"démarche « {report.demarche_name} », poste « {report.laptop_name} »"
    settled = report.renumbered or report.duplicates or report.tallies or report.sheets
    if report.added == 0 and report.updated == 0 and not settled:
        return f"{report.source} ({origin}) : rien de nouveau, la base n'a pas changé."
    lines = [
        f"{report.source} ({origin}) lu"
        + (" : la démarche arrive dans cette base" if report.created else "")
        + f" ; {_counted(report.added, 'ligne ajoutée', 'lignes ajoutées')}, "
        f"{_counted(report.updated, 'mise à jour', 'mises à jour')}, "
        f"{_counted(report.unchanged, 'inchangée', 'inchangées')}."
    ]
    for table in report.tables:
        parts = [_counted(table.added, "ajout", "ajouts")] if table.added else []
        parts += [_counted(table.updated, "mise à jour", "mises à jour")] if table.updated else []
        if parts:
            lines.append(f"  {table.label} : {', '.join(parts)}")
    if report.conflicts:
        lines.append(
            f"  {_counted(len(report.conflicts), 'conflit', 'conflits')} : modifié des deux "
            "côtés ; la version la plus récente est gardée, l'autre conservée à côté."
        )
        lines += [
            f"    {c.label} : « {c.kept} » gardé, « {c.other} » conservé" for c in report.conflicts
        ]
    return "\n".join(lines + _settled_lines(report))


def _settled_lines(report: MergeReport) -> list[str]:
    """What the merge's rules settled: codes, people registered twice, wall counts."""
    lines: list[str] = []
    if report.renumbered:
        lines.append(
            f"  {_counted(len(report.renumbered), 'code renuméroté', 'codes renumérotés')} : "
            "ce code était déjà celui d'une autre personne ; utilisez le nouveau."
        )
        lines += [f"    {r.name} : {r.old} devient {r.new}" for r in report.renumbered]
    if report.duplicates:
        lines.append(
            f"  {_counted(len(report.duplicates), 'doublon probable', 'doublons probables')} "
            "(même nom, même commune) : vérifiez et réunissez-les avec « vitalite bundle "
            "doublons »."
        )
        lines += [
            f"    {d.name} ({d.commune or 'sans commune'}) : {d.codes[0]} et {d.codes[1]}"
            for d in report.duplicates
        ]
    if report.tallies:
        lines.append(
            f"  {_counted(len(report.tallies), 'comptage', 'comptages')} du mur saisi sur deux "
            "postes : le plus récent est gardé, l'autre retiré pour ne pas compter deux fois."
        )
        lines += [
            f"    {t.action} ({t.college}) : {t.kept} gommette(s) gardée(s), {t.other} retirée(s)"
            for t in report.tallies
        ]
    same = [s.sheet_number for s in report.sheets if s.identical]
    if same:
        lines.append(
            f"  {_counted(len(same), 'fiche saisie', 'fiches saisies')} sur deux postes à "
            f"l'identique (n° {', '.join(map(str, same))}) : "
            + (
                "comptée une fois et vérifiée."
                if len(same) == 1
                else "comptées une fois et vérifiées."
            )
        )
    differ = [s.sheet_number for s in report.sheets if not s.identical]
    if differ:
        lines.append(
            f"  {_counted(len(differ), 'fiche saisie', 'fiches saisies')} sur deux postes avec "
            f"des différences (n° {', '.join(map(str, differ))}) : "
            + (
                "comptée une fois, elle reste à vérifier ; ressaisissez-la"
                if len(differ) == 1
                else "comptées une fois, elles restent à vérifier ; ressaisissez-les"
            )
            + " dans la vérification des questionnaires."
        )
    return lines


@bundle_app.command("poste", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def laptop(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            help="Nouveau nom de ce poste (« Poste sous-groupe 2 ») ; sans nom : l'afficher.",
            metavar="NOM",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Afficher ou changer le nom de ce poste, que portent ses paquets."""
    with opened_store(ctx, db) as store:
        found = store.exchange.laptop() if name is None else store.exchange.rename_laptop(name)
    say(f"Ce poste s'appelle « {found.name} » (identifiant {found.id}).")


@bundle_app.command("doublons", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def duplicates(
    ctx: typer.Context,
    keep: Annotated[
        str | None,
        typer.Option(
            "--garder",
            help="Code de la personne à garder (P007) ; avec --retirer : réunir les deux.",
            metavar="CODE",
            show_default=False,
        ),
    ] = None,
    other: Annotated[
        str | None,
        typer.Option(
            "--retirer",
            help="Code de la même personne inscrite une seconde fois : ses liens passent à "
            "l'autre, puis elle est retirée (restaurable).",
            metavar="CODE",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    demarche: DemarcheOption = None,
) -> None:
    """Lister les personnes inscrites deux fois (même nom, même commune), ou en réunir deux."""
    if (keep is None) != (other is None):
        say(
            "Donnez les deux codes, --garder et --retirer, pour réunir deux inscriptions.", err=True
        )
        raise typer.Exit(2)
    with opened_store(ctx, db) as store:
        demarche_id = pick_demarche(store, demarche)
        if keep is not None and other is not None:
            by_code = {p.code: p for p in store.participants.all(demarche_id)}
            missing = [code for code in (keep, other) if code.upper() not in by_code]
            if missing:
                say(
                    f"Aucune personne inscrite sous le code {missing[0]} : rien n'a changé.",
                    err=True,
                )
                raise typer.Exit(1)
            kept, gone = by_code[keep.upper()], by_code[other.upper()]
            store.participants.merge(kept.id, gone.id)
            say(
                f"{gone.code} réuni à {kept.code} ({kept.display_name}) : ses présences, notes "
                f"et votes sont désormais ceux de {kept.code}, et {gone.code} est retiré."
            )
            return
        pairs = store.participants.duplicates(demarche_id)
    if not pairs:
        say("Aucun doublon probable : personne n'est inscrit deux fois sous le même nom.")
        return
    lines = [
        f"{_counted(len(pairs), 'doublon probable', 'doublons probables')} (même nom, même "
        "commune) ; réunissez-les avec « vitalite bundle doublons --garder CODE --retirer CODE »."
    ]
    lines += [
        f"  {d.name} ({d.commune or 'sans commune'}) : {d.codes[0]} et {d.codes[1]}" for d in pairs
    ]
    say("\n".join(lines), lines=True)
