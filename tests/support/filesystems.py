"""Real filesystems for failure tests: a tiny tmpfs (a full USB stick), remounted read-only.

Mounting needs root (or the right capability): where the machine does not allow it, the
test that asks is skipped with the reason.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@contextmanager
def mounted_tmpfs(folder: Path, *, size: str = "64k") -> Iterator[Path]:
    """A tmpfs of `size` at `folder` for the test's duration (skips where mounting fails)."""
    if shutil.which("mount") is None:
        pytest.skip("pas de commande mount sur cette machine")
    folder.mkdir(parents=True, exist_ok=True)
    done = _mount("-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(folder))
    if done.returncode != 0:
        pytest.skip(f"impossible de monter un tmpfs ici : {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@contextmanager
def remount(folder: Path, mode: str) -> Iterator[None]:
    """`folder` (a mount point) remounted `ro` (or `rw`) inside the block, then back."""
    back = "rw" if mode == "ro" else "ro"
    done = _mount("-o", f"remount,{mode}", str(folder))
    if done.returncode != 0:
        pytest.skip(f"impossible de remonter {folder} en {mode} : {done.stderr.strip()}")
    try:
        yield
    finally:
        _mount("-o", f"remount,{back}", str(folder))
