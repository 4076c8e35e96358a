"""Shared test helper: a sub-group of workshop 1 with its first round open, through the store."""

from __future__ import annotations

from vitalite_tui.domain.colleges import College
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft


def open_round(store: Store, demarche_id: str) -> str:
    """One person present, in one sub-group whose first round is open: the round's id."""
    person = store.participants.add(demarche_id, ParticipantDraft("Anne Azéma", College.ELU))
    store.workshops.set_present(demarche_id, 1, person, True)
    group = store.subgroups.form(demarche_id, 1, count=1)[0]
    return store.capture.start_round(group.id, "Où vous retrouvez-vous ?").id
