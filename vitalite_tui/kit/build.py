"""`vitalite kit`: a folder for a USB stick that installs the program with no network at all.

Made where the package registry is reachable: the project's wheel and every dependency's
wheel for each target laptop (Windows and Linux, 64-bit, each supported Python), the install
scripts, the launchers and a French LISEZMOI. pip downloads the wheels; the environment
markers of the *target* decide which dependencies are needed (pip would evaluate them for the
machine that builds the kit and leave out, say, colorama, which Windows needs), and the kit
checks that every requirement resolves from its own folder for every target.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path

from packaging.requirements import Requirement

from vitalite_tui import __version__
from vitalite_tui.errors import VitaliteError
from vitalite_tui.kit.wheels import Target, missing, without_marker

PROJECT = "vitalite-tui"
WHEELS = "wheels"
#: Portable mode: a folder of this name beside the launchers holds base, copies and exports.
DATA_FOLDER = "donnees"

#: The kit's files from templates/, and whether each is for Windows (CRLF line ends).
_SCRIPTS = {
    "installer.bat": True,
    "vitalite.bat": True,
    "LISEZMOI.txt": True,
    "installer.sh": False,
    "vitalite.sh": False,
}

Progress = Callable[[str], None]


class KitError(VitaliteError):
    """The kit could not be made; what was already in the folder stays."""


@dataclass
class KitReport:
    folder: Path
    targets: list[Target]
    wheels: list[str] = field(default_factory=list)
    #: Per target that does not resolve from the kit: what is missing.
    missing: dict[str, list[str]] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.missing


def _pip(arguments: Sequence[str], *, isolated: bool = False) -> None:
    """Run pip in a child; `isolated`: no configuration nor index of this machine."""
    env = dict(os.environ)
    if isolated:
        for name in list(env):
            if name.startswith("PIP_"):
                del env[name]
        env["PIP_CONFIG_FILE"] = os.devnull
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *arguments]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise KitError(f"pip n'a pas pu être lancé ({exc.strerror}).") from exc
    if done.returncode != 0:
        detail = " ".join((done.stderr or done.stdout).strip().splitlines()[-2:])
        raise KitError(
            f"pip a échoué ; le registre de paquets est-il joignable ? Détail : {detail}"
        )


def _is_project(folder: Path) -> bool:
    try:
        text = (folder / "pyproject.toml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return f'name = "{PROJECT}"' in text


def project_root(start: Path | None = None) -> Path | None:
    """The project's checkout: the one this program runs from (an editable install), else
    `start` (by default the current folder) or one of its parents, as after `pip install .`."""
    here = (start or Path.cwd()).absolute()
    for folder in (Path(str(files("vitalite_tui"))).parent, here, *here.parents):
        if _is_project(folder):
            return folder
    return None


def _project_wheel(folder: Path, wheel: Path | None, project: Path | None) -> Path:
    if wheel is not None:
        if not wheel.is_file() or not wheel.name.startswith("vitalite_tui-"):
            raise KitError(f"{wheel} n'est pas une roue (wheel) de vitalite-tui.")
        return Path(shutil.copy2(wheel, folder / wheel.name))
    root = project_root(project)
    if root is None:
        raise KitError(
            "Le dossier du projet (pyproject.toml) est introuvable : lancez cette commande "
            "depuis une copie du projet, ou donnez la roue du programme avec --wheel."
        )
    for old in folder.glob("vitalite_tui-*.whl"):
        old.unlink()
    # With the build backend at hand, no throw-away environment to download it into.
    isolation = [] if find_spec("hatchling") is None else ["--no-build-isolation"]
    _pip(["wheel", "--no-deps", "--quiet", *isolation, "--wheel-dir", str(folder), str(root)])
    built = sorted(folder.glob(f"vitalite_tui-{__version__}-*.whl"))
    if not built:
        raise KitError("La roue du programme n'a pas été construite.")
    return built[-1]


def _platform_options(target: Target) -> list[str]:
    options = ["--only-binary=:all:", "--python-version", target.python]
    options += ["--implementation", "cp"]
    for platform in target.platforms:
        options += ["--platform", platform]
    return options


def _download(folder: Path, target: Target, root: Path) -> None:
    """Every wheel `target` needs into `folder`: pip's resolution, then what markers add."""
    options = _platform_options(target)
    _pip(["download", "--quiet", "--dest", str(folder), *options, str(root)])
    requirement = Requirement(f"{PROJECT}=={__version__}")
    asked: set[str] = set()
    while absent := [without_marker(r) for r in missing(folder, target, requirement)]:
        fresh = [r for r in absent if r not in asked]
        if not fresh:
            return  # What stays missing is reported by the check.
        asked.update(fresh)
        _pip(["download", "--quiet", "--no-deps", "--dest", str(folder), *options, *fresh])


def pip_resolves(folder: Path, target: Target) -> None:
    """pip itself installs the program on `target` from `folder` alone (`KitError` if not)."""
    with tempfile.TemporaryDirectory() as scratch:
        _pip(
            [
                "download",
                "--quiet",
                "--no-index",
                "--find-links",
                str(folder),
                "--dest",
                scratch,
                *_platform_options(target),
                f"{PROJECT}=={__version__}",
            ],
            isolated=True,
        )


def _write_scripts(kit: Path, pythons: Sequence[str]) -> None:
    templates = files("vitalite_tui.kit").joinpath("templates")
    for name, windows in _SCRIPTS.items():
        text = templates.joinpath(name).read_text(encoding="utf-8")
        text = text.replace("@VERSION@", __version__).replace("@PYTHONS@", ", ".join(pythons))
        target = kit / name
        target.write_bytes(text.replace("\n", "\r\n" if windows else "\n").encode("utf-8"))
        if not windows:
            target.chmod(0o755)


def build_kit(
    kit: Path,
    targets: Sequence[Target],
    *,
    wheel: Path | None = None,
    project: Path | None = None,
    portable: bool = False,
    progress: Progress | None = None,
) -> KitReport:
    """Make (or bring up to date) the kit in `kit`; the report says what does not resolve."""
    if kit.exists() and not kit.is_dir():
        raise KitError(f"{kit} existe et n'est pas un dossier.")
    if kit.is_dir() and any(kit.iterdir()) and not (kit / "LISEZMOI.txt").exists():
        raise KitError(f"{kit} contient déjà autre chose qu'un kit : choisissez un dossier vide.")
    say = progress or (lambda _message: None)
    folder = kit / WHEELS
    try:
        folder.mkdir(parents=True, exist_ok=True)
        say("Roue du programme…")
        root = _project_wheel(folder, wheel, project)
        for target in targets:
            say(f"Paquets pour {target.label}…")
            _download(folder, target, root)
        _write_scripts(kit, sorted({t.python for t in targets}))
        if portable:
            (kit / DATA_FOLDER).mkdir(exist_ok=True)
    except OSError as exc:
        raise KitError(f"Le kit n'a pas pu être écrit dans {kit} ({exc.strerror}).") from exc
    report = KitReport(kit, list(targets), sorted(p.name for p in folder.glob("*.whl")))
    requirement = Requirement(f"{PROJECT}=={__version__}")
    for target in targets:
        say(f"Vérification pour {target.label}…")
        absent = [without_marker(r) for r in missing(folder, target, requirement)]
        if not absent:
            try:
                pip_resolves(folder, target)
            except KitError as exc:
                absent = [str(exc)]
        if absent:
            report.missing[target.label] = absent
    return report
