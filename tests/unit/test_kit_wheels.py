"""The kit's own walk of requirements: what each target laptop needs, with *its* markers."""

from __future__ import annotations

import zipfile
from pathlib import Path

from packaging.requirements import Requirement

from vitalite_tui.kit.build import _write_scripts
from vitalite_tui.kit.wheels import Target, missing, without_marker


def wheel(
    folder: Path, name: str, version: str, requires: list[str], tag: str = "py3-none-any"
) -> None:
    dist = f"{name}-{version}"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata += "".join(f"Requires-Dist: {line}\n" for line in requires)
    with zipfile.ZipFile(folder / f"{dist}-{tag}.whl", "w") as archive:
        archive.writestr(f"{dist}.dist-info/METADATA", metadata)


def names(requirements: list[Requirement]) -> list[str]:
    return sorted(r.name for r in requirements)


ROOT = Requirement("app==1.0")


def test_a_dependency_only_windows_needs_is_missing_for_windows_alone(tmp_path: Path) -> None:
    """pip, run on Linux, leaves colorama out of a Windows download: the walk does not."""
    wheel(tmp_path, "app", "1.0", ["cli>=1", 'colorama; platform_system == "Windows"'])
    wheel(tmp_path, "cli", "1.2", [])
    assert names(missing(tmp_path, Target("windows", "3.11"), ROOT)) == ["colorama"]
    assert missing(tmp_path, Target("linux", "3.11"), ROOT) == []
    wheel(tmp_path, "colorama", "0.4.6", [])
    assert missing(tmp_path, Target("windows", "3.11"), ROOT) == []


def test_python_version_markers_and_binary_wheels_follow_the_target(tmp_path: Path) -> None:
    wheel(tmp_path, "app", "1.0", ['tomli; python_version < "3.11"', "pillow"])
    wheel(tmp_path, "pillow", "11.0", [], tag="cp311-cp311-manylinux_2_28_x86_64")
    assert names(missing(tmp_path, Target("linux", "3.10"), ROOT)) == ["pillow", "tomli"]
    assert missing(tmp_path, Target("linux", "3.11"), ROOT) == []
    # A Linux build of a compiled package is no use on Windows.
    assert names(missing(tmp_path, Target("windows", "3.11"), ROOT)) == ["pillow"]


def test_versions_and_extras_are_honoured(tmp_path: Path) -> None:
    wheel(tmp_path, "app", "1.0", ["lib[fast]>=2"])
    wheel(tmp_path, "lib", "1.5", [])
    (absent,) = missing(tmp_path, Target("linux", "3.12"), ROOT)
    assert without_marker(absent) == "lib[fast]>=2"
    wheel(tmp_path, "lib", "2.1", ['speedup; extra == "fast"', 'slow; extra == "slow"'])
    assert names(missing(tmp_path, Target("linux", "3.12"), ROOT)) == ["speedup"]


def test_the_scripts_install_from_the_kit_alone(tmp_path: Path) -> None:
    _write_scripts(tmp_path, ["3.10", "3.11"])
    for name in ("installer.bat", "installer.sh"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "--no-index" in text
        assert "--find-links" in text
        assert "@VERSION@" not in text
        assert "PIP_CONFIG_FILE" in text  # no pip configuration of the laptop
    raw = (tmp_path / "vitalite.bat").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")  # Windows line ends throughout
    assert b"mode con: cols=100 lines=32" in raw
    assert b"VITALITE_HOME" in raw
    assert (tmp_path / "vitalite.sh").stat().st_mode & 0o111
    readme = (tmp_path / "LISEZMOI.txt").read_text(encoding="utf-8")
    assert "Trois étapes" in readme
    assert "3.10, 3.11" in readme
    assert "donnees" in readme
