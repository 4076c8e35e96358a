"""Workshop part F8 · Rappel: the previous workshop, as read out to newcomers (no names)."""

from __future__ import annotations

from typing import ClassVar

from rich._wrap import divide_line
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import Static

from vitalite_tui.domain.indicators import INDICATORS, Pole
from vitalite_tui.domain.text import plural
from vitalite_tui.store.workshops.records import RecapRecord, TagCount
from vitalite_tui.tui.dialogs.recap_form import RecapFormDialog
from vitalite_tui.tui.screens.workshops.workshop_parts.base import WorkshopPart
from vitalite_tui.tui.screens.workshops.workshop_parts.when import when_and_where
from vitalite_tui.tui.widgets.recap_contents import contents_lines
from vitalite_tui.tui.widgets.screen_part import PartKeys
from vitalite_tui.tui.widgets.table import shorten


class RecapView(PartKeys, VerticalScroll):
    """The recap of the previous workshop; ↑↓ scroll it, `e` edits what was kept."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "e",
            "part('edit_recap')",
            "Modifier le retenu",
            id="recap-edit",
            tooltip="Écrire ou corriger ce qui a été retenu de l'atelier précédent.",
        ),
    ]


class RecapSummary(Static):
    """The recap's text, each of its lines folded on its own and only the lines in view drawn.

    At ten times the large demo the recap of workshop 2 lists thousands of intentions: folding
    the whole text at once, for each width the layout tries, took most of the opening. Each
    line folds apart exactly as it would in the whole (Content folds line by line), a line
    narrower than the width without folding at all.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._lines: list[Content] = []
        #: Per width, each terminal row as (line, row within that line's folds).
        self._rows: dict[int, list[tuple[int, int]]] = {}
        #: Per width and line, its folded strips, drawn when first in view.
        self._strips: dict[tuple[int, int], list[Strip]] = {}

    def show(self, content: Content) -> None:
        self._lines = content.split(allow_blank=True)
        self._rows.clear()
        self._strips.clear()
        self.update(content)

    def rows(self, width: int) -> list[tuple[int, int]]:
        if width not in self._rows:
            rows: list[tuple[int, int]] = []
            for index, line in enumerate(self._lines):
                rows.extend((index, row) for row in range(self._height(line, width)))
            self._rows[width] = rows
        return self._rows[width]

    def _height(self, line: Content, width: int) -> int:
        if "\t" in line.plain:
            line = line.expand_tabs(8)  # as Content does before it folds
        if line.cell_length <= width:
            return 1
        # Where Content itself breaks a line (a Static's default: wrap, fold), without
        # building the styled pieces: one more row per break.
        return len(divide_line(line.plain, width, fold=True)) + 1

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width))

    def render_line(self, y: int) -> Strip:
        if self.text_selection is not None:
            # A mouse selection spans lines: drawn over the whole text, as a Static does.
            return super().render_line(y)
        width = self.size.width
        rows = self.rows(width)
        if not 0 <= y < len(rows):
            return Strip.blank(width, self.visual_style.rich_style)
        index, row = rows[y]
        strips = self._strips.get((width, index))
        if strips is None:
            line = self._lines[index]
            strips = Visual.to_strips(self, line, width, None, self.visual_style)
            self._strips[width, index] = strips
        return strips[row]


def tag_summary(tags: list[TagCount]) -> list[str]:
    """One line per indicator: « I1 Rendez-vous 30 · Isolement 25 · sans pôle 2 »."""
    lines = []
    for indicator in INDICATORS:
        counts = {t.pole: t.count for t in tags if t.indicator == indicator.number}
        if not counts:
            continue
        parts = [
            f"{indicator.pole_label(pole)} {counts[pole]}"
            for pole in (Pole.VITALITY, Pole.DEPRESSION)
            if pole in counts
        ]
        if None in counts:
            parts.append(f"sans pôle {counts[None]}")
        # The poles name the indicator: « I3 Solidarités interactives 18 · Dépendance 14 ».
        lines.append(f"  {indicator.code} {' · '.join(parts)}")
    untagged = sum(t.count for t in tags if t.indicator is None)
    if untagged:
        lines.append(f"  Sans indicateur : {untagged}")
    return lines


