"""SQLite's failures reach people as French sentences, and nothing stored before is lost.

Made to happen for real: a write lock held by another connection, a tmpfs that fills up, a
tmpfs mounted read-only, `query_only` and `max_page_count` on the connection.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from support.filesystems import mounted_tmpfs, remount
from support.rounds import open_round

from vitalite_tui.db.models import db
from vitalite_tui.errors import BaseBusy, DatabaseError, StorageFailure
from vitalite_tui.store import Store, open_store


def test_a_locked_base_is_busy_in_french_after_the_wait(store: Store, demarche_id: str) -> None:
    store.set_lock_wait(0.2)
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(BaseBusy, match="occupée par un autre programme"):
            store.logistics.add(demarche_id, "Clé de la salle")
        other.execute("COMMIT")
        # The same call, the lock gone: it goes through (nothing was left half-done).
        store.logistics.add(demarche_id, "Clé de la salle")
    finally:
        other.close()
    labels = [item.label for item in store.logistics.all(demarche_id)]
    assert labels.count("Clé de la salle") == 1


def test_a_read_only_connection_says_so(store: Store, demarche_id: str) -> None:
    db.execute_sql("PRAGMA query_only = ON")
    with pytest.raises(StorageFailure, match="lecture seule") as caught:
        store.logistics.add(demarche_id, "Rallonge")
    assert "readonly" not in caught.value.message
    db.execute_sql("PRAGMA query_only = OFF")


def fill_up(store: Store, round_id: str) -> tuple[int, StorageFailure]:
    """Long notes until the disk is full: how many were saved, and the failure."""
    for number in range(1000):
        try:
            store.capture.save_note(round_id, None, f"{number} " + "x" * 15_000)
        except StorageFailure as failure:
            return number, failure
    raise AssertionError("the disk never filled up")


def test_a_disk_that_fills_up_refuses_the_write_and_keeps_the_rest(tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "stick", size="1m") as stick:
        path = stick / "vitalite.sqlite"
        store = open_store(path)
        try:
            demarche_id = store.demarches.create("CC du Lézignanais", ["Fabrezan"])
            round_id = open_round(store, demarche_id)
            saved, failure = fill_up(store, round_id)
            assert "plein" in failure.message
            assert "disk is full" not in failure.message
            assert saved > 0
        finally:
            store.close()
        # Every note acknowledged before the disk filled is there, and only those.
        store = open_store(path, create=False)
        try:
            assert len(store.capture.notes(round_id)) == saved
        finally:
            store.close()


def test_a_read_only_stick_is_refused_at_open_untouched(tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "stick", size="4m") as stick:
        path = stick / "vitalite.sqlite"
        store = open_store(path)
        store.demarches.create("CC du Lézignanais", ["Fabrezan"])
        store.close()
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        with remount(stick, "ro"), pytest.raises(DatabaseError, match="lecture seule"):
            open_store(path)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
