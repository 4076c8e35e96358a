"""Sub-groups of a workshop: formed automatically, then adjusted by hand, named and themed."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from vitalite_tui.db.models import (
    Action,
    Attendance,
    Note,
    Participant,
    SubGroup,
    SubGroupMember,
    Workshop,
)
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.domain.lineage import LinkKind
from vitalite_tui.domain.notes import check_indicator
from vitalite_tui.domain.subgroups import Person, form_subgroups, group_for_late_arrival
from vitalite_tui.domain.text import clean_line
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.base import as_uuid, fk_id, key, live, soft_delete, writing
from vitalite_tui.store.links import add_link, remove_links, targets_of
from vitalite_tui.store.lookups import (
    evening_rows,
    participant_of,
    present_participants,
    workshop_row,
)
from vitalite_tui.store.preparation.participants import participant_record
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.store.workshops.records import SubGroupRecord
from vitalite_tui.store.workshops.workshop import live_subgroups

MAX_GROUPS = 12
MAX_NAME = 80
MAX_THEME = 120

#: The workshop whose sub-groups deepen the actions kept by its vote.
DEEPENING_WORKSHOP = 3


def default_settings(workshop_number: int, position: int) -> dict[str, object]:
    """Name, and in workshop 1 the natural theme: one indicator per sub-group, in turn."""
    settings: dict[str, object] = {"name": f"Sous-groupe {position + 1}"}
    if workshop_number == 1:
        theme = INDICATORS[position % len(INDICATORS)]
        settings["indicator"] = theme.number
        settings["theme"] = theme.poles_label
    return settings


def member_rows(subgroup_ids: Iterable[uuid.UUID | str]) -> dict[str, list[Participant]]:
    """Live members of each sub-group, in speaking order (one query)."""
    ids = list(subgroup_ids)
    members: dict[str, list[Participant]] = {str(i): [] for i in ids}
    if not ids:
        return members
    rows = (
        SubGroupMember.select(SubGroupMember, Participant)
        .join(Participant)
        .where(
            SubGroupMember.subgroup.in_(ids)
            & SubGroupMember.deleted_at.is_null()
            & Participant.deleted_at.is_null()
        )
        .order_by(SubGroupMember.position, SubGroupMember.created_at)
    )
    for row in rows:
        members[str(row.subgroup_id)].append(row.participant)
    return members


def member_colleges(subgroup_id: uuid.UUID | str) -> list[tuple[str, College]]:
    """(id, collège) of a sub-group's members in speaking order, for the speaking balance."""
    return [(key(p), College(p.college)) for p in member_rows([subgroup_id])[str(subgroup_id)]]


def to_subgroup_record(
    row: SubGroup, workshop_number: int, members: Sequence[Participant]
) -> SubGroupRecord:
    return SubGroupRecord(
        id=key(row),
        workshop_id=str(row.workshop_id),
        workshop_number=workshop_number,
        position=row.position + 1,
        name=row.name,
        theme=row.theme,
        indicator=row.indicator,
        animateur=row.animateur,
        members=[participant_record(p) for p in members],
    )


def _set_members(group: SubGroup, participant_ids: Sequence[str]) -> None:
    """Make exactly these people the live members of `group`, in this speaking order."""
    rows = {
        str(m.participant_id): m
        for m in SubGroupMember.select().where(SubGroupMember.subgroup == group)
    }
    for position, participant_id in enumerate(participant_ids):
        row = rows.get(participant_id)
        if row is None:
            SubGroupMember.create(subgroup=group, participant=participant_id, position=position)
        elif row.deleted_at is not None or row.position != position:
            row.deleted_at = None
            row.position = position
            row.save()
    wanted = set(participant_ids)
    for participant_id, row in rows.items():
        if participant_id not in wanted and row.deleted_at is None:
            soft_delete(row)


def _live_members(group: SubGroup) -> list[str]:
    return [key(p) for p in member_rows([group.id])[key(group)]]


