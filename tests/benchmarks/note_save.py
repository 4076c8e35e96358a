"""Note-save benchmark: `store.capture.save_note` against a bare peewee insert of a note.

DESIGN.md's bar: saving a note within 2x a bare peewee insert with the same pragmas on the
same disk, at the median and at the 99th percentile. Both run in one process on one database
opened with the program's real pragmas (WAL, synchronous=FULL, foreign_keys, busy_timeout),
each in its own `BEGIN IMMEDIATE` transaction, committed when the call returns. Pairs are
interleaved (which one goes first alternates), in batches; each batch gives a ratio of
medians and a ratio of 99th percentiles, and the script prints their min/median/max.
Asserts nothing about time.

    python tests/benchmarks/note_save.py [--batches 7] [--notes 300] [--dir /some/disk]
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from processes import spread

from vitalite_tui.db.models import Note, Round, SubGroup, Turn, db, execute, utcnow
from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.indicators import Pole
from vitalite_tui.store import Store, open_store
from vitalite_tui.store.preparation.records import ParticipantDraft

TEXTS = (
    "Le marché du jeudi, mais plus rien l'hiver.",
    "Le club de foot fait le lien entre les villages.",
    "Les jeunes partent dès qu'ils ont le permis.",
    "=SUM(A1) écrit tel quel, et un emoji 😀",
    "- une idée en tiret\nsur deux lignes",
)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (no interpolation: a real measured value)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def prepare(store: Store) -> tuple[str, list[str], str]:
    """12 people present in workshop 1, 4 sub-groups, a round in the first two.

    Returns the first round (for `save_note`), its speakers, and the second round, where
    the bare inserts go so that they never change the turns `save_note` works out.
    """
    demarche = store.demarches.create("CC du Banc d'Essai", "Lagrasse, Fabrezan, Ribaute")
    colleges = list(College)
    for i in range(12):
        draft = ParticipantDraft(f"Personne {i + 1}", colleges[i % 3], "Lagrasse")
        participant = store.participants.add(demarche, draft)
        store.workshops.set_present(demarche, 1, participant, True)
    groups = store.subgroups.form(demarche, 1, count=4)
    round_ = store.capture.start_round(groups[0].id, "Où vous retrouvez-vous ?", 25)
    other = store.capture.start_round(groups[1].id, "Et demain ?", 25)
    return round_.id, [m.id for m in groups[0].members], other.id


def bare_insert(round_id: str) -> Callable[[int, str | None, str, int, Pole], None]:
    """A peewee insert of a note row as complete as `save_note`'s (same table, same keys)."""
    rnd = Round.get_by_id(uuid.UUID(round_id))
    group = SubGroup.get_by_id(rnd.subgroup_id)
    turn = Turn.create(round=rnd, participant=None, position=0, passed=False)

    def insert(i: int, speaker: str | None, text: str, indicator: int, pole: Pole) -> None:
        now = utcnow()
        with db.atomic("IMMEDIATE"):
            Note.insert(
                id=uuid.uuid4(),
                created_at=now,
                updated_at=now,
                workshop=group.workshop_id,
                subgroup=group.id,
                round=rnd.id,
                turn=turn.id,
                speaker=uuid.UUID(speaker) if speaker else None,
                text=text,
                kind="constat",
                indicator=indicator,
                pole=pole.value,
            ).execute()

    return insert


def run(folder: Path, batches: int, count: int) -> list[tuple[list[float], list[float]]]:
    os.environ["VITALITE_HOME"] = str(folder / "home")
    store = open_store(folder / "bench.sqlite")
    try:
        pragmas = [
            f"{name}={execute(db, f'PRAGMA {name}').fetchone()[0]}"
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        ]
        print(" ".join(pragmas), "(synchronous 2 = FULL)")
        round_id, speakers, other_id = prepare(store)
        bare = bare_insert(other_id)
        results = []
        n = 0
        for _ in range(batches):
            saves: list[float] = []
            inserts: list[float] = []
            for i in range(count):
                n += 1
                speaker = speakers[(n // 3) % len(speakers)] if n % 7 else None
                text = f"{TEXTS[n % len(TEXTS)]} (note {n})"
                indicator, pole = 1 + n % 4, Pole.VITALITY if n % 2 else Pole.DEPRESSION
                for first in (i % 2 == 0, i % 2 == 1):
                    started = time.perf_counter()
                    if first:
                        store.capture.save_note(round_id, speaker, text, None, indicator, pole)
                    else:
                        bare(n, speaker, text, indicator, pole)
                    elapsed = (time.perf_counter() - started) * 1000
                    (saves if first else inserts).append(elapsed)
            results.append((saves, inserts))
        return results
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--batches", type=int, default=7)
    parser.add_argument("--notes", type=int, default=300, help="pairs per batch")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        results = run(Path(folder), args.batches, args.notes)
    print(f"{platform.platform()} · Python {platform.python_version()} · in {folder}")
    print(f"{args.batches} batches of {args.notes} interleaved pairs")
    for name, share in (("p50", 0.5), ("p99", 0.99)):
        saves = [percentile(s, share) for s, _ in results]
        inserts = [percentile(b, share) for _, b in results]
        ratios = [s / b for s, b in zip(saves, inserts, strict=True)]
        print(f"{name} save_note ms   {spread(saves, '')}")
        print(f"{name} bare insert ms {spread(inserts, '')}")
        print(f"{name} ratio          {spread(ratios)}")


if __name__ == "__main__":
    main()
