"""The committee's roles per workshop in the store: kept, changed, kept when not given."""

from __future__ import annotations

from vitalite_tui.db.models import CommitteeMember
from vitalite_tui.domain.roles import WorkshopRole
from vitalite_tui.store import Store


def test_roles_are_stored_as_the_bundles_carry_them(store: Store, demarche_id: str) -> None:
    member = store.committee.add(
        demarche_id, "Claire", workshop_roles={4: WorkshopRole.NOTES, 1: WorkshopRole.ANIMATEUR}
    )
    row = CommitteeMember.get_by_id(member)
    assert row.workshop_roles == {"1": "animateur", "4": "notes"}
    # An edit that does not speak of roles keeps them; one that does replaces them.
    store.committee.update(member, "Claire V.", "cheffe de projet")
    [record] = store.committee.all(demarche_id)
    assert record.workshop_roles == {1: WorkshopRole.ANIMATEUR, 4: WorkshopRole.NOTES}
    store.committee.update(member, "Claire V.", workshop_roles={2: WorkshopRole.CO_ANIMATEUR})
    [record] = store.committee.all(demarche_id)
    assert record.workshop_roles == {2: WorkshopRole.CO_ANIMATEUR}


def test_a_role_from_a_later_version_is_left_out_not_refused(
    store: Store, demarche_id: str
) -> None:
    member = store.committee.add(demarche_id, "Claire")
    CommitteeMember.update(workshop_roles={"1": "photographe", "2": "temps"}).where(
        CommitteeMember.id == CommitteeMember.get_by_id(member).id
    ).execute()
    [record] = store.committee.all(demarche_id)
    assert record.workshop_roles == {2: WorkshopRole.TIMEKEEPER}
