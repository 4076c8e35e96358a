"""The purge of a finished démarche: no name, contact or structure left in the file's bytes,
every anonymous result kept, its automatic copies gone, a locked base refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from vitalite_tui.db.models import (
    Answer,
    CharterArticle,
    CommitteeMember,
    Demarche,
    KeptVersion,
    LogisticsItem,
    Note,
    NoteRevision,
    Participant,
    Response,
    Signatory,
    SubGroup,
    Vote,
    db,
)
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.privacy import MIN_GROUP_SIZE
from vitalite_tui.domain.steps import StepStatus
from vitalite_tui.errors import BaseBusy, InvalidInput
from vitalite_tui.store import Store
from vitalite_tui.store.backups import AUTOMATIC
from vitalite_tui.store.preparation.records import ParticipantDraft

#: Rows of the anonymous results, which the purge must leave as they were.
RESULTS = (Note, NoteRevision, Response, Answer, Vote, CharterArticle, Participant)
#: Shorter strings match inside ordinary words (« Roy » in « Royaume »…).
SHORTEST = 4


def _only(store: Store) -> str:
    (demarche,) = [d for d in store.demarches.all()]
    return demarche.id


def _personal_strings() -> set[str]:
    """Every name, contact and structure the purge must erase: all but the public
    signatures (with consent, or for a structure: an acteur signs for it), the territory
    and what notes quote (notes are results, kept as typed)."""
    found: set[str] = set()
    signers = list(Participant.select().join(Signatory))
    structures = {p.organisation for p in signers if p.college == College.ACTEUR.value}
    public = {p.id for p in signers if p.consent_named}
    for person in Participant.select():
        if person.id not in public:
            found |= {person.display_name, person.organisation}
        found.add(person.contact)
    for member in CommitteeMember.select():
        found |= {member.name, member.organisation}
    found |= {item.person for item in LogisticsItem.select()}
    found |= {group.animateur for group in SubGroup.select()}
    kept = " ".join(
        [note.text for note in Note.select()] + [d.territory for d in Demarche.select()]
    )
    found -= structures
    return {text for text in found if len(text) >= SHORTEST and text not in kept}


def _withdraw_consent(count: int) -> list[str]:
    """`count` signatories no longer agree to be named: their names, as they were."""
    signed = Participant.select().join(Signatory).where(Participant.consent_named)
    names = []
    for person in signed.limit(count):
        person.consent_named = False
        person.save()
        names.append(person.display_name)
    return names


def _counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in RESULTS}


def _file_bytes(path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-journal"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            data += part.read_bytes()
    return data


def _finish(store: Store, demarche_id: str) -> None:
    store.steps.set_status(demarche_id, 7, StepStatus.DONE)


@pytest.mark.demo("small")
def test_purge_leaves_no_name_in_the_file_and_keeps_every_result(
    store: Store, db_path: Path
) -> None:
    demarche_id = _only(store)
    # As Python's SQLite on Windows is built (Debian's zeroes freed bytes by default).
    db.execute_sql("PRAGMA secure_delete = 0")
    # Someone else's laptop: a person the animateurs also wrote in the logistics.
    item = LogisticsItem.select().first()
    item.person = "Gilberte Ducasse-Vialade"
    item.save()
    # Another laptop's spelling of a person, kept by a merge: a row the purge deletes.
    person = Participant.select().first()
    KeptVersion.create(
        demarche=demarche_id,
        table_name="participant",
        row_id=person.id,
        texts={"display_name": "Gaspard Vidal-Oustric " * 40},
    )
    withdrawn = _withdraw_consent(2)
    _finish(store, demarche_id)
    secrets = _personal_strings()
    assert set(withdrawn) <= secrets
    assert len(secrets) > 40, "the demo should hold names, contacts and structures"
    before = _counts()
    old = store.backups.make(kind=AUTOMATIC).path
    at_will = store.backups.make().path
    secrets |= {"Gilberte Ducasse-Vialade", "Gaspard Vidal-Oustric"}
    assert all(s.encode() in _file_bytes(db_path) for s in secrets)

    plan = store.purges.plan(demarche_id)
    assert not plan.refused
    assert f"{plan.participants} participants" in plan.what

    done = store.purges.purge(demarche_id)

    data = _file_bytes(db_path)
    left = sorted(s for s in secrets if s.encode() in data)
    assert left == [], f"still in the file after the purge: {left[:5]}"
    assert _counts() == before
    assert old in done.backups_removed
    assert at_will.exists()
    assert any(str(at_will) in line for line in done.copies_left)
    # The purged copy that replaced the removed ones holds no name either.
    (fresh,) = [c for c in store.backups.found() if c.kind == AUTOMATIC]
    assert not [s for s in secrets if s.encode() in fresh.path.read_bytes()]
    (entry,) = store.retention.purges(demarche_id)
    assert "Purge de" in entry.summary
    assert "Sauvegardes automatiques supprimées : " in entry.summary
    assert store.retention.get(demarche_id).purged


def test_purge_keeps_communes_only_of_groups_large_enough(store: Store, demarche_id: str) -> None:
    for number in range(MIN_GROUP_SIZE):
        store.participants.add(
            demarche_id, ParticipantDraft(f"Habitant {number}", College.HABITANT, "Lagrasse")
        )
    store.participants.add(demarche_id, ParticipantDraft("Seul", College.HABITANT, "Fabrezan"))
    store.participants.add(demarche_id, ParticipantDraft("Élue", College.ELU, "Lagrasse"))
    _finish(store, demarche_id)
    assert store.purges.plan(demarche_id).communes_hidden == 2
    store.purges.purge(demarche_id)
    communes = sorted((p.college, p.commune) for p in Participant.select())
    assert (
        communes == [("elu", "")] + [("habitant", "")] + [("habitant", "Lagrasse")] * MIN_GROUP_SIZE
    )


def test_purge_of_an_unfinished_demarche_is_refused(store: Store, demarche_id: str) -> None:
    with pytest.raises(InvalidInput, match="n'est pas terminée"):
        store.purges.purge(demarche_id)


def test_purge_on_a_locked_base_is_refused_and_changes_nothing(
    store: Store, demarche_id: str, db_path: Path
) -> None:
    store.participants.add(
        demarche_id, ParticipantDraft("Hortense Pujol-Castagné", College.HABITANT)
    )
    _finish(store, demarche_id)
    store.set_lock_wait(0.05)
    other = sqlite3.connect(db_path)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(BaseBusy, match="occupée"):
            store.purges.purge(demarche_id)
    finally:
        other.rollback()
        other.close()
    (person,) = Participant.select()
    assert person.display_name == "Hortense Pujol-Castagné"
    assert store.retention.purges(demarche_id) == []
