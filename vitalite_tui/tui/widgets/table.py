"""A row-cursor table of store records: literal text, fixed widths, the cursor kept on refill."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

#: One column: its French header and its width in cells (None: as wide as its content).
Column = tuple[str, int | None]


def shorten(text: str, width: int | None) -> str:
    """The text cut to `width` cells with an ellipsis; the store keeps the whole of it."""
    line = " ".join(text.split())
    if width is None or cell_len(line) <= width:
        return line
    return set_cell_size(line, max(width - 1, 0)).rstrip() + "…"


class RecordTable(DataTable[Text]):
    """Rows keyed by record id. Subclasses add the keys that act on the current row."""

    DEFAULT_CSS = """
    RecordTable { height: 1fr; }
    """

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._columns = list(columns)

    def on_mount(self) -> None:
        for label, width in self._columns:
            self.add_column(label, width=width)

    @property
    def current_key(self) -> str | None:
        """The id of the row under the cursor, if there is one."""
        if self.row_count == 0:
            return None
        row_key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key
        return row_key.value

    def fill(self, rows: Iterable[tuple[str, Sequence[str]]], *, select: str | None = None) -> None:
        """Replace the rows; the cursor stays on `select`, else the same row, else nearby."""
        wanted = select if select is not None else self.current_key
        index = self.cursor_row
        self.clear()
        widths = [width for _, width in self._columns]
        keys: list[str] = []
        for key, cells in rows:
            # Text, not str: a DataTable reads str cells as markup, and names may hold "[".
            self.add_row(
                *(
                    Text(shorten(cell, width), no_wrap=True)
                    for cell, width in zip(cells, widths, strict=True)
                ),
                key=key,
            )
            keys.append(key)
        if not keys:
            return
        row = keys.index(wanted) if wanted in keys else min(max(index, 0), len(keys) - 1)
        self.move_cursor(row=row)
