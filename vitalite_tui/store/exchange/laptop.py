"""This laptop's identity: the id that stamps its changes, and the name bundles carry."""

from __future__ import annotations

import uuid

from vitalite_tui.db.models import TRAVELLING_MODELS, Laptop
from vitalite_tui.domain.text import clean_line
from vitalite_tui.store.base import writing
from vitalite_tui.store.exchange.records import LaptopRecord

MAX_LAPTOP_NAME = 60


def laptop_row() -> Laptop:
    row: Laptop = Laptop.get()
    return row


def this_laptop() -> LaptopRecord:
    row = laptop_row()
    return LaptopRecord(id=row.id.hex, name=row.name)


def rename_laptop(name: str) -> LaptopRecord:
    """Give this laptop the name bundles show (« Poste sous-groupe 2 »)."""
    cleaned = clean_line(name, field="Nom du poste", max_length=MAX_LAPTOP_NAME)
    with writing():
        Laptop.update(name=cleaned).execute()
    return this_laptop()


def keep_identity(previous: LaptopRecord) -> None:
    """After a restore: this laptop stays itself (`previous`), not the laptop of the copy.

    A copy carries the identity of the base it was made from (the hub's, for a laptop set up
    from the hub's backup). The rows that laptop changed last (`changed_by` NULL in the copy)
    are marked as its, then this laptop takes its own id and name back: what it changes next
    is its own, and bundles say who changed what.
    """
    copy = laptop_row()
    if copy.id.hex == previous.id:
        return
    with writing():
        # The stamps paused (as for a merge): marking rows is not changing them here.
        Laptop.update(merging=True).execute()
        for model in TRAVELLING_MODELS:
            model.update(changed_by=copy.id).where(model.changed_by.is_null()).execute()
        Laptop.update(id=uuid.UUID(previous.id), name=previous.name, merging=False).execute()
