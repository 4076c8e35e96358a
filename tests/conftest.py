"""Shared fixtures: a fresh database per test, a démarche in it, the app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vitalite_tui.store import Store, open_store


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does may touch the real user data folder or the real exports/."""
    home = tmp_path / "home"
    monkeypatch.setenv("VITALITE_HOME", str(home))
    monkeypatch.delenv("VITALITE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def demarche_id(store: Store) -> str:
    return store.demarches.create("CC du Val d'Orbieu", "Lagrasse, Fabrezan, Ribaute")
