"""Whole-process measures for the start-up benchmarks: wall time and peak RSS seen from outside.

Peak RSS is the `ru_maxrss` that `wait4` returns for the finished child, never a figure the
child reads about itself. On Linux a child's `ru_maxrss` starts at what its parent holds when
it forks (all of the parent's peak with `posix_spawn`), so the children are not forked by this
harness but by a tiny spawner (a bare `python -I -S` holding a few MiB, far below any measured
program), which reports each child's `wait4` figures back.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: Escape sequences Textual writes between the characters of the screen.
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)")
#: Ctrl+Q: what a user presses to quit (the quit key of both apps).
CTRL_Q = b"\x11"
#: Seconds a program may take to show its screen or to end before the benchmark gives up.
PATIENCE = 60.0

#: Forks each requested program (stdio on a terminal, or on /dev/null), reaps it, reports it.
SPAWNER = r"""
import json, os, sys, time
for line in sys.stdin:
    request = json.loads(line)
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        if request["tty"]:
            os.setsid()  # the terminal opened next becomes the child's controlling terminal
        fd = os.open(request["tty"] or os.devnull, os.O_RDWR)
        for target in (0, 1, 2):
            os.dup2(fd, target)
        os.execv(request["argv"][0], request["argv"])
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    code, cpu = os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime
    print(json.dumps([code, elapsed, cpu, usage.ru_maxrss]), flush=True)
"""


@dataclass(frozen=True)
class Run:
    """One fresh process: seconds until it was ready, CPU seconds, peak resident size in KiB.

    CPU time (user + system, to the end of the process) is shown beside the wall time: on a
    machine others load, it varies less from run to run.
    """

    seconds: float
    cpu_seconds: float
    peak_kib: int


class Spawner:
    """The small process that starts every measured program (see the module's docstring)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        assert process.stdin is not None
        assert process.stdout is not None
        self.requests = process.stdin
        self.reports = process.stdout

    def run_to_exit(self, argv: Sequence[str]) -> Run:
        """Run a program to its end, output discarded: time from fork to exit, peak RSS."""
        self._request(argv, tty=None)
        code, seconds, cpu, peak = self._report()
        if code != 0:
            sys.exit(f"{' '.join(argv)} failed (exit code {code}).")
        return Run(seconds, cpu, peak)

    def run_until_shown(self, argv: Sequence[str], text: str, size: tuple[int, int]) -> Run:
        """A TUI in a fresh terminal of `size`: seconds until `text` is on screen, peak RSS.

        Once the text is shown the program quits on Ctrl+Q, as a user would (killing it would
        leave the database's WAL to recover at the next run).
        """
        master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        try:
            started = time.perf_counter()
            self._request(argv, tty=os.ttyname(slave))
            screen = b""
            while text.encode() not in ESCAPES.sub(b"", screen):
                if time.perf_counter() - started > PATIENCE:
                    sys.exit(f"{' '.join(argv)} never showed {text!r}: {screen[-300:]!r}")
                screen += self._read(master)
            shown_after = time.perf_counter() - started
            os.write(master, CTRL_Q)
            # Keep reading: a program blocked on a full terminal would never end.
            while not select.select([self.reports], [], [], 0.05)[0]:
                self._read(master, wait=0)
            code, _, cpu, peak = self._report()
        finally:
            os.close(master)
            os.close(slave)
        if code != 0:
            sys.exit(f"{' '.join(argv)} failed (exit code {code}).")
        return Run(shown_after, cpu, peak)

    def floor_kib(self) -> int:
        """What a program that does nothing reports: the part of any figure due to the spawner."""
        return self.run_to_exit(["/bin/true"]).peak_kib

    def _request(self, argv: Sequence[str], tty: str | None) -> None:
        self.requests.write(json.dumps({"argv": list(argv), "tty": tty}) + "\n")
        self.requests.flush()

    def _report(self) -> tuple[int, float, float, int]:
        code, seconds, cpu, peak = json.loads(self.reports.readline())
        return int(code), float(seconds), float(cpu), int(peak)

    @staticmethod
    def _read(master: int, wait: float = 1.0) -> bytes:
        if not select.select([master], [], [], wait)[0]:
            return b""
        return os.read(master, 65536)


def child_environment(**changes: str) -> dict[str, str]:
    """This environment with `changes`, and bytecode caching on.

    An installed package comes with its .pyc files; without caching (PYTHONDONTWRITEBYTECODE,
    set on some machines) an editable checkout would be compiled again at every start, and
    the measure would be of the compiler. The warm-up run writes them.
    """
    env = {**os.environ, **changes}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@contextmanager
def spawner(env: dict[str, str]) -> Iterator[Spawner]:
    """A spawner for the length of the benchmark, started before anything else is loaded."""
    process = subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", SPAWNER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        yield Spawner(process)
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=PATIENCE)


