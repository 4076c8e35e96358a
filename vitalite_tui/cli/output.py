"""What the commands print: user and file text made harmless for the terminal first."""

from __future__ import annotations

import typer

from vitalite_tui.domain.text import terminal_safe


def say(text: str, *, err: bool = False, lines: bool = False, nl: bool = True) -> None:
    """Print `text` without the escape sequences and control characters it may carry (a CSV
    header can retitle the window, a note recolour the console); with `lines`, its newlines
    and tabs are kept, else each line printed stays one line."""
    typer.echo(terminal_safe(text, lines=lines), err=err, nl=nl)
