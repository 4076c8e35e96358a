"""Plenary restitution for the projector: notes grouped by indicator and pole, no names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar, Generic, NamedTuple, Protocol, TypeVar

from rich._wrap import divide_line
from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Label, Static

from vitalite_tui.domain.indicators import INDICATORS, Pole, indicator
from vitalite_tui.domain.text import nbsp_quotes, plural
from vitalite_tui.domain.workshops import session_label
from vitalite_tui.errors import VitaliteError
from vitalite_tui.store.workshops.records import SubGroupRecord, WallNote
from vitalite_tui.tui.french_wrap import RICH_WORD
from vitalite_tui.tui.screens.base import BaseScreen
from vitalite_tui.tui.widgets.footer import Footer

#: Poles in the order they are presented: the vitality pole first, untagged last.
POLE_ORDER: tuple[Pole | None, ...] = (Pole.VITALITY, Pole.DEPRESSION, None)

#: What stands before each note (its next lines start under the text, not the bullet).
BULLET = "▸"

#: Narrowest column when all sub-groups are shown side by side.
MIN_COLUMN = 24


class Tagged(Protocol):
    """A note as the wall groups it: its text under its tags (a wall note or a full record)."""

    @property
    def indicator(self) -> int | None: ...

    @property
    def pole(self) -> Pole | None: ...

    @property
    def text(self) -> str: ...


N = TypeVar("N", bound=Tagged)


@dataclass(frozen=True)
class TagGroup(Generic[N]):
    """The notes that share one indicator and pole (either may be missing)."""

    indicator: int | None
    pole: Pole | None
    notes: list[N]

    @property
    def title(self) -> str:
        """« I1 Rendez-vous », « I3 Émancipation (sans pôle) », « Sans étiquette »."""
        if self.indicator is not None:
            shown = indicator(self.indicator)
            if self.pole is None:
                return f"{shown.code} {shown.short_name} (sans pôle)"
            return f"{shown.code} {shown.pole_label(self.pole)}"
        if self.pole is not None:
            return f"{self.pole.label.capitalize()} (sans indicateur)"
        return "Sans étiquette"

    @property
    def pole_hint(self) -> str:
        """« vitalité » or « dépression », said beside a pole name people may not know."""
        return self.pole.label if self.indicator is not None and self.pole is not None else ""


def group_by_tag(notes: Sequence[N]) -> list[TagGroup[N]]:
    """Indicators 1 to 4, each vitality pole then depression pole then no pole; untagged last.

    Within a group, notes keep the order they were said in.
    """
    tagged: dict[tuple[int | None, Pole | None], list[N]] = {}
    for note in notes:  # One pass: a column may hold a thousand notes.
        tagged.setdefault((note.indicator, note.pole), []).append(note)
    numbers: list[int | None] = [i.number for i in INDICATORS]
    return [
        TagGroup(number, pole, tagged[number, pole])
        for number in [*numbers, None]
        for pole in POLE_ORDER
        if (number, pole) in tagged
    ]


def subgroup_heading(group: SubGroupRecord) -> str:
    """« Sous-groupe 2 « Perspectives / Impuissance » »: no animateur, no member's name."""
    return f"{group.name} « {group.theme} »" if group.theme else group.name


def column_heading(group: SubGroupRecord) -> str:
    """A narrow column's heading: its theme under its name, the quotation marks held to it
    (a theme on a line of its own rarely needs wrapping)."""
    if not group.theme:
        return group.name
    return f"{group.name}\n{nbsp_quotes(f'« {group.theme} »')}"


class NoteLine(NamedTuple):
    """One terminal line of a note: the bullet (or a blank, on its next lines) and its text."""

    lead: str
    text: str
    style: str


#: A line of the notes: a note's, or a heading (or blank, or hint) already one line wide.
Line = NoteLine | Text


#: Every character below this one takes one cell (no wide, combining or control character).
_NARROW_BELOW = "\u0300"


def folded(text: str, width: int) -> list[str]:
    """`text` in lines of `width` cells at most, broken between words, long words folded.

    The same breaks as Rich's wrap with `overflow="fold"`, without its styled-text objects:
    thousands of notes are folded each time a column opens.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        # A no-break space is one cell too (`isprintable` says no to it).
        shown = paragraph.replace("\u00a0", " ")
        narrow = shown.isprintable() and (not paragraph or max(paragraph) < _NARROW_BELOW)
        breaks = narrow_breaks(paragraph, width) if narrow else divide_line(paragraph, width)
        offsets = [0, *breaks, len(paragraph)]
        lines.extend(paragraph[a:b].rstrip() for a, b in pairwise(offsets) if a < b or a == 0)
    return lines


def narrow_breaks(text: str, width: int) -> list[int]:
    """Rich's `divide_line` (fold) for text whose every character takes one cell."""
    breaks: list[int] = []
    offset = 0
    for match in RICH_WORD.finditer(text):  # no-break spaces kept in the word
        start, end = match.span()
        length = len(match.group().rstrip())
        if width - offset >= length:
            offset += end - start
        elif length > width:
            # Too long for any line: cut into lines of `width`, the last one continuing.
            for cut in range(start, end, width):
                if cut:
                    breaks.append(cut)
                offset = min(width, end - cut)
        elif offset and start:
            breaks.append(start)
            offset = end - start
    return breaks


