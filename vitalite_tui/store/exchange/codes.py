"""Participant codes recorded as seen outside this laptop: in an export, or in a bundle."""

from __future__ import annotations

from vitalite_tui.db.models import Demarche, Laptop, Participant
from vitalite_tui.domain.merge import (
    CARRIED_KEY,
    EXPORTED_KEY,
    ExportedCodes,
    exported_in,
    exported_union,
    with_exported,
)
from vitalite_tui.store.base import demarche_row, writing


def codes_with_live(demarche: Demarche, key: str = EXPORTED_KEY) -> ExportedCodes | None:
    """The démarche's record of codes (`key`: exported or carried) with every live
    person's added; None when it has them all already."""
    rows = Participant.select(Participant.id, Participant.number).where(
        (Participant.demarche == demarche) & Participant.deleted_at.is_null()
    )
    now = {int(row.number): (row.id.hex,) for row in rows}
    known = exported_in(demarche.settings, key)
    codes = exported_union(known, now)
    return None if codes == known else codes


def mark_carried(demarche_id: str) -> None:
    """Record every live person's code as carried by a bundle: another laptop may show it
    from now on, so when a third laptop's bundle brings the same code for someone else, the
    code stays the person's it was carried for (`domain.merge.settle_codes`: after an
    exported code, before the one registered first; only codes that never left a laptop
    move, or two carried at once).

    The démarche row keeps its stamps: not a change of its own (a rename made elsewhere
    must still win), as the merge completes the record (`hooks.Demarches`)."""
    with writing():
        demarche = demarche_row(demarche_id)
        codes = codes_with_live(demarche, CARRIED_KEY)
        if codes is None:
            return
        settings = with_exported(dict(demarche.settings or {}), codes, CARRIED_KEY)
        # `merging` keeps the trigger from stamping this laptop as the row's last changer.
        Laptop.update(merging=True).execute()
        Demarche.update(settings=settings).where(Demarche.id == demarche.id).execute()
        Laptop.update(merging=False).execute()
