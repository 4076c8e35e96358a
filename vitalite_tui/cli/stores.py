"""What the commands share without Typer: the existing base opened, the démarche picked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from vitalite_tui.errors import DatabaseError, InvalidInput, NotFound

if TYPE_CHECKING:
    from vitalite_tui.store import Store


@contextmanager
def existing_store(path: Path) -> Iterator[Store]:
    """The base at `path`, which must exist (never an empty one made just to find nothing)."""
    # Imported here: `vitalite --version` and `vitalite where` never load the store.
    from vitalite_tui.store import open_store

    if not path.exists():
        raise DatabaseError(f"Aucune base à l'emplacement {path}.")
    store = open_store(path, create=False)
    try:
        yield store
    finally:
        store.close()


def pick_demarche(store: Store, name_or_id: str | None) -> str:
    """The démarche named, or the only one of the base; French error otherwise."""
    if name_or_id is not None:
        found = store.demarches.find(name_or_id)
        if found is None:
            names = " ; ".join(d.territory for d in store.demarches.all()) or "aucune"
            raise NotFound(f"Démarche introuvable : « {name_or_id} » (démarches : {names}).")
        return found
    demarches = store.demarches.all()
    if not demarches:
        raise InvalidInput(
            "Aucune démarche dans cette base : créez-en une dans l'application "
            "(ou essayez « vitalite demo »)."
        )
    if len(demarches) > 1:
        names = " ; ".join(d.territory for d in demarches)
        raise InvalidInput(f"Plusieurs démarches dans cette base ({names}) : précisez --demarche.")
    return demarches[0].id
