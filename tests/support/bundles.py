"""Shared test helpers: several laptops' bases in one folder, and what a démarche holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from vitalite_tui.db import checked
from vitalite_tui.db.connection import close_database
from vitalite_tui.store import Store, open_store
from vitalite_tui.store.exchange.dump import demarche_tables
from vitalite_tui.store.exchange.known import KnownTables
from vitalite_tui.store.exchange.records import MergeReport

Dump = dict[str, list[tuple[Any, ...]]]


def without_close_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests switch bases hundreds of times: no pause at each close for the file clock
    (see `checked.TICK_NS`); a base they reopen is checked or not, it is the same base."""
    monkeypatch.setattr(checked, "TICK_NS", 0)


class Laptops:
    """Base files of several laptops; one is open at a time (the store is one per process)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.current: Store | None = None
        self.name = ""

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.sqlite"

    def open(self, name: str) -> Store:
        if self.current is not None and self.name == name:
            return self.current
        self.close()
        self.current = open_store(self.path(name))
        self.name = name
        return self.current

    def close(self) -> None:
        if self.current is not None:
            self.current.close()
        close_database()
        self.current = None
        self.name = ""

    def write(self, name: str, demarche_id: str, tag: str = "") -> Path:
        """`name`'s bundle of the démarche, into the folder."""
        store = self.open(name)
        target = self.folder / f"{name}{tag}.vitalite"
        return store.exchange.write(demarche_id, target).path

    def read(self, name: str, *bundles: Path) -> list[MergeReport]:
        """`name` reads the bundles one after the other, as `vitalite bundle read` does
        (the tables found unchanged by one bundle not compared again for the next)."""
        store = self.open(name)
        known = KnownTables()
        return [store.exchange.read(path, known) for path in bundles]

    def dump(self, name: str, demarche_id: str) -> Dump:
        self.open(name)
        return canonical(demarche_id)

    def copy(self, source: str, target: str) -> None:
        """A whole copy of a base, made with SQLite's backup API."""
        self.close()
        origin = sqlite3.connect(self.path(source))
        try:
            copy = sqlite3.connect(self.path(target))
            try:
                origin.backup(copy)
            finally:
                copy.close()
        finally:
            origin.close()


def canonical(demarche_id: str) -> Dump:
    """Every row of the démarche as stored, table by table, in the order of ids."""
    hex_id = demarche_id.replace("-", "")
    return {name: [tuple(row) for row in t.rows] for name, t in demarche_tables(hex_id).items()}


def file_state(path: Path) -> bytes:
    """The base's content as SQLite would serialise it (WAL included)."""
    conn = sqlite3.connect(path)
    try:
        return b"".join(line.encode() for line in conn.iterdump())
    finally:
        conn.close()
