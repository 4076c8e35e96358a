"""The real `vitalite`: an unexpected error ends it with a French sentence, never a traceback.

No traceback reaches the terminal (Textual's would show local values: what was typed), the
journal in the data folder has it, and the exit status says the program did not end well.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

#: `vitalite` as the entry point runs it, with a home screen that has a bug.
BUGGY_START = """
from vitalite_tui.tui.screens import home

def on_mount(self):
    secret = "Jean a dit que le maire ment"
    raise RuntimeError("bogue de démonstration " + str(len(secret)))

home.HomeScreen.on_mount = on_mount
from vitalite_tui.cli.main import main
main()
"""


def run_in_a_terminal(code: str, env: dict[str, str], timeout: float = 60) -> tuple[int, str]:
    """Run `python -c code` with a pseudo-terminal as its console; its status and output."""
    leader, follower = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    output = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # the terminal closed: the program ended
                    break
                if not chunk:
                    break
                output += chunk
            elif process.poll() is not None:
                break
        status = process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    return status, output.decode("utf-8", errors="replace")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminal: POSIX only")
def test_a_crash_says_so_in_french_without_a_traceback(tmp_path: Path) -> None:
    home = tmp_path / "donnees"
    env = {**os.environ, "VITALITE_HOME": str(home), "TERM": "xterm-256color"}
    env.pop("VITALITE_DB", None)
    status, output = run_in_a_terminal(BUGGY_START, env)
    flat = " ".join(output.split())
    assert status == 1
    assert "erreur inattendue" in flat
    assert "Traceback" not in output
    assert "maire ment" not in output
    journal = home / "vitalite-erreurs.log"
    assert "RuntimeError: bogue de démonstration" in journal.read_text(encoding="utf-8")
    # The base was closed as at any quit: the next start finds it sound.
    assert (home / "vitalite.sqlite").is_file()


#: `vitalite where` with a bug in it, through the real entry point.
BUGGY_COMMAND = """
import sys
from vitalite_tui import paths

def default_db_path():
    raise RuntimeError("bogue de démonstration dans la commande")

paths.default_db_path = default_db_path
sys.argv = ["vitalite", "where"]
from vitalite_tui.cli.main import main
main()
"""


@pytest.mark.slow
def test_a_command_with_a_bug_says_so_in_french_without_a_traceback(tmp_path: Path) -> None:
    home = tmp_path / "donnees"
    env = {**os.environ, "VITALITE_HOME": str(home)}
    env.pop("VITALITE_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", BUGGY_COMMAND], capture_output=True, text=True, env=env
    )
    assert done.returncode == 1
    assert "erreur inattendue" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    journal = home / "vitalite-erreurs.log"
    assert "RuntimeError: bogue de démonstration" in journal.read_text(encoding="utf-8")
