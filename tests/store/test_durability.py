"""A note reported as saved survives the process being killed (SIGKILL) right after."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from vitalite_tui.db.models import Note
from vitalite_tui.store import open_store
from vitalite_tui.store.base import as_uuid

ROOT = Path(__file__).resolve().parents[2]

#: Accents, emoji, a formula and two lines: what must come back exactly.
TEXT = "Note {} — é 😀\n=SUM(A1)"

#: A capture loop that reports each note the moment `save_note` returns, as a screen would.
CHILD = r"""
import sys
from pathlib import Path

from vitalite_tui.domain.colleges import College
from vitalite_tui.store import open_store
from vitalite_tui.store.preparation.records import ParticipantDraft

store = open_store(Path(sys.argv[1]))
demarche = store.demarches.create("CC Durable", "Lagrasse")
person = store.participants.add(demarche, ParticipantDraft("Martine", College.HABITANT))
store.workshops.set_present(demarche, 1, person, True)
(group,) = store.subgroups.form(demarche, 1, count=1)
round_id = store.capture.start_round(group.id, "Où vous retrouvez-vous ?").id
print("ready", flush=True)
template, number = sys.argv[2], 0
while True:
    speaker = person if number % 2 else None
    note = store.capture.save_note(round_id, speaker, template.format(number))
    print(number, note.id, flush=True)
    number += 1
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("before_kill", [20, 300])
def test_every_note_reported_saved_survives_a_kill(tmp_path: Path, before_kill: int) -> None:
    path = tmp_path / "killed.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), TEXT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
    )
    watchdog = threading.Timer(60, child.kill)  # never hang the test run
    watchdog.start()
    reported: dict[str, int] = {}
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", child.stderr.read() if child.stderr else ""
        while len(reported) < before_kill:
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "the child stopped"
            counter, note_id = line.split()
            reported[note_id] = int(counter)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        # Lines printed between our last read and the kill count too: whole lines only.
        for line in child.stdout.read().splitlines(keepends=True):
            parts = line.split()
            if line.endswith("\n") and len(parts) == 2:
                reported[parts[1]] = int(parts[0])
    finally:
        watchdog.cancel()
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL

    store = open_store(path)
    try:
        rows = {
            str(row.id): row
            for row in Note.select().where(Note.id.in_([as_uuid(i) for i in reported]))
        }
        missing = sorted(set(reported) - set(rows), key=reported.__getitem__)
        assert missing == [], f"{len(missing)} notes shown as saved were lost"
        for note_id, number in reported.items():
            assert rows[note_id].text == TEXT.format(number)
            assert rows[note_id].deleted_at is None
        # At most the one note being saved when the kill came is stored without a report.
        assert len(reported) <= Note.select().count() <= len(reported) + 1
    finally:
        store.close()
