"""Which wheels a laptop needs: the project's requirements walked for one target system and
Python, with that target's environment markers (not the machine that builds the kit)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from email.parser import HeaderParser
from functools import cached_property
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import (
    InvalidWheelFilename,
    NormalizedName,
    canonicalize_name,
    parse_wheel_filename,
)
from packaging.version import Version

#: The Pythons a kit serves by default: every minor version `requires-python` allows that
#: has wheels for all dependencies (the newest first is no use: laptops lag behind).
PYTHONS = ("3.10", "3.11", "3.12", "3.13")

#: The newest glibc a Linux wheel may need: 2.31 (Ubuntu 20.04, Debian 11) and older laptops
#: still run; manylinux2014 is glibc 2.17.
_NEWEST_GLIBC = 31


@dataclass(frozen=True)
class Target:
    """One kind of laptop: a system (`windows` or `linux`, 64-bit) and a Python `3.N`."""

    system: str
    python: str

    @property
    def label(self) -> str:
        return f"{'Windows' if self.system == 'windows' else 'Linux'} · Python {self.python}"

    @property
    def platforms(self) -> tuple[str, ...]:
        """pip's `--platform` values, most specific first."""
        if self.system == "windows":
            return ("win_amd64",)
        manylinux = tuple(f"manylinux_2_{n}_x86_64" for n in range(_NEWEST_GLIBC, 16, -1))
        return (*manylinux, "manylinux2014_x86_64", "linux_x86_64")

    @property
    def _version(self) -> tuple[int, int]:
        major, minor = self.python.split(".")
        return int(major), int(minor)

    @cached_property
    def tags(self) -> frozenset[Tag]:
        version = self._version
        interpreter = f"cp{version[0]}{version[1]}"
        abis = [interpreter, "abi3", "none"]
        return frozenset(
            [
                *cpython_tags(version, abis=abis, platforms=self.platforms),
                *compatible_tags(version, interpreter=interpreter, platforms=self.platforms),
            ]
        )

    def environment(self, extra: str = "") -> dict[str, str]:
        """The values environment markers see on that laptop."""
        windows = self.system == "windows"
        return {
            "implementation_name": "cpython",
            "implementation_version": f"{self.python}.0",
            "os_name": "nt" if windows else "posix",
            "platform_machine": "AMD64" if windows else "x86_64",
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": "Windows" if windows else "Linux",
            "platform_version": "",
            "python_full_version": f"{self.python}.0",
            "python_version": self.python,
            "sys_platform": "win32" if windows else "linux",
            "extra": extra,
        }


def targets(systems: Iterable[str], pythons: Iterable[str]) -> list[Target]:
    return [Target(system, python) for system in systems for python in pythons]


@dataclass(frozen=True)
class Wheel:
    path: Path
    name: NormalizedName
    version: Version
    tags: frozenset[Tag]

    def requirements(self) -> list[Requirement]:
        """The wheel's `Requires-Dist` lines (its METADATA, read without installing it)."""
        with zipfile.ZipFile(self.path) as archive:
            (member,) = [
                name
                for name in archive.namelist()
                if name.endswith(".dist-info/METADATA") and name.count("/") == 1
            ]
            metadata = HeaderParser().parsestr(archive.read(member).decode("utf-8"))
        found = []
        for line in metadata.get_all("Requires-Dist") or []:
            try:
                found.append(Requirement(line))
            except InvalidRequirement:
                continue
        return found


def wheels_in(folder: Path) -> list[Wheel]:
    found = []
    for path in sorted(folder.glob("*.whl")):
        try:
            name, version, _build, tags = parse_wheel_filename(path.name)
        except InvalidWheelFilename:
            continue
        found.append(Wheel(path, name, version, frozenset(tags)))
    return found


def _applies(requirement: Requirement, target: Target, extras: frozenset[str]) -> bool:
    marker: Marker | None = requirement.marker
    if marker is None:
        return True
    return any(marker.evaluate(target.environment(extra)) for extra in extras | {""})


def without_marker(requirement: Requirement) -> str:
    """The requirement as pip would take it on any machine (its marker was checked here)."""
    extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
    return f"{requirement.name}{extras}{requirement.specifier}"


def missing(folder: Path, target: Target, root: Requirement) -> list[Requirement]:
    """What `root` needs on `target` that no wheel of `folder` provides (empty: it resolves).

    A plain walk, not a resolver: the highest version that satisfies the first requirement
    met (pip chose one consistent version of each when it downloaded them).
    """
    usable: dict[NormalizedName, list[Wheel]] = {}
    for wheel in wheels_in(folder):
        if wheel.tags & target.tags:
            usable.setdefault(wheel.name, []).append(wheel)
    absent: list[Requirement] = []
    walked: set[tuple[NormalizedName, Version, frozenset[str]]] = set()
    todo = [(root, frozenset(root.extras))]
    while todo:
        requirement, extras = todo.pop()
        name = canonicalize_name(requirement.name)
        fitting = [
            w
            for w in usable.get(name, [])
            if requirement.specifier.contains(w.version, prereleases=True)
        ]
        if not fitting:
            absent.append(requirement)
            continue
        wheel = max(fitting, key=lambda w: w.version)
        if (name, wheel.version, extras) in walked:
            continue
        walked.add((name, wheel.version, extras))
        for needed in wheel.requirements():
            if _applies(needed, target, extras):
                todo.append((needed, frozenset(needed.extras)))
    return absent
