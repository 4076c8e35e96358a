"""Shared test helpers: prospective."""

from __future__ import annotations

from dataclasses import dataclass

from vitalite_tui.db.models import Axis, Link
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store import Store
from vitalite_tui.store.base import as_uuid
from vitalite_tui.store.preparation.records import ParticipantDraft

PEOPLE = (
    ("Martine Roux", College.HABITANT),
    ("Jean-Paul Vidal", College.ELU),
    ("Sophie Garcia", College.ACTEUR),
)


@dataclass(frozen=True)
class Workshop2:
    """One sub-group of workshop 2 with its members, and the trends of the démarche."""

    subgroup_id: str
    members: list[str]
    #: Trend ids by catalogue code.
    trends: dict[str, str]


def workshop2_scene(store: Store, demarche_id: str, presented: tuple[str, ...] = ()) -> Workshop2:
    """Three people present at workshop 2 in one sub-group; the trends `presented` ticked."""
    for name, college in PEOPLE:
        person = store.participants.add(demarche_id, ParticipantDraft(name, college))
        store.workshops.set_present(demarche_id, 2, person, True)
    group = store.subgroups.form(demarche_id, 2, count=1)[0]
    store.subgroups.update(group.id, group.name, theme="", indicator=None)
    trends = {t.code or t.title: t.id for t in store.trends.all(demarche_id)}
    for code in presented:
        store.trends.set_selected(trends[code], True)
    members = [m.id for m in store.subgroups.get(group.id).members]
    return Workshop2(group.id, members, trends)


@dataclass(frozen=True)
class Said:
    """What a sub-group of workshop 2 said in one round on the mobility trend."""

    round_id: str
    risk: str
    opportunity: str
    intentions: list[str]
    other: str


def said(store: Store, demarche_id: str) -> tuple[Said, dict[str, str], str]:
    """A round on « mobilités »: a risk, an opportunity, two intention notes, a trend sign."""
    scene = workshop2_scene(store, demarche_id, ("mobilites", "numerique"))
    mobility = scene.trends["mobilites"]
    rnd = store.capture.start_round(scene.subgroup_id, "Et alors ?", trend_id=mobility)
    first, second, _ = scene.members

    def note(text: str, kind: NoteKind, indicator: int | None) -> str:
        return store.capture.save_note(rnd.id, first, text, kind, indicator).id

    risk = note("Les jeunes sans permis vont partir", NoteKind.RISQUE, 2)
    chance = note("Le covoiturage crée du lien", NoteKind.OPPORTUNITE, 1)
    other = note("Le bus ne passe plus", NoteKind.TENDANCE, 2)
    ideas = [
        store.capture.save_note(
            rnd.id, second, "On pourrait monter un transport solidaire.", None, 3
        ).id,
        store.capture.save_note(rnd.id, second, "Des points de covoiturage", None, None).id,
    ]
    return Said(rnd.id, risk, chance, ideas, other), scene.trends, scene.subgroup_id


def axis(demarche_id: str, title: str, position: int, indicator: int | None = None) -> str:
    return str(
        Axis.create(
            demarche=as_uuid(demarche_id), title=title, position=position, indicator=indicator
        ).id
    )


def live_links() -> set[tuple[str, str]]:
    rows = Link.select().where(Link.deleted_at.is_null())
    return {(str(r.source_id), str(r.target_id)) for r in rows}