def plenary_lines(
    notes: Sequence[WallNote], *, roomy: bool, width: int, console: Console
) -> list[Line]:
    """The notes under their tag headings, one entry per terminal line of `width` cells."""
    if not notes:
        return list(Text("Aucune note pour ce sous-groupe.", "italic").wrap(console, width))
    lines: list[Line] = []
    style = "bold" if roomy else ""
    text_width = max(1, width - 2)  # the bullet, then a blank
    for tag_group in group_by_tag(notes):
        heading = Text(f" {tag_group.title.upper()} ", "bold reverse")
        if tag_group.pole_hint:
            heading.append(f" {tag_group.pole_hint}", "italic")
        heading.append(f"  {len(tag_group.notes)}", "bold")
        lines.extend(heading.wrap(console, width))
        if roomy:
            lines.append(Text())
        for note in tag_group.notes:
            # The text only: a note on the wall carries no name (the screen is projected).
            for index, part in enumerate(folded(nbsp_quotes(note.text), text_width)):
                lead = BULLET if index == 0 else " "
                lines.append(NoteLine(lead, part, style))
            if roomy:
                lines.append(Text())
        if not roomy:
            lines.append(Text())
    return lines


class PlenaryNotes(Widget):
    """A column's notes, folded once per width, only the lines in view drawn (line API)."""

    DEFAULT_CSS = """
    PlenaryNotes {
        height: auto;
    }
    """

    def __init__(self, notes: Sequence[WallNote], *, roomy: bool, classes: str) -> None:
        super().__init__(classes=classes)
        self.notes = notes
        self.roomy = roomy
        #: The lines per width: the layout asks with and without a scrollbar.
        self._lines: dict[int, list[Line]] = {}

    def lines(self, width: int) -> list[Line]:
        if width not in self._lines:
            self._lines[width] = plenary_lines(
                self.notes, roomy=self.roomy, width=width, console=self.app.console
            )
        return self._lines[width]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self.lines(width)
        if not 0 <= y < len(lines):
            return Strip.blank(width, self.rich_style)
        line = lines[y]
        if isinstance(line, NoteLine):
            line = Text.assemble((line.lead, "bold"), " ", (line.text, line.style))
        segments = Segment.apply_style(line.render(self.app.console), self.rich_style)
        return Strip(segments).adjust_cell_length(width, self.rich_style)


class PlenaryColumn(VerticalScroll, can_focus=False):
    """One sub-group: its heading and its notes, scrolled by the screen's keys."""

    def __init__(self, group: SubGroupRecord, notes: Sequence[WallNote], *, roomy: bool) -> None:
        super().__init__(classes="plenary-column -roomy" if roomy else "plenary-column")
        self.group = group
        self.notes = list(notes)
        self.roomy = roomy

    def on_mount(self) -> None:
        if len(self.notes) > self.app.size.height:
            # One line a note at least: the column will scroll. Its scrollbar's room is kept
            # from the start, so the notes are folded at one width, not first at the
            # width without it (a column may hold a thousand notes).
            self.styles.scrollbar_gutter = "stable"

    def compose(self) -> ComposeResult:
        if not self.roomy:  # Shown alone, the sub-group is named in the title line.
            yield Static(
                Text(column_heading(self.group), "bold"), classes="plenary-group", markup=False
            )
        yield Static(
            Text(plural(len(self.notes), "note"), "italic"), classes="plenary-count", markup=False
        )
        yield PlenaryNotes(self.notes, roomy=self.roomy, classes="plenary-notes")


