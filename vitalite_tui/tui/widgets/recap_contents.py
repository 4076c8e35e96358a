"""The recap lines for what the previous workshop produced: axes, intentions, actions."""

from __future__ import annotations

from itertools import groupby

from textual.content import Content

from vitalite_tui.domain.indicators import indicator
from vitalite_tui.domain.text import plural
from vitalite_tui.store.workshops.records import RecapContents
from vitalite_tui.tui.widgets.table import shorten

Line = Content | str

#: Where each kind of content is written, for the line shown while there is none yet.
_WHERE = {
    1: "débrief de l'atelier 1 : F9 Contenus, F7 Débrief",
    2: "atelier 2 : F9 Contenus, F6 Intentions et F7 Scénario",
    3: "atelier 3 : F9 Contenus, F7 Résultats",
}


def _title(text: str) -> list[Line]:
    return ["", Content.styled(text, "bold")]


def _none_yet(previous: int) -> list[Line]:
    return [Content.styled(f"Rien pour l'instant ({_WHERE[previous]}).", "$text-muted")]


def contents_lines(previous: int, contents: RecapContents) -> list[Line]:
    """The lines for workshop `previous`'s contents (nothing for workshop 4)."""
    if previous == 1:
        lines = _title("Axes de travail nommés au débrief")
        for number, axis in enumerate(contents.axes, start=1):
            tag = f"I{axis.indicator} · " if axis.indicator else ""
            lines.append(f"  {number} · {axis.title} ({tag}{plural(axis.notes, 'note')})")
        return lines if contents.axes else lines + _none_yet(1)
    if previous == 2:
        lines = _title("Intentions, par axe")
        for axis, intentions in groupby(contents.intentions, key=lambda i: i.axis):
            lines.append(Content.styled(f"  {axis or 'Sans axe'}", "italic"))
            for intention in intentions:
                trend = f" — {intention.trend}" if intention.trend else ""
                lines.append(f"    • {shorten(intention.title, 120)}{trend}")
        if not contents.intentions:
            lines += _none_yet(2)
        lines += _title("Esquisse de scénario")
        for number, text in sorted(contents.scenario.items()):
            lines.append(f"  I{number} {indicator(number).short_name} : {shorten(text, 400)}")
        return lines if contents.scenario else lines + _none_yet(2)
    if previous == 3:
        lines = _title("Actions retenues par le vote")
        for number, title in enumerate(contents.kept_actions, start=1):
            lines.append(f"  {number} · {title}")
        return lines if contents.kept_actions else lines + _none_yet(3)
    return []
