"""Step 2's roles per workshop and logistics' who and by when travel in bundles, both ways."""

from __future__ import annotations

from datetime import date

from support.bundles import Laptops

from vitalite_tui.domain.roles import WorkshopRole


def test_roles_and_logistics_details_travel_both_ways(laptops: Laptops) -> None:
    hub = laptops.open("hub")
    demarche_id = hub.demarches.create("CC du Val d'Orbieu", "Lagrasse, Fabrezan")
    member = hub.committee.add(demarche_id, "Claire", workshop_roles={1: WorkshopRole.NOTES})
    item = hub.logistics.add(demarche_id, "Clé de la salle", "Martine", date(2026, 10, 1))
    laptops.read("a", laptops.write("hub", demarche_id))

    a = laptops.open("a")
    [claire] = a.committee.all(demarche_id)
    assert claire.workshop_roles == {1: WorkshopRole.NOTES}
    [key] = [i for i in a.logistics.all(demarche_id) if i.id == item]
    assert (key.person, key.due_on) == ("Martine", date(2026, 10, 1))
    # Changed on the laptop, the change comes back to the hub.
    a.committee.update(member, "Claire", workshop_roles={2: WorkshopRole.TIMEKEEPER})
    a.logistics.update(item, "Clé de la salle", "Jean", date(2026, 10, 8))
    laptops.read("hub", laptops.write("a", demarche_id))

    hub = laptops.open("hub")
    [claire] = hub.committee.all(demarche_id)
    assert claire.workshop_roles == {2: WorkshopRole.TIMEKEEPER}
    [key] = [i for i in hub.logistics.all(demarche_id) if i.id == item]
    assert (key.person, key.due_on) == ("Jean", date(2026, 10, 8))
