"""Shared test helpers: cli."""

from __future__ import annotations

from typer.testing import CliRunner, Result

from vitalite_tui.cli.app import app

runner = CliRunner()


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


def assert_clean_error(result: Result, *fragments: str) -> None:
    """Exit 1, one French sentence on stderr, never a traceback."""
    assert result.exit_code == 1, result.output
    for fragment in fragments:
        assert fragment in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