def venv_script(name: str) -> str:
    """A console script installed beside this interpreter (the venv's `vitalite`)."""
    path = Path(sys.executable).with_name(name)
    if not path.exists():
        sys.exit(f"{path} is missing: install the project in this venv (pip install -e .).")
    return str(path)


def interleaved(
    measures: dict[str, Callable[[], Run]], runs: int, warm_up: int = 1
) -> dict[str, list[Run]]:
    """Each measure `runs` times, in turns (machine noise hits all alike), after a warm-up."""
    for _ in range(warm_up):  # the OS file cache, once for each
        for measure in measures.values():
            measure()
    results: dict[str, list[Run]] = {name: [] for name in measures}
    for _ in range(runs):
        for name, measure in measures.items():
            results[name].append(measure())
    return results


def report(
    results: dict[str, list[Run]], subject: str, baseline: str, bars: str, floor_kib: int
) -> None:
    """Figures of each, then min/median/max of the ratio of the pairs (run i against run i)."""
    for name, runs in results.items():
        times = sorted(run.seconds * 1000 for run in runs)
        cpus = statistics.median(run.cpu_seconds * 1000 for run in runs)
        peaks = statistics.median(run.peak_kib / 1024 for run in runs)
        print(
            f"{name:10s} time ms  min {times[0]:7.1f}  median {statistics.median(times):7.1f}  "
            f"max {times[-1]:7.1f}   CPU ms median {cpus:7.1f}   peak RSS MiB median {peaks:6.1f}"
        )
    pairs = list(zip(results[subject], results[baseline], strict=True))
    for label, ratios in (
        ("time ratio", [s.seconds / b.seconds for s, b in pairs]),
        ("CPU ratio ", [s.cpu_seconds / b.cpu_seconds for s, b in pairs]),
        ("RSS ratio ", [s.peak_kib / b.peak_kib for s, b in pairs]),
    ):
        ratios.sort()
        print(
            f"{label}  min {ratios[0]:.2f}  median {statistics.median(ratios):.2f}  "
            f"max {ratios[-1]:.2f}   ({subject} / {baseline}, {len(ratios)} pairs)"
        )
    print(bars)
    print(f"(peak RSS of /bin/true through the spawner: {floor_kib / 1024:.1f} MiB)")


# ------------------------------------------------------------ what every benchmark prints


def load() -> str:
    """The machine's load average, printed with the figures: a loaded machine slows them."""
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def spread(values: Sequence[float], unit: str = "x") -> str:
    """« min 1.02x  median 1.07x  max 1.20x »."""
    low, middle, high = min(values), statistics.median(values), max(values)
    return f"min {low:.2f}{unit}  median {middle:.2f}{unit}  max {high:.2f}{unit}"


@dataclass(frozen=True)
class Measured:
    """One finished child, seen from outside: wall and CPU (user + system) seconds, peak RSS."""

    seconds: float
    cpu: float
    rss_kib: int


def measured(command: list[str], env: dict[str, str]) -> Measured:
    """Run `command` to its end (its output discarded) and measure it from outside."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code:
        raise SystemExit(f"{command[:4]} failed with status {code}")
    return Measured(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def prepared_run(
    doc: str | None,
    runs: int,
    prepare: Callable[[Path], None],
    run: Callable[[Path, int], None],
) -> None:
    """A benchmark's `main`: `--prepare DIR` (run in a child: builds the files), else `run`
    in a temporary folder (`--dir` chooses its disk) after a line saying the machine."""
    import argparse
    import platform
    import tempfile

    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=runs)
    parser.add_argument("--dir", type=Path, default=None, help="folder for the files")
    parser.add_argument("--prepare", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare is not None:
        prepare(args.prepare)
        return
    print(f"{platform.platform()} · Python {platform.python_version()} · {load()}")
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        run(Path(folder), args.runs)
