"""A row-cursor table of store records: literal text, fixed widths, the cursor kept on refill."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, DuplicateKey, Row, RowKey

#: Cells up to this long are made once per `fill` and shared by the rows that repeat them.
SHARED_CELL = 8

#: One column: its French header and its width in cells (None: as wide as its content).
Column = tuple[str, int | None]


#: Characters of a line measured for a cell `width` wide, beyond which it is cut unmeasured:
#: a note of a thousand characters shown in 60 cells is measured on 240 of them.
MEASURED_PER_CELL = 4


def shorten(text: str, width: int | None) -> str:
    """The text cut to `width` cells with an ellipsis; the store keeps the whole of it."""
    line = " ".join(text.split())
    # No character takes more than two cells: a short line needs no measure (thousands of
    # cells are shortened when a large list opens).
    if width is None or 2 * len(line) <= width:
        return line
    # Every character but a combining one takes a cell: far more characters than cells
    # never fit, and only the first ones are measured.
    head = line[: MEASURED_PER_CELL * width]
    if len(head) == len(line) and cell_len(line) <= width:
        return line
    return set_cell_size(head, max(width - 1, 0)).rstrip() + "…"


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
            # Text, not a string: headers are literal too (a string is read as markup,
            # which also loads Rich's emoji table at start-up).
            self.add_column(Text(label), width=width)

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
        columns = [column.key for column in self.ordered_columns]
        # A short cell repeats from row to row (« G2 », « I3-V », ""): made once per fill, and
        # shared, as a DataTable only reads its cells (thousands of rows at ten times the demo).
        made: dict[tuple[str, int | None], Text] = {}
        for key, cells in rows:
            texts = []
            for cell, width in zip(cells, widths, strict=True):
                text = made.get((cell, width))
                if text is None:
                    # Text, not str: a DataTable reads str cells as markup (names may hold "[").
                    text = Text(shorten(cell, width), no_wrap=True)
                    if len(cell) <= SHARED_CELL:
                        made[cell, width] = text
                texts.append(text)
            if keys:
                self._append_row(key, dict(zip(columns, texts, strict=True)))
            else:  # The first row the public way: it highlights the cursor and says so.
                self.add_row(*texts, key=key)
            keys.append(key)
        if not keys:
            return
        self._update_count += 1
        self.check_idle()
        row = keys.index(wanted) if wanted in keys else min(max(index, 0), len(keys) - 1)
        self.move_cursor(row=row)

    def _append_row(self, key: str, cells: dict[ColumnKey, Text]) -> None:
        """`add_row` for a row after the first, without its per-row cost.

        A démarche ten times the large demo lists thousands of rows: `add_row` sets the cursor
        again (a reactive, its validation and watcher) and schedules an idle pass for each
        one, while after the first row the cursor stays on it; `fill` schedules one pass.
        """
        row_key = RowKey(key)
        if row_key in self._row_locations:
            raise DuplicateKey(f"The row key {row_key!r} already exists.")
        self._row_locations[row_key] = self.row_count
        self._data[row_key] = cells
        self.rows[row_key] = Row(row_key, 1)
        self._new_rows.add(row_key)
        self._require_update_dimensions = True

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        # Columns of a fixed width take no measure of their cells (the table's pass measures
        # every cell of every new row): with no column as wide as its content, only the
        # table's size is computed again.
        if all(width is not None for _, width in self._columns):
            new_rows = ()
        super()._update_dimensions(new_rows)
