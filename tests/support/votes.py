"""Shared test helpers: votes."""

from __future__ import annotations

from dataclasses import dataclass

from vitalite_tui.db.models import Intention
from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.preparation.records import ParticipantDraft

ELU, ACTEUR, HABITANT = College.ELU, College.ACTEUR, College.HABITANT

#: Two élus, two acteurs, three habitants, all present at workshop 3 except Gilles.
PEOPLE = (
    ("Anne", ELU),
    ("Bruno", ELU),
    ("Chloé", ACTEUR),
    ("Denis", ACTEUR),
    ("Émilie", HABITANT),
    ("Fatou", HABITANT),
    ("Gilles", HABITANT),
)

INTENTIONS = (
    "Un café associatif itinérant",
    "Transport solidaire vers le bourg",
    "Une boîte à idées dans chaque mairie",
    "Jardins partagés entre générations",
)


@dataclass
class Scene:
    demarche_id: str
    people: dict[str, str]
    intentions: list[str]


def make_scene(store: Store, demarche_id: str, intentions: tuple[str, ...] = INTENTIONS) -> Scene:
    """People registered (all but Gilles present at workshop 3) and workshop-2 intentions."""
    people = {
        name: store.participants.add(demarche_id, ParticipantDraft(name, college))
        for name, college in PEOPLE
    }
    for name, person in people.items():
        if name != "Gilles":
            store.workshops.set_present(demarche_id, 3, person, True)
    made = [
        str(
            Intention.create(
                demarche=as_uuid(demarche_id),
                title=title,
                description=f"Pourquoi : {title.lower()}",
                indicators=[1 + n % 4],
            ).id
        )
        for n, title in enumerate(intentions)
    ]
    return Scene(demarche_id, people, made)


def ids_by_title(store: Store, demarche_id: str) -> dict[str, str]:
    return {c.title: c.id for c in store.votes.candidates(demarche_id)}