def recap_content(recap: RecapRecord) -> Content:
    """The recap of the previous workshop, as read out to newcomers (no names)."""
    previous = recap.workshop
    present = recap.present
    kept: list[Content | str] = (
        [previous.recap]
        if previous.recap
        else [Content.styled("Rien d'écrit pour l'instant : e pour le noter.", "$text-muted")]
    )
    lines: list[Content | str] = [
        Content.styled(f"Rappel de l'{previous.label.lower()} · {previous.title}", "bold"),
        Content.styled(when_and_where(previous), "$text-muted"),
        "",
        Content.styled("Ce qui a été retenu (e pour modifier)", "bold"),
        *kept,
        *contents_lines(previous.number, recap.contents),
        "",
        f"Présents : {present.total} · {present.summary()} · "
        f"dont {plural(recap.newcomers, 'nouveau venu', 'nouveaux venus')}",
        f"{plural(len(recap.subgroups), 'sous-groupe')} · "
        f"{plural(recap.rounds, 'tour')} d'expression · {plural(recap.notes, 'note')}",
    ]
    if recap.notes:
        lines += ["", Content.styled("Notes par indicateur et pôle", "bold")]
        lines += tag_summary(recap.notes_by_tag)
    for number, group in enumerate(recap.subgroups, start=1):
        theme = f" — {group.theme}" if group.theme else ""
        lines += [
            "",
            Content.styled(f"{number} · {group.name}{theme}", "bold"),
            f"  {plural(group.members, 'personne')} · {plural(group.rounds, 'tour')} · "
            f"{plural(group.notes, 'note')}",
        ]
        for note in group.first_notes:
            tag = f" {note.tag}" if note.tag else ""
            lines.append(f"  « {shorten(note.text, 200)} »{tag}")
    return Content("\n").join(Content(line) if isinstance(line, str) else line for line in lines)


class RecapPart(WorkshopPart):
    """The previous workshop's recap; what was kept of it is written here (`e`)."""

    def __init__(
        self, demarche_id: str, number: int, session: int = 1, *, id: str | None = None
    ) -> None:
        super().__init__(demarche_id, number, session, id=id)
        self.recap: RecapRecord | None = None

    def compose(self) -> ComposeResult:
        with RecapView(id="recap-view"):
            yield RecapSummary(id="recap-summary")

    def focus_target(self) -> RecapView:
        return self.query_one(RecapView)

    def reload(self) -> None:
        summary = self.query_one("#recap-summary", RecapSummary)
        if (self.number, self.session) == (1, 1):
            self.recap = None
            summary.show(
                Content(
                    "Atelier 1 : c'est le premier atelier, il n'y a pas d'atelier précédent à "
                    "rappeler.\n\nCe qui en sera retenu s'écrit dans le rappel qui ouvre "
                    "l'atelier 2 (étape 5, F8)."
                )
            )
            return
        recap = self.read(
            lambda: self.store.workshops.recap(self.demarche_id, self.number, session=self.session)
        )
        if recap is None:
            return
        self.recap = recap
        summary.show(recap_content(recap))
        self.screen.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit_recap":
            return self.recap is not None
        return True

    def action_edit_recap(self) -> None:
        recap = self.recap
        if recap is None:
            return
        previous = recap.workshop

        def save(text: str) -> None:
            self.store.workshops.save_recap(
                self.demarche_id, previous.number, text, session=previous.session
            )

        def done(text: str | None) -> None:
            if text is not None:
                self.reload()

        self.app.push_screen(
            RecapFormDialog(
                f"{previous.label} — ce qui a été retenu", recap.workshop.recap, save=save
            ),
            done,
        )
