"""`vitalite --sobre`: the TUI opens with the sober display asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from vitalite_tui.cli.app import app
from vitalite_tui.tui.app import VitaliteApp


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Replace the TUI by a recorder of whether the sober display was asked for."""
    seen: list[bool] = []

    def fake_run(self: VitaliteApp, *args: object, **kwargs: object) -> None:
        seen.append(self.sober_asked)

    monkeypatch.setattr(VitaliteApp, "run", fake_run)
    return seen


def test_the_sober_flag_reaches_the_app(tmp_path: Path, asked: list[bool]) -> None:
    runner = CliRunner()
    db = str(tmp_path / "base.sqlite")
    assert runner.invoke(app, ["--sobre", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["--db", db]).exit_code == 0
    assert asked == [True, False]


def test_the_sober_flag_is_explained_in_french() -> None:
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "--sobre" in result.output
    assert "Affichage sobre" in result.output
    assert all(len(line) <= 80 for line in result.output.splitlines())