class SubGroups:
    """Forming, listing, moving people between, and naming the sub-groups of a workshop."""

    def form(
        self, demarche_id: str, number: int, count: int = 4, seed: int = 0, session: int = 1
    ) -> list[SubGroupRecord]:
        """Share the people present between `count` sub-groups (see `domain.subgroups`).

        Re-forming keeps each sub-group's name, theme and animateur but redraws who is in it;
        it is refused once notes were taken in the workshop.
        """
        if not 1 <= count <= MAX_GROUPS:
            raise InvalidInput(f"Nombre de sous-groupes : de 1 à {MAX_GROUPS}.")
        with writing():
            workshop = workshop_row(demarche_id, number, session)
            taken = (
                Note.select()
                .where((Note.workshop == workshop) & Note.deleted_at.is_null())
                .exists()
            )
            if taken:
                raise InvalidInput(
                    "Des notes ont déjà été prises dans cet atelier : les sous-groupes ne "
                    "peuvent plus être refaits automatiquement ; déplacez les personnes une à une."
                )
            present = present_participants(workshop)
            if not present:
                raise InvalidInput(
                    "Personne n'est noté présent à cet atelier : faites d'abord l'appel."
                )
            people = [Person(key(p), College(p.college), p.commune) for p in present]
            drawn = form_subgroups(people, count, seed)
            existing = live_subgroups(workshop)
            for position, ids in enumerate(drawn):
                if position < len(existing):
                    group = existing[position]
                    if group.position != position:
                        group.position = position
                        group.save()
                else:
                    group = SubGroup.create(
                        workshop=workshop,
                        position=position,
                        **default_settings(workshop.number, position),
                    )
                _set_members(group, ids)
            for extra in existing[count:]:
                _set_members(extra, [])
                soft_delete(extra)
        return self.all(demarche_id, number, session)

    def all(self, demarche_id: str, number: int, session: int = 1) -> list[SubGroupRecord]:
        """The evening's sub-groups in order, each with its members in speaking order."""
        workshop = workshop_row(demarche_id, number, session)
        groups = live_subgroups(workshop)
        members = member_rows(g.id for g in groups)
        return [to_subgroup_record(g, workshop.number, members[key(g)]) for g in groups]

    def get(self, subgroup_id: str) -> SubGroupRecord:
        group = live(SubGroup, subgroup_id, "Sous-groupe")
        workshop = Workshop.get_by_id(group.workshop_id)
        return to_subgroup_record(group, workshop.number, member_rows([group.id])[key(group)])

    def unassigned(
        self, demarche_id: str, number: int, session: int = 1
    ) -> list[ParticipantRecord]:
        """People present who are in no sub-group yet (a newcomer who arrived late…)."""
        workshop = workshop_row(demarche_id, number, session)
        members = member_rows(g.id for g in live_subgroups(workshop))
        placed = {key(p) for people in members.values() for p in people}
        return [
            participant_record(p) for p in present_participants(workshop) if key(p) not in placed
        ]

    def best_for(
        self, demarche_id: str, number: int, participant_id: str, session: int = 1
    ) -> str | None:
        """The sub-group a late arrival fits best (see `group_for_late_arrival`); None when
        the evening has no sub-group yet."""
        workshop = workshop_row(demarche_id, number, session)
        groups = live_subgroups(workshop)
        if not groups:
            return None
        person = participant_of(workshop, participant_id)
        members = member_rows(g.id for g in groups)
        index = group_for_late_arrival(
            Person(key(person), College(person.college), person.commune),
            [
                [
                    Person(key(p), College(p.college), p.commune)
                    for p in members[key(g)]
                    if key(p) != key(person)
                ]
                for g in groups
            ],
        )
        return key(groups[index])

    def set_action(self, subgroup_id: str, action_id: str | None) -> None:
        """Workshop 3: the kept action a sub-group deepens, and so each of its rounds, those
        done and those to come (None: no action). One action per sub-group."""
        with writing():
            group = live(SubGroup, subgroup_id, "Sous-groupe")
            workshop = Workshop.get_by_id(group.workshop_id)
            if workshop.number != DEEPENING_WORKSHOP:
                raise InvalidInput(
                    "Seuls les sous-groupes de l'atelier 3 approfondissent une action retenue."
                )
            action = live(Action, action_id, "Action") if action_id is not None else None
            if action is not None and (
                fk_id(action, "demarche") != str(workshop.demarche_id) or not action.kept
            ):
                raise InvalidInput(
                    f"« {action.title} » n'est pas une action retenue de cette démarche."
                )
            for linked in targets_of(LinkKind.SUBGROUP, [group.id], LinkKind.ACTION)[key(group)]:
                if action is None or linked != key(action):
                    remove_links(LinkKind.ACTION, linked, LinkKind.SUBGROUP, [group.id])
            if action is not None:
                add_link(
                    workshop.demarche_id, LinkKind.SUBGROUP, group.id, LinkKind.ACTION, action.id
                )

    def actions(self, demarche_id: str) -> dict[str, str]:
        """The workshop-3 sub-groups linked to a kept action, those of its extra evenings
        too: sub-group id → action id."""
        groups = [
            group
            for evening in evening_rows(demarche_id, DEEPENING_WORKSHOP)
            for group in live_subgroups(evening)
        ]
        links = targets_of(LinkKind.SUBGROUP, [g.id for g in groups], LinkKind.ACTION)
        return {group: actions[-1] for group, actions in links.items() if actions}

    def move(self, participant_id: str, to_subgroup_id: str) -> None:
        """Put someone at the end of another sub-group's speaking order (or in a first one)."""
        with writing():
            target = live(SubGroup, to_subgroup_id, "Sous-groupe")
            workshop = Workshop.get_by_id(target.workshop_id)
            person = participant_of(workshop, participant_id)
            participant_id = key(person)
            here = Attendance.get_or_none(
                (Attendance.workshop == workshop)
                & (Attendance.participant == person)
                & Attendance.deleted_at.is_null()
            )
            if here is None:
                raise InvalidInput(
                    f"{person.display_name} n'est pas noté présent à cet atelier : "
                    "cochez-le d'abord dans la liste des présents."
                )
            target_members = _live_members(target)
            if participant_id in target_members:
                return
            for group in live_subgroups(workshop):
                current = _live_members(group)
                if group.id != target.id and participant_id in current:
                    current.remove(participant_id)
                    _set_members(group, current)
            _set_members(target, [*target_members, participant_id])

    def reorder(self, subgroup_id: str, participant_ids: Sequence[str]) -> None:
        """A new speaking order: the same members, each once."""
        with writing():
            group = live(SubGroup, subgroup_id, "Sous-groupe")
            current = _live_members(group)
            ordered = [str(as_uuid(p)) for p in participant_ids]
            if sorted(ordered) != sorted(current):
                raise InvalidInput(
                    "Ordre de parole incomplet : il doit reprendre chaque membre une fois."
                )
            _set_members(group, ordered)

    def shift(self, subgroup_id: str, participant_id: str, offset: int) -> None:
        """Move one member up (negative) or down the speaking order, stopping at the ends."""
        with writing():
            group = live(SubGroup, subgroup_id, "Sous-groupe")
            order = _live_members(group)
            participant_id = str(as_uuid(participant_id))
            if participant_id not in order:
                raise InvalidInput("Cette personne n'est pas dans ce sous-groupe.")
            index = order.index(participant_id)
            order.pop(index)
            order.insert(max(0, min(len(order), index + offset)), participant_id)
            _set_members(group, order)

    def update(
        self,
        subgroup_id: str,
        name: str,
        theme: str = "",
        indicator: int | None = None,
        animateur: str = "",
    ) -> None:
        """Name, theme, indicator (1–4 or None) and animateur of a sub-group."""
        values: dict[str, object] = {
            "name": clean_line(name, field="Nom du sous-groupe", max_length=MAX_NAME),
            "theme": clean_line(theme, field="Thème", max_length=MAX_THEME, required=False),
            "animateur": clean_line(
                animateur, field="Animateur", max_length=MAX_NAME, required=False
            ),
        }
        values["indicator"] = check_indicator(indicator)
        with writing():
            group = live(SubGroup, subgroup_id, "Sous-groupe")
            for field, value in values.items():
                setattr(group, field, value)
            group.save()
