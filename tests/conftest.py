"""Shared fixtures: a fresh database per test, a démarche in it, the app over it."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from vitalite_tui.store import Store, open_store

try:
    import fcntl
except ImportError:  # Windows: each test process builds its own templates
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from support.bundles import Laptops

    from vitalite_tui.demo.context import DemoSize


def pytest_configure(config: pytest.Config) -> None:
    quicker_idle_checks()
    config.addinivalue_line(
        "markers",
        "demo(size): the test's `store` starts as a copy of the demo of this size "
        "(built once per session by the real builder; creation itself is tested in test_demo)",
    )


def quicker_idle_checks() -> None:
    """Pilot's `press` returns once the app looks idle and every widget has handled the
    messages it had. Textual judges "idle" by sleeping 20 ms at a time until one sleep
    passes with under 1 ms of the process's CPU: the app draws up to 60 frames a second, so
    after each key it waits out several of them. Sampled every 5 ms (the same 5 % of CPU),
    a pause between two frames counts: over the tens of thousands of keys the Pilot tests
    type, that is a minute of the suite. The messages are still all handled (that part of
    `press` is exact); every test waits for what it checks (`wait_for`, `opened`), never for
    the app to look idle.
    """
    import textual._wait as pilot_wait

    assert hasattr(pilot_wait, "SLEEP_GRANULARITY"), "Textual no longer samples idleness so"
    pilot_wait.SLEEP_GRANULARITY = 1 / 200
    pilot_wait.SLEEP_IDLE = pilot_wait.SLEEP_GRANULARITY / 20


def isolate(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """VITALITE_HOME and the working directory inside `folder`, VITALITE_DB unset."""
    home = folder / "home"
    monkeypatch.setenv("VITALITE_HOME", str(home))
    monkeypatch.delenv("VITALITE_DB", raising=False)
    monkeypatch.chdir(folder)
    return home


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does may touch the real user data folder or the real exports/."""
    return isolate(monkeypatch, tmp_path)


class DemoTemplates:
    """Each demo size built once per session, by `create_demo`, into a file to copy.

    Built as a test would build it: a fresh database, an empty VITALITE_HOME and its own
    working directory. The file is closed and its WAL checkpointed, so that the main file
    alone holds everything and a plain copy is a whole database.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._built: dict[str, Path] = {}

    def path(self, size: DemoSize) -> Path:
        if size not in self._built:
            self._built[size] = self._built_once(size)
        return self._built[size]

    def _built_once(self, size: DemoSize) -> Path:
        """The template, built by the first test process that needs it; the other workers
        (`-n 4`) wait for it and copy it too, rather than each building its own."""
        done = self.folder / f"{size}.built"
        with open(self.folder / f"{size}.lock", "a") as lock:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_EX)
            if not done.exists():
                self._build(size)
                done.touch()
        return self.folder / size / "demo.sqlite"

    def _build(self, size: DemoSize) -> Path:
        from vitalite_tui.demo import create_demo

        folder = self.folder / size
        shutil.rmtree(folder, ignore_errors=True)  # a build cut short by a failure
        folder.mkdir()
        target = folder / "demo.sqlite"
        with pytest.MonkeyPatch.context() as monkeypatch:
            isolate(monkeypatch, folder)
            built = open_store(target)
            try:
                assert create_demo(built, size).created
            finally:
                built.close()
        return self_contained(target)


def self_contained(target: Path) -> Path:
    """`target`, closed, with its WAL folded into the main file: a plain copy is whole."""
    connection = sqlite3.connect(target)
    try:
        busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        connection.close()
    leftovers = [name for name in (f"{target}-wal", f"{target}-shm") if Path(name).exists()]
    assert busy == 0, f"the template {target.name} is still open somewhere"
    assert not leftovers, f"the template {target.name} is not self-contained: {leftovers}"
    return target


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> DemoTemplates:
    if worker_id == "master" or fcntl is None:
        return DemoTemplates(tmp_path_factory.mktemp("demo-templates"))
    # Workers of one run share the folder above their own temporary ones.
    shared = tmp_path_factory.getbasetemp().parent / "demo-templates"
    shared.mkdir(exist_ok=True)
    return DemoTemplates(shared)


@pytest.fixture(scope="session")
def empty_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new base made once per test process by `open_store` (every migration run), to copy:
    a copy opens in a quarter of the time the migrations take, over a thousand tests."""
    folder = tmp_path_factory.mktemp("empty-base")
    target = folder / "empty.sqlite"
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate(monkeypatch, folder)
        open_store(target).close()
    return self_contained(target)


def new_laptop(path: Path) -> None:
    """The copied base gets a laptop identity of its own, as a base created here would."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("UPDATE laptop SET id = ?", (uuid.uuid4().hex,))
    finally:
        connection.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def store(
    db_path: Path,
    request: pytest.FixtureRequest,
    demo_templates: DemoTemplates,
    empty_base: Path,
) -> Iterator[Store]:
    marker = request.node.get_closest_marker("demo")
    if marker is not None:
        from vitalite_tui.demo.context import DEMO_SIZES

        (size,) = marker.args
        assert size in DEMO_SIZES, f"unknown demo size {size!r}"
        shutil.copyfile(demo_templates.path(size), db_path)
    else:
        shutil.copyfile(empty_base, db_path)
        new_laptop(db_path)
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def demarche_id(store: Store) -> str:
    return store.demarches.create("CC du Val d'Orbieu", "Lagrasse, Fabrezan, Ribaute")


@pytest.fixture
def laptops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Laptops]:
    """Several laptops' bases in the test's folder (one open at a time), closed after."""
    from support.bundles import Laptops, without_close_pause

    without_close_pause(monkeypatch)
    machines = Laptops(tmp_path)
    yield machines
    machines.close()
