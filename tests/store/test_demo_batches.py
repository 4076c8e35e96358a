"""The demo is built in short transactions: another writer gets in meanwhile, and a build cut
short (a full disk, a killed process) never passes for the demo; the next build replaces it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from vitalite_tui.db.models import Demarche, db
from vitalite_tui.demo import create_demo
from vitalite_tui.demo import data as demo_data
from vitalite_tui.demo.build import UNFINISHED_TERRITORY
from vitalite_tui.errors import StorageFailure
from vitalite_tui.store import Store, open_store
from vitalite_tui.store.batches import Pace

#: Short batches: the small demo spans several of them.
QUICK = Pace(seconds=0.2)


@dataclass
class OtherWriter:
    """Another program's connection: one write, once the build has begun."""

    path: Path
    started: threading.Event = field(default_factory=threading.Event)
    territories: list[str] = field(default_factory=list)
    error: Exception | None = None

    def run(self) -> None:
        self.started.wait(timeout=30)
        conn = sqlite3.connect(self.path, timeout=2.0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE demarche SET updated_at = updated_at")
            # The names it saw when its write got the lock.
            self.territories = [row[0] for row in conn.execute("SELECT territory FROM demarche")]
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.error = exc
        finally:
            conn.close()


def test_another_writer_gets_in_while_the_demo_is_built(store: Store, db_path: Path) -> None:
    other = OtherWriter(db_path)
    thread = threading.Thread(target=other.run)
    thread.start()

    def progress(done: int, total: int) -> None:
        if done == 1:
            other.started.set()

    try:
        result = create_demo(store, "small", progress=progress, pace=QUICK)
    finally:
        other.started.set()
        thread.join(timeout=30)
    assert other.error is None
    # It wrote while the demo was being built, and saw it named so.
    assert other.territories == [UNFINISHED_TERRITORY]
    assert result.created
    assert store.demarches.get(result.demarche_id).territory == demo_data.TERRITORY
    assert store.demarches.get(result.demarche_id).is_demo


def test_a_build_cut_short_by_a_full_disk_does_not_pass_for_the_demo(store: Store) -> None:
    connection: sqlite3.Connection = db.connection()  # type: ignore[no-untyped-call]
    pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
    # Room for the first fills of the small demo, not for its notes.
    connection.execute(f"PRAGMA max_page_count = {pages + 60}")
    with pytest.raises(StorageFailure, match="disque de la base est plein"):
        create_demo(store, "small", pace=QUICK)
    assert Demarche.select().count() == 1  # the first batches were committed…
    assert store.demarches.all() == []  # …and removed once the build failed
    assert store.bulk.imported("demo-small") is None


def unfinished_names(path: Path) -> list[str]:
    """The names of the démarches still marked unfinished, read as another program would."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.OperationalError:
        return []  # no file yet
    try:
        query = "SELECT territory FROM demarche WHERE demo_key LIKE '%-unfinished'"
        return [row[0] for row in conn.execute(query)]
    except sqlite3.OperationalError:
        return []  # no table yet: the base is being made
    finally:
        conn.close()


def test_a_build_killed_midway_is_replaced_by_the_next(db_path: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "vitalite_tui", "demo", "--db", str(db_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while not unfinished_names(db_path) and process.poll() is None:
            assert time.monotonic() < deadline, "the demo build never started"
            time.sleep(0.01)  # polling the file, not waiting for a guessed moment
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    if process.returncode != -signal.SIGKILL:
        pytest.skip("the build ended before it could be killed (a very fast machine)")

    store = open_store(db_path)
    try:
        # What the killed build left is named for what it is, and is not taken for the demo.
        assert [d.territory for d in store.demarches.all()] == [UNFINISHED_TERRITORY]
        result = create_demo(store, "small")
        assert result.created
        assert [d.territory for d in store.demarches.all()] == [demo_data.TERRITORY]
    finally:
        store.close()
