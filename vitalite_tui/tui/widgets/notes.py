"""The notes of a round, newest at the bottom: « 19:02 Martine (hab.)  text  I1+ », wrapped."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from vitalite_tui.domain.notes import NoteKind
from vitalite_tui.store.workshops.records import NoteRecord
from vitalite_tui.tui.widgets.round_timer import clock_label


def speaker_text(note: NoteRecord) -> str:
    """« Martine (hab.) », or « anonyme »."""
    if note.speaker_college is None:
        return note.speaker_label
    return f"{note.speaker_label} ({note.speaker_college.short})"


def note_renderable(note: NoteRecord, usual_kind: NoteKind | None) -> RenderableType:
    """Time, speaker, the whole text (wrapped, never cut) and the tag on the right."""
    body = Text(overflow="fold")
    body.append(speaker_text(note), "bold")
    if note.kind is not usual_kind:
        body.append(f" · {note.kind.label}", "italic")
    body.append("  ")
    # Text, not markup: a note may hold « [ » or start with « = ».
    body.append(note.text)
    return NoteColumns(Text(clock_label(note.created_at), "dim"), body, Text(note.tag, "bold"))


#: Widths of the time and tag columns of a note row.
CLOCK_WIDTH, TAG_WIDTH = 5, 3


class NoteColumns:
    """Time, text and tag in three columns, laid out as a rich `Table.grid` would do it.

    A table per note made showing a saved note twice as slow as in a plain list: each row
    is laid out again whenever a note is added. Here the text is wrapped once per width.
    """

    def __init__(self, clock: Text, body: Text, tag: Text) -> None:
        self.clock, self.body, self.tag = clock, body, tag

    def table(self) -> Table:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=CLOCK_WIDTH, no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_column(width=TAG_WIDTH, no_wrap=True, justify="right")
        grid.add_row(self.clock, self.body, self.tag)
        return grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = options.max_width - CLOCK_WIDTH - TAG_WIDTH - 2
        if room < 1:
            yield self.table()  # too narrow to be worth doing by hand
            return
        clock = self.clock.copy()
        clock.truncate(CLOCK_WIDTH, pad=True)
        tag = self.tag.copy()
        tag.truncate(TAG_WIDTH)
        tag.align("right", TAG_WIDTH)
        blank_clock, blank_tag = Text(" " * CLOCK_WIDTH), Text(" " * TAG_WIDTH)
        for index, line in enumerate(self.body.wrap(console, room, overflow="fold")):
            line.truncate(room, pad=True)
            first = index == 0
            yield Text.assemble(
                clock if first else blank_clock,
                " ",
                line,
                " ",
                tag if first else blank_tag,
                no_wrap=True,
                overflow="crop",
            )


class NoteRow(Static):
    """One note; `-editing` while its text is in the input line."""

    DEFAULT_CSS = """
    NoteRow { height: auto; }
    NoteRow.-editing { background: $warning 30%; }
    """

    def __init__(self, note: NoteRecord, usual_kind: NoteKind | None) -> None:
        super().__init__(note_renderable(note, usual_kind))
        self.note = note
        self.usual_kind = usual_kind

    def show_note(self, note: NoteRecord) -> None:
        self.note = note
        self.update(note_renderable(note, self.usual_kind))


#: Rows mounted when a round is shown: its newest notes. Older ones are mounted as the list
#: is scrolled to its top, or as one of them is corrected: a round of a large démarche holds
#: hundreds of notes, each a widget laid out when the screen opens.
PAGE = 100


class NoteList(VerticalScroll, can_focus=False):
    """The round's notes. A save appends one row; only undo or a round change refills."""

    DEFAULT_CSS = """
    NoteList { height: 1fr; padding: 0 0 0 1; scrollbar-size-vertical: 1; }
    NoteList > .notes-empty { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, empty_text: str = "") -> None:
        super().__init__(id=id)
        self.usual_kind: NoteKind | None = None
        self.empty_text = empty_text
        #: The round's notes not mounted yet, oldest first: they come before every row.
        self.older: list[NoteRecord] = []

    @property
    def rows(self) -> list[NoteRow]:
        return list(self.query_children(NoteRow))

    def mounted_row(self, note_id: str) -> NoteRow | None:
        for row in self.query_children(NoteRow):
            if row.note.id == note_id:
                return row
        return None

    def row(self, note_id: str) -> NoteRow | None:
        row = self.mounted_row(note_id)
        if row is not None:
            return row
        index = next((i for i, note in enumerate(self.older) if note.id == note_id), None)
        if index is None:
            return None
        # An older note not shown yet: the notes from it (a page at least) are mounted.
        rows = self.take_older(max(len(self.older) - index, PAGE))
        self.mount_all(rows, before=0)
        return next(row for row in rows if row.note.id == note_id)

    def take_older(self, count: int) -> list[NoteRow]:
        """Rows for the `count` newest of the notes not shown yet, to mount above the rows."""
        taken = self.older[-count:]
        del self.older[-count:]
        return [NoteRow(note, self.usual_kind) for note in taken]

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value <= 0 < old_value and self.older:
            self.call_later(self.show_older)

    async def show_older(self) -> None:
        """At the top with older notes to come: they are put above, and once they are laid
        out the view moves down by their height, so that the same notes stay in sight."""
        rows = self.take_older(PAGE)
        if rows:
            await self.mount_all(rows, before=0)
            self.call_after_refresh(self.keep_in_sight, rows)

    def keep_in_sight(self, rows: list[NoteRow]) -> None:
        self.scroll_to(y=sum(row.outer_size.height for row in rows), animate=False)

    async def fill(self, notes: Iterable[NoteRecord], usual_kind: NoteKind | None) -> None:
        """Replace every row (a round shown, a note removed or restored)."""
        self.usual_kind = usual_kind
        every = list(notes)
        self.older = every[:-PAGE]
        rows: list[Static] = [NoteRow(note, usual_kind) for note in every[-PAGE:]]
        if not rows and self.empty_text:
            rows = [Static(self.empty_text, classes="notes-empty", markup=False)]
        await self.remove_children()
        await self.mount_all(rows)
        # Anchored, the list stays at its bottom once the new rows have their height (a
        # scroll right after the mount could stop short of a row whose text wraps).
        self.anchor()

    def append(self, note: NoteRecord) -> None:
        """Add the newest note at the bottom and keep it in view."""
        self.query_children(".notes-empty").remove()
        self.mount(NoteRow(note, self.usual_kind))
        self.anchor()

    def mark_editing(self, note_id: str | None) -> None:
        """Highlight the note whose text is in the input line (None: none)."""
        for row in self.query_children(NoteRow):
            row.set_class(row.note.id == note_id, "-editing")
        if note_id is None:
            return
        editing = self.mounted_row(note_id)
        if editing is not None:
            self.scroll_to_widget(editing, animate=False)
            return
        editing = self.row(note_id)  # an older note, its row mounted now
        if editing is not None:
            editing.add_class("-editing")
            # After a refresh: the row just mounted has no place in the list before it.
            self.call_after_refresh(self.scroll_to_widget, editing, animate=False)
