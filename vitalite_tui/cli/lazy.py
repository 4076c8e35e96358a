"""The commands of `vitalite`, each built from its module only when it is asked for.

`vitalite export` needs the export's command and nothing of the demo's, the kit's or the
bundles': importing every command module and building every command's options (Typer makes
a Click object for each) cost a start-up of any command its time and half a mebibyte.
`vitalite --help` asks for all of them, in their order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from importlib import import_module
from typing import Any

import typer
import typer.main
from typer._click import Command

from vitalite_tui.cli.common import COMMANDS_PANEL, VitaliteCommand

#: A command's name → the module and the name in it of its function or its Typer group.
Where = tuple[str, str]


def built(name: str, found: Callable[..., Any] | typer.Typer) -> Command:
    """The Click command Typer makes of `found` (a command's function, or a Typer group),
    as `app.command(…)` or `app.add_typer(…)` under `name` would make it."""
    if isinstance(found, typer.Typer):
        group = typer.main.get_group(found)
        group.name = name
        group.rich_help_panel = COMMANDS_PANEL
        return group
    alone = typer.Typer(add_completion=False)
    alone.command(name, cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)(found)
    return typer.main.get_command(alone)


class LazyCommands(MutableMapping[str, Command]):
    """A group's commands by name, in their order, each built on first use."""

    def __init__(self, where: dict[str, Where]) -> None:
        self._where = dict(where)
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            module, attribute = self._where[name]  # KeyError: no such command
            self._built[name] = built(name, getattr(import_module(module), attribute))
        return self._built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        self._where.setdefault(name, ("", ""))
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._where[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)
