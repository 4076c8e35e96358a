"""Shared test helpers: charter."""

from __future__ import annotations

from dataclasses import dataclass

from vitalite_tui.db.models import Action, Axis, Intention, Note
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.links import add_link
from vitalite_tui.store.lookups import workshop_row


@dataclass(frozen=True)
class Thread:
    """Ids of the hand-made démarche, by name."""

    demarche_id: str
    axes: dict[str, str]
    notes: dict[str, str]
    intentions: dict[str, str]
    actions: dict[str, str]


def kept_action(demarche_id: str, title: str, position: int, **fields: object) -> str:
    """An action as the vote leaves it: kept, live, not merged."""
    row = Action.create(
        demarche=as_uuid(demarche_id), title=title, kept=True, position=position, **fields
    )
    return str(row.id)


def make_thread(demarche_id: str) -> Thread:
    """Notes → axes and intentions → actions (one merged into a kept one) → nothing yet."""
    w1, w2 = workshop_row(demarche_id, 1), workshop_row(demarche_id, 2)
    meet = Axis.create(demarche=w1.demarche, workshop=w1, title="Se retrouver", position=0)
    inform = Axis.create(demarche=w1.demarche, workshop=w1, title="S'informer", position=1)
    notes = {
        "cafe": Note.create(workshop=w1, text="Le café a fermé en 2019", axis=meet),
        "market": Note.create(workshop=w1, text="Le marché du jeudi, on s'y croise", axis=meet),
        "town_hall": Note.create(workshop=w1, text="Personne ne sait où s'adresser", axis=inform),
        "rolling": Note.create(workshop=w2, text="Un café qui passe de village en village"),
    }
    cafe = Intention.create(demarche=w1.demarche, workshop=w2, title="Café associatif", axis=meet)
    guide = Intention.create(demarche=w1.demarche, workshop=w2, title="Guide", axis=inform)
    actions = {
        "cafe": kept_action(demarche_id, "Un café itinérant", 0, description="Une camionnette"),
        "guide": kept_action(demarche_id, "Un guide des services", 1),
    }
    actions["mobile"] = str(
        Action.create(
            demarche=w1.demarche, title="Café mobile", merged_into=as_uuid(actions["cafe"])
        ).id
    )
    actions["box"] = str(Action.create(demarche=w1.demarche, title="Boîte à idées", position=2).id)
    add_link(demarche_id, LinkKind.NOTE, notes["rolling"].id, LinkKind.INTENTION, cafe.id)
    add_link(demarche_id, LinkKind.NOTE, notes["cafe"].id, LinkKind.INTENTION, cafe.id)
    add_link(demarche_id, LinkKind.INTENTION, cafe.id, LinkKind.ACTION, actions["mobile"])
    add_link(demarche_id, LinkKind.INTENTION, guide.id, LinkKind.ACTION, actions["guide"])
    return Thread(
        demarche_id,
        axes={"meet": str(meet.id), "inform": str(inform.id)},
        notes={name: str(row.id) for name, row in notes.items()},
        intentions={"cafe": str(cafe.id), "guide": str(guide.id)},
        actions=actions,
    )


def titles(store: Store, demarche_id: str) -> list[str]:
    return [article.title for article in store.charter.articles(demarche_id)]
