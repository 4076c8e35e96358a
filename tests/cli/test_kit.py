"""`vitalite kit` for real: built from the registry, installed with no index at all, run.

Builds the kit for this machine's Linux and for Windows, for the Python running the tests;
installs it with the kit's own `installer.sh` into the kit, in an environment with no pip
configuration (nothing but the kit's folder to install from); runs `vitalite --version`
and `vitalite demo` through the launcher in portable mode; and checks that pip resolves
the Windows part from the kit's folder alone (`--platform win_amd64 --only-binary=:all:`).
Skipped where the package registry cannot be reached (outside CI); CI must reach it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vitalite_tui.kit.build import KitError, build_kit
from vitalite_tui.kit.wheels import Target

PROJECT = Path(__file__).resolve().parents[2]
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def bare_environment(tmp_path: Path) -> dict[str, str]:
    """What a laptop has: a PATH and a HOME; no pip configuration, no index, no proxy."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "PYTHON": sys.executable,
        "PIP_CONFIG_FILE": os.devnull,
    }


@pytest.mark.skipif(sys.platform != "linux", reason="the kit's Linux part is tried on Linux")
def test_the_kit_installs_and_runs_with_no_index(tmp_path: Path) -> None:
    kit = tmp_path / "cle"
    windows = Target("windows", PYTHON)
    try:
        report = build_kit(kit, [Target("linux", PYTHON), windows], project=PROJECT, portable=True)
    except KitError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"registre de paquets injoignable : {exc}")
    # Complete: for each target, every requirement is in the kit and pip itself resolves
    # the program from the kit alone (`pip_resolves`: --no-index --platform win_amd64…).
    assert report.complete, report.missing
    # Windows needs colorama (a marker pip evaluates for the machine it runs on).
    assert any(name.startswith("colorama-") for name in report.wheels)

    environment = bare_environment(tmp_path)
    installed = subprocess.run(
        ["sh", str(kit / "installer.sh")], env=environment, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "Installation terminée" in installed.stdout

    def launch(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(kit / "vitalite.sh"), *arguments],
            env=environment,
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )

    assert launch("--version").stdout.startswith("vitalite ")
    demo = launch("demo")
    assert demo.returncode == 0, demo.stdout + demo.stderr
    # Portable mode: the base is in donnees/ beside the launcher, on the stick.
    assert (kit / "donnees" / "vitalite.sqlite").is_file()
    assert str(kit / "donnees" / "vitalite.sqlite") in demo.stdout


def test_a_folder_that_is_not_a_kit_is_refused(tmp_path: Path) -> None:
    (tmp_path / "photos.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(KitError, match="autre chose qu'un kit"):
        build_kit(tmp_path, [Target("linux", PYTHON)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.jpg"]
