"""Atomic writes: the user's usual permissions, and the sweep of what a killed run left."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from vitalite_tui.formats import atomic


@pytest.fixture
def umask() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def _write(stream: BinaryIO) -> None:
    stream.write(b"contenu")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_get_the_users_usual_permissions(
    tmp_path: Path, umask: None, mask: int, mode: int
) -> None:
    os.umask(mask)
    written = atomic.write_atomically(tmp_path / "classeur.xlsx", _write)
    assert stat.S_IMODE(written.stat().st_mode) == mode
    assert atomic.usual_mode() == mode


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def age(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_the_sweep_removes_ours_from_gone_or_old_runs_only(tmp_path: Path) -> None:
    gone = tmp_path / f".vitalite-{dead_pid()}-abc123.tmp"
    running = tmp_path / f".vitalite-{os.getpid()}-def456.tmp"
    old_running = tmp_path / f".vitalite-{os.getpid()}-old.tmp"
    unnamed_fresh = tmp_path / ".vitalite-k2j4h5.tmp"
    unnamed_old = tmp_path / ".vitalite-z9y8x7.tmp"
    others = [tmp_path / "notes.tmp", tmp_path / ".vitalite-notes.txt", tmp_path / "rapport.xlsx"]
    for path in [gone, running, old_running, unnamed_fresh, unnamed_old, *others]:
        path.write_bytes(b"x")
    age(unnamed_old, atomic.STALE_AFTER + 60)
    age(old_running, atomic.STALE_AFTER + 60)
    for path in others:
        age(path, atomic.STALE_AFTER * 10)
    (tmp_path / ".vitalite-dir.tmp").mkdir()

    removed = atomic.sweep_leftovers(tmp_path)

    assert sorted(removed) == sorted([gone, old_running, unnamed_old])
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(
        [running.name, unnamed_fresh.name, ".vitalite-dir.tmp"] + [p.name for p in others]
    )


def test_a_write_sweeps_the_folder_first(tmp_path: Path) -> None:
    leftover = tmp_path / f".vitalite-{dead_pid()}-abc123.tmp"
    leftover.write_bytes(b"notes d'un export tue")
    atomic.write_atomically(tmp_path / "charte.md", _write)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["charte.md"]
