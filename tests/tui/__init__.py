"""Pilot and snapshot tests of the TUI (a package, so that its conftest's helpers import)."""