class PlenaryScreen(BaseScreen):
    """Read-only, for the projector: one sub-group, or all of them side by side."""

    AUTOMATIC_COPIES = True

    CSS_PATH = "plenary.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left",
            "move(-1)",
            "Sous-groupe",
            id="plenary-previous",
            tooltip="Afficher le sous-groupe précédent.",
            key_display="←→",
        ),
        Binding(
            "right",
            "move(1)",
            "Sous-groupe suivant",
            id="plenary-next",
            tooltip="Afficher le sous-groupe suivant.",
            show=False,
        ),
        Binding(
            "pagedown,space",
            "page(1)",
            "Défiler",
            id="plenary-page-down",
            tooltip="Faire défiler d'une page vers le bas.",
            key_display="Page↓",
        ),
        Binding(
            "pageup",
            "page(-1)",
            "Remonter",
            id="plenary-page-up",
            tooltip="Remonter d'une page.",
            show=False,
        ),
        Binding(
            "down",
            "line(1)",
            "Descendre",
            id="plenary-line-down",
            tooltip="Faire défiler d'une ligne vers le bas.",
            show=False,
        ),
        Binding(
            "up",
            "line(-1)",
            "Monter",
            id="plenary-line-up",
            tooltip="Faire défiler d'une ligne vers le haut.",
            show=False,
        ),
        Binding(
            "r",
            "restitution",
            "Démarche",
            id="plenary-restitution",
            tooltip="La restitution de toute la démarche : baromètre mesuré et ressenti, axes, "
            "intentions par axe, scénario, actions retenues, charte.",
            # Said in F1: at 80 columns the footer keeps room for F1 Aide, whole.
            show=False,
        ),
        Binding(
            "t",
            "toggle_all",
            "Tous",
            id="plenary-all",
            tooltip="Tous les sous-groupes côte à côte ; t à nouveau : un seul, en grand.",
        ),
    ]

    def __init__(
        self,
        demarche_id: str,
        number: int,
        subgroup_id: str | None = None,
        *,
        session: int = 1,
    ) -> None:
        super().__init__()
        self.demarche_id = demarche_id
        self.number = number
        #: The evening shown: the planned one (1) or an extra one (« Atelier 2 bis »).
        self.session = session
        self.start_subgroup = subgroup_id
        self.groups: list[SubGroupRecord] = []
        self.notes: dict[str, list[WallNote]] = {}
        #: The sub-group shown alone, or the first column when all are shown.
        self.index = 0
        self.all_shown = subgroup_id is None

    def compose(self) -> ComposeResult:
        with Horizontal(id="plenary-head", classes="screen-title"):
            yield Label("", id="plenary-title", markup=False)
            yield Label("", id="plenary-position", markup=False)
        yield Horizontal(id="plenary-columns")
        yield Static("", id="plenary-empty", classes="hint", markup=False)
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        try:
            self.groups = self.store.subgroups.all(self.demarche_id, self.number, self.session)
            notes = self.store.capture.wall_notes(self.demarche_id, self.number, self.session)
        except VitaliteError as exc:
            self.report(exc)
            return
        self.notes = {g.id: [] for g in self.groups}
        for note in notes:
            if note.subgroup_id in self.notes:
                self.notes[note.subgroup_id].append(note)
        ids = [g.id for g in self.groups]
        if self.start_subgroup in ids:
            self.index = ids.index(self.start_subgroup)
        await self.show()

    @property
    def per_page(self) -> int:
        """How many sub-groups fit side by side."""
        if not self.all_shown:
            return 1
        return max(1, min(len(self.groups), self.size.width // MIN_COLUMN))

    @property
    def shown_groups(self) -> list[SubGroupRecord]:
        return self.groups[self.index : self.index + self.per_page]

    async def show(self) -> None:
        empty = self.query_one("#plenary-empty", Static)
        empty.display = not self.groups
        empty.update("Aucun sous-groupe dans cet atelier : rien à restituer pour l'instant.")
        columns = self.query_one("#plenary-columns", Horizontal)
        await columns.remove_children()
        roomy = not self.all_shown
        await columns.mount_all(
            PlenaryColumn(group, self.notes.get(group.id, []), roomy=roomy)
            for group in self.shown_groups
        )
        self.show_title()
        self.refresh_bindings()

    def show_title(self) -> None:
        title = f"{session_label(self.number, self.session)} · Restitution"
        shown = self.shown_groups
        if self.all_shown:
            title += " · tous les sous-groupes"
        elif shown:
            title += f" · {subgroup_heading(shown[0])}"
        self.query_one("#plenary-title", Label).update(title)
        position = ""
        if shown and len(shown) < len(self.groups):
            first = self.index + 1
            last = self.index + len(shown)
            span = f"{first}" if first == last else f"{first}-{last}"
            position = f"{span}/{len(self.groups)}"
        self.query_one("#plenary-position", Label).update(position)

    async def action_move(self, step: int) -> None:
        last = max(0, len(self.groups) - self.per_page)
        index = min(max(0, self.index + step), last)
        if index != self.index:
            self.index = index
            await self.show()

    def action_restitution(self) -> None:
        from vitalite_tui.tui.screens.restitution import FIRST_PAGE, RestitutionScreen

        self.app.push_screen(RestitutionScreen(self.demarche_id, FIRST_PAGE[self.number]))

    async def action_toggle_all(self) -> None:
        self.all_shown = not self.all_shown
        self.index = min(self.index, max(0, len(self.groups) - self.per_page))
        await self.show()

    def columns(self) -> list[PlenaryColumn]:
        return list(self.query(PlenaryColumn))

    def action_page(self, step: int) -> None:
        for column in self.columns():
            if step > 0:
                column.scroll_page_down(animate=False)
            else:
                column.scroll_page_up(animate=False)

    def action_line(self, step: int) -> None:
        for column in self.columns():
            column.scroll_relative(y=step, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move":
            return len(self.groups) > self.per_page
        if action == "toggle_all":
            return len(self.groups) > 1
        return True
