"""Questionnaire import benchmark: `vitalite questionnaire import` of 100,000 sheets against
openpyxl alone reading the same workbook row by row, as processes.

The baseline is what a technician would otherwise run to get at the answers: the workbook
opened read-only and every row's values read, nothing checked nor stored. Each import runs
in a fresh copy of a base holding one empty démarche; import and baseline runs alternate;
wall and CPU time (user + system, which a loaded machine disturbs far less) are measured
from outside (`os.wait4`), with the peak RSS. Prints min/median/max of the ratios; asserts
nothing. `QUESTIONNAIRE_ROWS` changes the number of sheets.

    python tests/benchmarks/questionnaire_import.py [--runs 3] [--dir /some/disk]
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
from pathlib import Path

from processes import load, measured, prepared_run, spread

ROWS = int(os.environ.get("QUESTIONNAIRE_ROWS", "100000"))

#: The baseline: every row of the first sheet read by openpyxl alone.
BARE = r"""
import sys
from openpyxl import load_workbook

book = load_workbook(sys.argv[1], read_only=True, data_only=True)
cells = 0
for row in book.worksheets[0].iter_rows(values_only=True):
    cells += len(row)
book.close()
"""


def prepare(folder: Path) -> None:
    """A base with one démarche, and a workbook of `ROWS` sheets typed in our template."""
    from openpyxl import Workbook

    from vitalite_tui.domain.questionnaire_form import form_from_definition
    from vitalite_tui.formats.entry_template import header
    from vitalite_tui.store import open_store
    from vitalite_tui.store.questionnaire.responses import default_definition

    store = open_store(folder / "empty.sqlite")
    try:
        store.demarches.create("CC du Val d'Orbieu", "Lagrasse, Fabrezan, Ribaute")
    finally:
        store.close()
    form = form_from_definition(default_definition())
    rng = random.Random(ROWS)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Réponses")
    sheet.append(header(form))
    communes = ("Lagrasse", "Fabrezan", "Ribaute")
    for number in range(1, ROWS + 1):
        profile = [
            rng.choice([c.value for c in field.choices]) if field.choices else rng.choice(communes)
            for field in form.profile
        ]
        answers = [rng.randint(0, item.size) for item in form.items]
        # The sheet numbers stop at 99,999: the rest are numbered by the import.
        sheet.append([number if number < 100_000 else None, *profile, *answers])
    book.save(folder / "answers.xlsx")
    print(f"{ROWS} sheets of {len(header(form))} columns", flush=True)


def fresh_base(folder: Path, name: str) -> Path:
    """A copy of the empty base (SQLite's backup API, as the program copies bases)."""
    target = folder / name
    for leftover in folder.glob(name + "*"):
        leftover.unlink()
    source = sqlite3.connect(folder / "empty.sqlite")
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


def run(folder: Path, runs: int) -> None:
    env = {**os.environ, "VITALITE_HOME": str(folder / "home")}
    subprocess_prepare = [sys.executable, __file__, "--prepare", str(folder)]
    measured(subprocess_prepare, env)
    answers = folder / "answers.xlsx"
    vitalite = str(Path(sys.executable).with_name("vitalite"))
    bare = [sys.executable, "-c", BARE, str(answers)]
    measured(bare, env)  # warm-up: the file in the page cache for both
    figures: dict[str, list[tuple[float, float, int]]] = {"import": [], "openpyxl": []}
    for _ in range(runs):
        db = fresh_base(folder, "run.sqlite")
        command = [vitalite, "--db", str(db), "questionnaire", "import", str(answers)]
        for name, argv in (("import", command), ("openpyxl", bare)):
            child = measured(argv, env)
            figures[name].append((child.seconds, child.cpu, child.rss_kib))
    print(f"{runs} runs each, alternating; {load()}")
    for name, values in figures.items():
        print(
            f"{name:8} wall median {statistics.median(v[0] for v in values):6.1f} s, "
            f"CPU median {statistics.median(v[1] for v in values):6.1f} s, "
            f"peak RSS median {statistics.median(v[2] for v in values) / 1024:6.1f} MiB"
        )
    pairs = list(zip(figures["import"], figures["openpyxl"], strict=True))
    print(f"wall ratio  {spread([i[0] / b[0] for i, b in pairs])}  (import / openpyxl read)")
    print(f"CPU ratio   {spread([i[1] / b[1] for i, b in pairs])}  (user + system)")
    print(f"RSS ratio   {spread([i[2] / b[2] for i, b in pairs])}")


if __name__ == "__main__":
    prepared_run(__doc__, 3, prepare, run)
