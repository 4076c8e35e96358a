"""A real `vitalite export` killed, interrupted or short of disk leaves nothing behind."""

from __future__ import annotations

import gc
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Protocol

import pytest
from support.cli import run
from support.filesystems import mounted_tmpfs

from vitalite_tui.store import open_store


class DemoTemplates(Protocol):
    """The session fixture of tests/conftest.py (a test module imports no other)."""

    def path(self, size: str) -> Path: ...


VITALITE = str(Path(sys.executable).with_name("vitalite"))
TEMPORARY = ".vitalite-"


@pytest.fixture
def demo_base(tmp_path: Path, demo_templates: DemoTemplates) -> Path:
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_templates.path("small"), target)
    return target


@pytest.fixture
def system_temp(tmp_path: Path) -> Path:
    """The TMPDIR of the exports: openpyxl would leave its `openpyxl.*` files there."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    return folder


def start_export(base: Path, out: Path, system_temp: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "TMPDIR": str(system_temp), "VITALITE_HOME": str(base.parent / "home")}
    return subprocess.Popen(
        [VITALITE, "export", "--db", str(base), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMPORARY))


def wait_until_writing(process: subprocess.Popen[str], out: Path) -> None:
    """Until the export has begun writing (its first temporary file), at most 60 s."""
    deadline = time.monotonic() + 60
    while not (out.is_dir() and temporaries(out)):
        assert process.poll() is None, "the export ended before it was caught writing"
        assert time.monotonic() < deadline, "the export never began writing"
        time.sleep(0.005)


@pytest.fixture
def stopped() -> Iterator[list[subprocess.Popen[str]]]:
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.communicate()


def test_kill_9_mid_export_leaves_files_the_next_export_sweeps(
    demo_base: Path, tmp_path: Path, system_temp: Path, stopped: list[subprocess.Popen[str]]
) -> None:
    out = tmp_path / "exports"
    process = start_export(demo_base, out, system_temp)
    stopped.append(process)
    wait_until_writing(process, out)
    process.kill()
    process.wait()
    assert temporaries(out), "nothing was left to sweep: the kill came too late to test"
    # No note text in the system temp folder, even after a kill.
    assert list(system_temp.iterdir()) == []

    result = run("export", "--db", str(demo_base), "--out", str(out))
    assert result.exit_code == 0, result.output
    (workbook,) = out.iterdir()
    assert workbook.suffix == ".xlsx"


def test_ctrl_c_mid_export_says_so_in_french_and_leaves_nothing(
    demo_base: Path, tmp_path: Path, system_temp: Path, stopped: list[subprocess.Popen[str]]
) -> None:
    from vitalite_tui.cli.interrupt import INTERRUPTED

    out = tmp_path / "exports"
    process = start_export(demo_base, out, system_temp)
    stopped.append(process)
    wait_until_writing(process, out)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == INTERRUPTED + "\n"
    assert list(out.iterdir()) == []
    assert list(system_temp.iterdir()) == []


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_a_full_export_folder_gives_one_french_sentence_and_no_traceback(
    demo_base: Path, tmp_path: Path
) -> None:
    with mounted_tmpfs(tmp_path / "full") as out:
        result = run("export", "--db", str(demo_base), "--out", str(out))
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        assert result.stderr.strip().splitlines() == [
            f"Le classeur n'a pas pu être écrit dans {out} (disque plein) ; "
            "l'export précédent, s'il y en a un, est intact."
        ]
        assert list(out.iterdir()) == []
        # A zip archive left open would complain once collected (at exit in real life).
        del result
        gc.collect()


def test_a_full_system_temp_folder_does_not_stop_the_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "small.sqlite"
    with closing(open_store(base)) as store:
        store.demarches.create("CC du Val d'Orbieu", "Lagrasse, Fabrezan")
    with mounted_tmpfs(tmp_path / "fulltmp") as full_temp:
        (full_temp / "filler").write_bytes(b"x" * 60_000)
        monkeypatch.setattr(tempfile, "tempdir", str(full_temp))
        out = tmp_path / "exports"
        result = run("export", "--db", str(base), "--out", str(out))
        assert result.exit_code == 0, result.output
        assert [p.name for p in full_temp.iterdir()] == ["filler"]
