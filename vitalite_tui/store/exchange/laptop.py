"""This laptop's identity: the id that stamps its changes, and the name bundles carry."""

from __future__ import annotations

from vitalite_tui.db.models import Laptop
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
