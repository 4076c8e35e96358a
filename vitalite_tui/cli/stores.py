"""What the commands share without Typer: the base opened (writers notice a TUI), the démarche."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from vitalite_tui.errors import DatabaseError, InvalidInput, NotFound

if TYPE_CHECKING:
    from vitalite_tui.store import Store


@contextmanager
def existing_store(path: Path) -> Iterator[Store]:
    """The base at `path`, which must exist (never an empty one made just to find nothing)."""
    with _opened(path, create=False) as store:
        yield store


@contextmanager
def _opened(path: Path, *, create: bool) -> Iterator[Store]:
    # Imported here: `vitalite --version` and `vitalite where` never load the store.
    from vitalite_tui.store import open_store

    if not create and not path.exists():
        raise DatabaseError(f"Aucune base à l'emplacement {path}.")
    store = open_store(path, create=create)
    try:
        yield store
    finally:
        store.close()


#: The commands that write to the base while the TUI may have it open.
Writer = Literal["import", "demo", "charter", "bundle"]

#: What each of them says when another copy of the program has the base open (the TUI,
#: most likely): its writes go in short batches, so the typing there goes on.
SHARED_NOTICES: dict[Writer, str] = {
    "import": (
        "vitalite est ouvert sur cette base dans une autre fenêtre : l'import s'enregistre "
        "par lots, les saisies en cours continuent ; rouvrez l'écran pour voir les "
        "nouvelles fiches."
    ),
    "demo": (
        "vitalite est ouvert sur cette base dans une autre fenêtre : la démo s'enregistre "
        "par lots, les saisies en cours continuent ; revenez à l'accueil pour la voir."
    ),
    "charter": (
        "vitalite est ouvert sur cette base dans une autre fenêtre : la charte est écrite "
        "telle qu'elle est enregistrée à cet instant ; relancez la commande après les "
        "dernières modifications."
    ),
    "bundle": (
        "vitalite est ouvert sur cette base dans une autre fenêtre : chaque paquet est lu "
        "d'un bloc, une saisie là-bas attend au plus un instant ; rouvrez l'écran pour voir "
        "ce qui est arrivé."
    ),
}


@contextmanager
def writing_store(path: Path, writer: Writer, *, create: bool = False) -> Iterator[Store]:
    """The base for a command that writes to it; one line on stderr if a TUI has it open.

    `create`: the base may be made here (the demo); otherwise it must exist.
    """
    with _opened(path, create=create) as store:
        if store.shared:
            # A notice, not an error: the command goes on (plain stderr, no Typer here).
            print(SHARED_NOTICES[writer], file=sys.stderr, flush=True)
        yield store


def pick_demarche(store: Store, name_or_id: str | None) -> str:
    """The démarche named (a part of its name, or its id's start), or the only one of the base."""
    if name_or_id is not None:
        found = store.demarches.matching(name_or_id)
        if len(found) == 1:
            return found[0].id
        if found:
            choices = " ; ".join(f"{d.territory} ({d.id[:8]})" for d in found)
            raise InvalidInput(
                f"Plusieurs démarches répondent à « {name_or_id} » : {choices} ; "
                "précisez --demarche avec le nom entier ou le début de l'identifiant."
            )
        names = " ; ".join(d.territory for d in store.demarches.all()) or "aucune"
        raise NotFound(f"Démarche introuvable : « {name_or_id} » (démarches : {names}).")
    demarches = store.demarches.all()
    if not demarches:
        raise InvalidInput(
            "Aucune démarche dans cette base : créez-en une dans l'application "
            "(ou essayez « vitalite demo »)."
        )
    if len(demarches) > 1:
        names = " ; ".join(f"{d.territory} ({d.id[:8]})" for d in demarches)
        raise InvalidInput(f"Plusieurs démarches dans cette base ({names}) : précisez --demarche.")
    return demarches[0].id
