"""Layering and packaging: the core stays headless; data files ship inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from vitalite_tui.paths import schemas_dir

ROOT = Path(__file__).resolve().parents[2]

CORE_MODULES = [
    "vitalite_tui",
    "vitalite_tui.domain.colleges",
    "vitalite_tui.domain.dates",
    "vitalite_tui.domain.indicators",
    "vitalite_tui.domain.questionnaire",
    "vitalite_tui.domain.steps",
    "vitalite_tui.domain.text",
    "vitalite_tui.domain.workshops",
    "vitalite_tui.db.connection",
    "vitalite_tui.db.migrations",
    "vitalite_tui.db.models",
    "vitalite_tui.store",
    "vitalite_tui.demo.build",
    "vitalite_tui.formats.schemas",
    "vitalite_tui.paths",
]


def loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print('\\n'.join(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return set(out.split())


def test_the_core_never_imports_textual_nor_openpyxl() -> None:
    loaded = loaded_after_import(CORE_MODULES)
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}
    assert "openpyxl" not in loaded


def test_no_core_source_file_mentions_textual() -> None:
    core = [
        ROOT / "vitalite_tui" / part
        for part in ("domain", "db", "formats", "store", "demo", "workbook", "print")
    ]
    offenders = [
        str(path.relative_to(ROOT))
        for folder in core
        for path in folder.rglob("*.py")
        if "import textual" in path.read_text(encoding="utf-8")
        or "from textual" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_schemas_are_found_at_run_time() -> None:
    folder = schemas_dir()
    assert (folder / "questionnaire.schema.json").is_file()
    assert (folder / "questionnaire-sociabilite.json").is_file()
    assert (folder / "trends.schema.json").is_file()
    assert (folder / "tendances.json").is_file()


@pytest.mark.slow
def test_the_wheel_carries_schemas_migrations_and_styles(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("vitalite_tui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "vitalite_tui/schemas/questionnaire.schema.json" in names
    assert "vitalite_tui/schemas/questionnaire-sociabilite.json" in names
    assert "vitalite_tui/schemas/trends.schema.json" in names
    assert "vitalite_tui/schemas/tendances.json" in names
    assert "vitalite_tui/db/schema_v1.sql" in names
    assert "vitalite_tui/tui/app.tcss" in names
    # The font of the printed paper and its licence.
    assert "vitalite_tui/print/fonts/LiberationSans-Regular.ttf" in names
    assert "vitalite_tui/print/fonts/LiberationSans-Bold.ttf" in names
    assert "vitalite_tui/print/fonts/LICENSE.txt" in names
    assert not any(name.startswith("tests/") for name in names)
