"""`vitalite kit`: the offline install kit for village-hall laptops (see `vitalite_tui.kit`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vitalite_tui.cli.output import say

_SYSTEMS = ("windows", "linux")


def kit(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Dossier du kit (une clé USB…) : vide, ou un kit précédent à mettre à jour.",
            metavar="DOSSIER",
            file_okay=False,
            show_default=False,
        ),
    ],
    systems: Annotated[
        list[str] | None,
        typer.Option(
            "--systeme",
            help="windows ou linux (64 bits) ; répétez l'option pour plusieurs "
            "(par défaut : les deux).",
            metavar="SYSTÈME",
            show_default=False,
        ),
    ] = None,
    pythons: Annotated[
        list[str] | None,
        typer.Option(
            "--python",
            help="Version de Python des portables, 3.10 à 3.13 ; répétez l'option pour "
            "plusieurs (par défaut : toutes).",
            metavar="3.N",
            show_default=False,
        ),
    ] = None,
    wheel: Annotated[
        Path | None,
        typer.Option(
            "--wheel",
            help="La roue (wheel) du programme, si cette commande ne tourne pas depuis le "
            "dossier du projet.",
            metavar="FICHIER",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    portable: Annotated[
        bool,
        typer.Option(
            "--portable",
            help="Créer le dossier donnees/ : la base, les sauvegardes et les exports "
            "restent sur la clé.",
        ),
    ] = False,
) -> None:
    """Préparer (au bureau, avec le réseau) un kit qui installe vitalite sans internet."""
    from vitalite_tui.errors import InvalidInput
    from vitalite_tui.kit.build import build_kit
    from vitalite_tui.kit.wheels import PYTHONS, targets

    chosen_systems = [s.lower() for s in systems or _SYSTEMS]
    for system in chosen_systems:
        if system not in _SYSTEMS:
            raise InvalidInput(f"Système inconnu : « {system} » ; choisissez windows ou linux.")
    chosen_pythons = list(pythons or PYTHONS)
    for python in chosen_pythons:
        if python not in PYTHONS:
            raise InvalidInput(
                f"Python « {python} » n'est pas pris en charge ; choisissez parmi "
                f"{', '.join(PYTHONS)}."
            )
    report = build_kit(
        out,
        targets(chosen_systems, chosen_pythons),
        wheel=wheel,
        portable=portable,
        progress=lambda message: say(message, err=True),
    )
    say(f"Kit écrit : {report.folder.absolute()} ({len(report.wheels)} paquets)")
    for target in report.targets:
        absent = report.missing.get(target.label)
        if absent:
            say(f"  {target.label} : incomplet, manque {', '.join(absent)}")
        else:
            say(f"  {target.label} : complet")
    if not report.complete:
        raise typer.Exit(1)
    say("Copiez ce dossier sur le portable et suivez LISEZMOI.txt.")
