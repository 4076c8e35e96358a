"""Bundles when the base or the disk fails, made to happen for real: a write lock held by
another connection, a base that cannot grow, a read-only connection, a full or read-only
stick to write to. Each is one French sentence, and nothing of the base changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from support.bundles import Laptops, canonical
from support.filesystems import mounted_tmpfs, remount

from vitalite_tui.db.models import Laptop, db, execute
from vitalite_tui.domain.colleges import College
from vitalite_tui.errors import BaseBusy, StorageFailure, VitaliteError
from vitalite_tui.store.preparation.records import ParticipantDraft


def hub_bundle(laptops: Laptops, people: int = 30) -> tuple[str, Path]:
    """A démarche of the hub with `people` registered, and its bundle."""
    hub = laptops.open("hub")
    demarche_id = hub.demarches.create("CC du Val d'Orbieu", "Lagrasse")
    for i in range(people):
        hub.participants.add(demarche_id, ParticipantDraft(f"Personne {i}", College.HABITANT))
    return demarche_id, laptops.write("hub", demarche_id)


def known_demarches() -> list[str]:
    return [str(row[0]) for row in execute(db, "SELECT id FROM demarche")]


def test_a_locked_base_is_busy_then_reads_the_bundle(laptops: Laptops) -> None:
    _, bundle = hub_bundle(laptops)
    store = laptops.open("a")
    store.set_lock_wait(0.2)
    other = sqlite3.connect(laptops.path("a"), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(BaseBusy, match="occupée par un autre programme"):
            store.exchange.read(bundle)
        other.execute("COMMIT")
    finally:
        other.close()
    assert known_demarches() == []
    assert store.exchange.read(bundle).created
    assert not Laptop.get().merging


def test_a_base_that_cannot_grow_keeps_what_it_had(laptops: Laptops) -> None:
    _, bundle = hub_bundle(laptops, people=400)
    store = laptops.open("a")
    mine = store.demarches.create("CC voisine", "Ribaute")
    before = canonical(mine)
    pages = int(execute(db, "PRAGMA page_count").fetchone()[0])
    execute(db, f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(StorageFailure, match="plein") as caught:
        store.exchange.read(bundle)
    assert "full" not in caught.value.message
    execute(db, "PRAGMA max_page_count = 1073741823")
    assert known_demarches() == [mine.replace("-", "")]
    assert canonical(mine) == before
    assert not Laptop.get().merging
    assert store.exchange.read(bundle).created


def test_a_read_only_connection_reads_nothing(laptops: Laptops) -> None:
    _, bundle = hub_bundle(laptops)
    store = laptops.open("a")
    db.execute_sql("PRAGMA query_only = ON")
    try:
        with pytest.raises(StorageFailure, match="lecture seule"):
            store.exchange.read(bundle)
    finally:
        db.execute_sql("PRAGMA query_only = OFF")
    assert known_demarches() == []


def test_a_full_stick_gets_no_half_bundle(laptops: Laptops, tmp_path: Path) -> None:
    demarche_id, _ = hub_bundle(laptops, people=200)
    store = laptops.open("hub")
    with mounted_tmpfs(tmp_path / "stick", size="8k") as stick:
        (stick / "ballast").write_bytes(b"x" * 4096)
        with pytest.raises(VitaliteError) as caught:
            store.exchange.write(demarche_id, stick)
        assert "Le paquet n'a pas pu être écrit" in caught.value.message
        assert sorted(p.name for p in stick.iterdir()) == ["ballast"]


def test_a_read_only_stick_is_said(laptops: Laptops, tmp_path: Path) -> None:
    demarche_id, _ = hub_bundle(laptops, people=2)
    store = laptops.open("hub")
    with (
        mounted_tmpfs(tmp_path / "stick", size="1m") as stick,
        remount(stick, "ro"),
        pytest.raises(VitaliteError, match="Impossible d'écrire dans le dossier"),
    ):
        store.exchange.write(demarche_id, stick)
    # The same bundle written elsewhere reads whole: nothing was left half-done.
    assert store.exchange.write(demarche_id, tmp_path).path.exists()
