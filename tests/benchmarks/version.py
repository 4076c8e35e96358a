"""`vitalite --version` against a bare Typer app's `--version`, as whole processes.

DESIGN.md's bar: within 1.5x. Both are started the same way, fresh processes of this venv's
Python (the `vitalite` console script, a script file for the bare app) run to their end;
time from the start to the exit, peak RSS from outside (`wait4`, see processes.py). Runs
alternate; ratios are taken pair by pair.

    python tests/benchmarks/version.py [--runs 30]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from processes import child_environment, interleaved, report, spawner, venv_script

BARE_TYPER = '''
from typing import Annotated

import typer

app = typer.Typer(invoke_without_command=True, add_completion=False)


def version(value: bool) -> None:
    if value:
        typer.echo("bare 1.0")
        raise typer.Exit()


@app.callback()
def callback(
    show: Annotated[bool, typer.Option("--version", callback=version, is_eager=True)] = False,
) -> None:
    """A bare Typer app."""


app()
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    vitalite = venv_script("vitalite")
    with tempfile.TemporaryDirectory() as folder:
        env = child_environment(VITALITE_HOME=folder)
        bare = Path(folder) / "bare_typer.py"
        bare.write_text(BARE_TYPER, encoding="utf-8")
        with spawner(env) as spawn:
            results = interleaved(
                {
                    "vitalite": lambda: spawn.run_to_exit([vitalite, "--version"]),
                    "bare typer": lambda: spawn.run_to_exit(
                        [sys.executable, str(bare), "--version"]
                    ),
                },
                args.runs,
            )
            floor = spawn.floor_kib()
    report(results, "vitalite", "bare typer", "bar: time ratio ≤ 1.50", floor)


if __name__ == "__main__":
    main()
