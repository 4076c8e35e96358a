"""Start-up benchmark: the real `vitalite` command to its home screen, against a minimal app.

DESIGN.md's bar: start-up within 1.3x, peak RSS within 1.3x of a minimal Textual app
(Header, Static, Footer). Both are started the same way: a fresh process of this venv's
Python (the `vitalite` console script, as people type it every day: bare, on the base named
by VITALITE_DB; a script file for the minimal app), in an 80x24 pseudo-terminal, timed until
a known text is on screen: the home screen's count of démarches (the list is filled and
focused: the first usable screen), the minimal app's Static. Then each quits on Ctrl+Q, and
its peak RSS is read from outside (`wait4`, see processes.py). Runs alternate; ratios are
taken pair by pair.

    python tests/benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from processes import child_environment, interleaved, report, spawner, venv_script

MINIMAL_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Application minimale prête")
        yield Footer()


Minimal().run()
"""

#: The home screen's count, shown once the démarches are listed (the demo base holds one).
HOME_READY = "1 démarche"
MINIMAL_READY = "Application minimale prête"
SIZE = (80, 24)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    vitalite = venv_script("vitalite")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite"
        env = child_environment(VITALITE_HOME=folder, VITALITE_DB=str(db), TERM="xterm-256color")
        # Built by the command itself: the harness stays small (see processes.py).
        subprocess.run([vitalite, "demo"], env=env, check=True, capture_output=True)
        minimal = Path(folder) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        with spawner(env) as spawn:
            results = interleaved(
                {
                    "vitalite": lambda: spawn.run_until_shown([vitalite], HOME_READY, SIZE),
                    "minimal": lambda: spawn.run_until_shown(
                        [sys.executable, str(minimal)], MINIMAL_READY, SIZE
                    ),
                },
                args.runs,
            )
            floor = spawn.floor_kib()
    report(results, "vitalite", "minimal", "bars: time ratio ≤ 1.30, RSS ratio ≤ 1.30", floor)


if __name__ == "__main__":
    main()
