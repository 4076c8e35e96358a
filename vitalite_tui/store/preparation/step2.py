"""Step 2: the comité de pilotage, the logistics checklist, the four workshops' planning."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from itertools import pairwise

from vitalite_tui.db.models import CommitteeMember, LogisticsItem
from vitalite_tui.domain.dates import format_date
from vitalite_tui.domain.roles import WorkshopRole, roles_from_data, roles_to_data
from vitalite_tui.domain.text import clean_line
from vitalite_tui.domain.workshops import WORKSHOP_NUMBERS
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.base import demarche_row, key, live, soft_delete, writing
from vitalite_tui.store.lookups import workshop_row
from vitalite_tui.store.preparation.records import (
    CommitteeMemberRecord,
    LogisticsItemRecord,
    WorkshopPlan,
)
from vitalite_tui.store.preparation.steps import MAX_LINE, Steps


class Committee:
    """The comité de pilotage and each member's role."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    def all(self, demarche_id: str) -> list[CommitteeMemberRecord]:
        demarche = demarche_row(demarche_id)
        rows = (
            CommitteeMember.select()
            .where((CommitteeMember.demarche == demarche) & CommitteeMember.deleted_at.is_null())
            .order_by(CommitteeMember.position, CommitteeMember.created_at)
        )
        return [
            CommitteeMemberRecord(
                key(r), r.name, r.role, r.organisation, roles_from_data(r.workshop_roles)
            )
            for r in rows
        ]

    @staticmethod
    def _clean(name: str, role: str, organisation: str) -> tuple[str, str, str]:
        return (
            clean_line(name, field="Nom", max_length=MAX_LINE),
            clean_line(role, field="Rôle", max_length=MAX_LINE, required=False),
            clean_line(organisation, field="Structure", max_length=MAX_LINE, required=False),
        )

    def add(
        self,
        demarche_id: str,
        name: str,
        role: str = "",
        organisation: str = "",
        *,
        workshop_roles: Mapping[int, WorkshopRole] | None = None,
    ) -> str:
        name, role, organisation = self._clean(name, role, organisation)
        with writing():
            demarche = demarche_row(demarche_id)
            position = CommitteeMember.select().where(CommitteeMember.demarche == demarche).count()
            row = CommitteeMember.create(
                demarche=demarche,
                name=name,
                role=role,
                organisation=organisation,
                position=position,
                workshop_roles=roles_to_data(workshop_roles or {}),
            )
            self._steps.touch(demarche_id, 2)
        return key(row)

    def update(
        self,
        member_id: str,
        name: str,
        role: str = "",
        organisation: str = "",
        *,
        workshop_roles: Mapping[int, WorkshopRole] | None = None,
    ) -> None:
        """Change a member; `workshop_roles` None keeps the roles they had."""
        name, role, organisation = self._clean(name, role, organisation)
        with writing():
            row = live(CommitteeMember, member_id, "Membre du comité")
            row.name, row.role, row.organisation = name, role, organisation
            if workshop_roles is not None:
                row.workshop_roles = roles_to_data(workshop_roles)
            row.save()

    def remove(self, member_id: str) -> None:
        with writing():
            soft_delete(live(CommitteeMember, member_id, "Membre du comité"))


class Logistics:
    """The preparation checklist, prefilled with what an evening workshop needs."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    def all(self, demarche_id: str) -> list[LogisticsItemRecord]:
        demarche = demarche_row(demarche_id)
        rows = (
            LogisticsItem.select()
            .where((LogisticsItem.demarche == demarche) & LogisticsItem.deleted_at.is_null())
            .order_by(LogisticsItem.position, LogisticsItem.created_at)
        )
        return [LogisticsItemRecord(key(r), r.label, r.done, r.person, r.due_on) for r in rows]

    @staticmethod
    def _clean(label: str, person: str) -> tuple[str, str]:
        return (
            clean_line(label, field="Élément", max_length=MAX_LINE),
            clean_line(person, field="Qui", max_length=MAX_LINE, required=False),
        )

    def add(
        self, demarche_id: str, label: str, person: str = "", due_on: date | None = None
    ) -> str:
        text, person = self._clean(label, person)
        with writing():
            demarche = demarche_row(demarche_id)
            position = LogisticsItem.select().where(LogisticsItem.demarche == demarche).count()
            row = LogisticsItem.create(
                demarche=demarche, label=text, position=position, person=person, due_on=due_on
            )
        return key(row)

    def update(self, item_id: str, label: str, person: str, due_on: date | None) -> None:
        """Label, who sees to it and by when."""
        text, person = self._clean(label, person)
        with writing():
            row = live(LogisticsItem, item_id, "Élément de logistique")
            row.label, row.person, row.due_on = text, person, due_on
            row.save()
            self._steps.touch(str(row.demarche_id), 2)

    def toggle(self, item_id: str) -> bool:
        """Tick or untick; returns the new state."""
        with writing():
            row = live(LogisticsItem, item_id, "Élément de logistique")
            row.done = not row.done
            row.save()
            self._steps.touch(str(row.demarche_id), 2)
        return bool(row.done)

    def remove(self, item_id: str) -> None:
        with writing():
            soft_delete(live(LogisticsItem, item_id, "Élément de logistique"))


class Planning:
    """Date, times and place planned for each of the four workshops."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    def all(self, demarche_id: str) -> list[WorkshopPlan]:
        return [self.get(demarche_id, number) for number in WORKSHOP_NUMBERS]

    def get(self, demarche_id: str, number: int) -> WorkshopPlan:
        row = workshop_row(demarche_id, number)
        return WorkshopPlan(number, row.date, row.start_time, row.end_time, row.place)

    def save(self, demarche_id: str, plan: WorkshopPlan) -> list[str]:
        """Save one workshop's plan; returns warnings (saved anyway), in French."""
        place = clean_line(plan.place, field="Lieu", max_length=MAX_LINE, required=False)
        if plan.start_time and plan.end_time and plan.end_time <= plan.start_time:
            raise InvalidInput(f"Atelier {plan.number} : la fin doit suivre le début.")
        with writing():
            row = workshop_row(demarche_id, plan.number)
            row.date = plan.date
            row.start_time = plan.start_time
            row.end_time = plan.end_time
            row.place = place
            row.save()
            self._steps.touch(demarche_id, 2)
        return self.order_warnings(demarche_id)

    def order_warnings(self, demarche_id: str) -> list[str]:
        """Workshops planned out of order (1 after 2…): allowed, but worth a word."""
        dated = [(p.number, p.date) for p in self.all(demarche_id) if p.date]
        return [
            f"L'atelier {n2} ({format_date(d2)}) tombe avant l'atelier {n1} ({format_date(d1)})."
            for (n1, d1), (n2, d2) in pairwise(dated)
            if d2 < d1
        ]
