"""Reading answer sheets from a spreadsheet: our template, or a KoboToolbox / ODK export.

Columns are matched on item and profile codes (group prefixes such as `group_x/I1_V1` or
ODK Central's `group_x-I1_V1` are dropped), or on their French label (Kobo exports with
labels). Answers may be the value (3), the choice name, or the label (« Plutôt d'accord »).

Importing the same file twice adds nothing: a row is recognised by its submission id
(`meta/instanceID`, `KEY`, `_uuid`, `_id`) or, without one, by a hash of its content; the
store keeps that key with the sheet. A row with an unknown answer or a value off the scale
is reported with its line number and skipped; every other row is planned for import.

This module only reads and plans: `Responses.import_file` in the store writes the plan.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from vitalite_tui.domain.questionnaire_form import (
    NO_ANSWER,
    FieldKind,
    ItemSpec,
    QuestionnaireForm,
    clean_answers,
    clean_profile,
    sheet_number_problem,
)
from vitalite_tui.domain.text import fold
from vitalite_tui.errors import InvalidInput
from vitalite_tui.formats.entry_template import SHEET_NUMBER_COLUMN
from vitalite_tui.formats.files import line_at, megabytes, read_input

#: Columns holding a submission id, best first (ODK, ODK Central, Kobo).
ID_COLUMNS = ("meta/instanceid", "meta-instanceid", "instanceid", "key", "_uuid", "_id")
#: Columns holding when the sheet was filled in, best first (the last: our own export's).
TIME_COLUMNS = ("end", "_submission_time", "submissiondate", "start", "today", "collectée le")
#: The column of the sheet number: our template's, and our export's Questionnaire sheet's.
SHEET_NUMBER_HEADERS = frozenset({SHEET_NUMBER_COLUMN, "n° de fiche"})
#: The sheet of our own export that holds one row per answer sheet (read back by an import).
EXPORT_SHEET = "Questionnaire"
#: Other columns that field-survey tools add, ignored without a word.
METADATA_COLUMNS = frozenset(
    {
        "deviceid",
        "subscriberid",
        "simserial",
        "phonenumber",
        "username",
        "email",
        "audit",
        "intro",
        "submitterid",
        "submittername",
        "attachmentspresent",
        "attachmentsexpected",
        "status",
        "reviewstate",
        "devicename",
        "edits",
        "formversion",
        # Our own export's columns that the import does not take back: it says them itself.
        "questionnaire",
        "saisie le",
        "mode",
        "vérifiée",
    }
)
#: Group prefixes: codes never hold these characters, so what follows the last one is the code.
_GROUP_SEPARATORS = re.compile(r"[/.\-]")
#: A whole number as a spreadsheet may write it: « 2 », « 2,0 » (French), « 2.0 ».
_WHOLE = re.compile(r"([+-]?\d+)(?:[.,]0*)?")
#: Apostrophes and spaces that a word processor or a phone puts instead of the plain ones.
_LOOKALIKES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
#: ISO 8601 as field-survey tools write it: « 2026-09-08T10:15:00.000+02:00 », « …+0200 »,
#: « …Z », or a date alone. Parsed here: Python 3.10's `fromisoformat` reads only its own.
_ISO_MOMENT = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(?:(Z)|([+-])(\d{2}):?(\d{2})?)?",
    re.IGNORECASE,
)
#: A date as French Excel writes it back: « 10/09/2026 14:26 », « 10/09/2026 14:26:05 ».
_FRENCH_MOMENT = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?")
HASH_LENGTH = 32


@dataclass(frozen=True)
class Columns:
    """Which column (by index) holds what."""

    items: dict[str, int]
    profile: dict[str, int]
    sheet_number: int | None = None
    ids: tuple[int, ...] = ()  # best first
    times: tuple[int, ...] = ()  # best first
    ignored: tuple[str, ...] = ()


@dataclass(frozen=True)
class RejectedRow:
    """A spreadsheet row that was not imported, and why (French)."""

    row: int  # as numbered in the spreadsheet: the header is row 1
    reasons: tuple[str, ...]

    @property
    def message(self) -> str:
        return f"ligne {self.row} : " + " ; ".join(self.reasons)


@dataclass(frozen=True)
class ReadSheet:
    """A row of the file, checked against the questionnaire, ready to be stored."""

    sheet_number: int | None
    profile: dict[str, str]
    answers: dict[str, int]
    collected_at: datetime | None  # naive UTC; None when no column says it


@dataclass
class Plan:
    """What an import will do, before anything is written."""

    rows: int = 0
    to_add: list[tuple[int, ReadSheet, str]] = field(default_factory=list)  # (row, sheet, key)
    duplicates: list[int] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    #: Rows without a single answer or profile cell, skipped (a number or an id alone is not
    #: a sheet: the template is often numbered down in advance).
    blank: list[int] = field(default_factory=list)


# ---------------------------------------------------------------- reading the file

#: A territory's sheets typed over years (100,000 rows) fit with room to spare; far more is
#: not a file of answers.
MAX_FILE_BYTES = 60_000_000
#: What the parts of a workbook may unpack to (a small archive can unpack to gigabytes).
MAX_UNPACKED_BYTES = 200_000_000
#: A whole territory's sheets typed over years, with room to spare.
MAX_ROWS = 200_000
#: Rows read between two reports of progress.
PROGRESS_ROWS = 10_000
#: Told how many rows were read so far.
RowsRead = Callable[[int], None]
MAX_COLUMNS = 1_000
#: Answers are codes and short words; a free-text column may hold a paragraph, not a book.
MAX_CELL = 10_000
#: What a CSV starts with when it is really a workbook or another archive.
_ZIP_MAGIC = b"PK\x03\x04"


def read_table(path: Path, progress: RowsRead | None = None) -> list[list[Any]]:
    """The rows of the first sheet (xlsx; our export's Questionnaire sheet when there is
    one) or of the file (csv), header first; `progress` told every `PROGRESS_ROWS` rows.

    `InvalidInput` (French, naming the file and the line or cell) when the file cannot be
    read as a table: too big, binary, badly encoded, badly quoted, damaged.
    """
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path, progress)
    elif suffix in (".csv", ".txt"):
        table = _read_csv(path, progress)
    else:
        raise InvalidInput(
            f"{path.name} : format non pris en charge (classeur .xlsx ou fichier .csv)."
        )
    _check_cells(table, path.name, csv=suffix not in (".xlsx", ".xlsm"))
    return table


def _too_many_rows(name: str, row: int) -> InvalidInput:
    return InvalidInput(
        f"{name} : plus de {MAX_ROWS} lignes de réponses (ligne {row}) ; "
        "découpez le fichier en plusieurs imports."
    )


def _check_cells(table: list[list[Any]], name: str, *, csv: bool) -> None:
    """Refuse a row wider than `MAX_COLUMNS` or a cell longer than `MAX_CELL`, saying where."""
    for number, row in enumerate(table, start=1):
        if len(row) > MAX_COLUMNS:
            raise InvalidInput(f"{name} : plus de {MAX_COLUMNS} colonnes (ligne {number}).")
        for column, value in enumerate(row, start=1):
            if isinstance(value, str) and len(value) > MAX_CELL:
                where = f"ligne {number}, colonne {column}" if csv else _cell(column, number)
                raise InvalidInput(
                    f"{name} : {len(value)} caractères dans une seule case ({where}), "
                    f"au plus {MAX_CELL} : ce n'est pas une réponse."
                )


def _read_xlsx(path: Path, progress: RowsRead | None) -> list[list[Any]]:
    data = read_input(path, limit=MAX_FILE_BYTES, what="un classeur de réponses")
    not_a_workbook = InvalidInput(f"{path.name} n'est pas un classeur Excel lisible (.xlsx).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise not_a_workbook from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InvalidInput(
            f"{path.name} : {megabytes(unpacked)} une fois décompressé, c'est trop gros pour "
            f"un classeur de réponses (au plus {megabytes(MAX_UNPACKED_BYTES)})."
        )
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    # openpyxl fails in many ways on a damaged or foreign archive (a missing part, bad XML,
    # a bad value in a part): each means the same to the user.
    except Exception:
        raise not_a_workbook from None
    rows: list[list[Any]] = []
    try:
        names = workbook.sheetnames
        sheet = workbook[EXPORT_SHEET] if EXPORT_SHEET in names else workbook.worksheets[0]
        # Its stated size is not trusted: one far cell would pad every row up to it.
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            row = _trimmed(values)
            if number <= MAX_ROWS + 1:
                rows.append(row)  # empty rows too: the line numbers stay right
                if progress is not None and number % PROGRESS_ROWS == 0:
                    progress(number)
            elif row:
                raise _far_cell(path.name, number, len(row))
    except InvalidInput:
        raise
    except Exception:
        raise InvalidInput(
            f"{path.name} : classeur Excel abîmé, illisible à partir de la ligne "
            f"{len(rows) + 1} ; ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau."
        ) from None
    finally:
        workbook.close()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _cell(column: int, row: int) -> str:
    """« cellule B7 », as the spreadsheet names it."""
    from openpyxl.utils import get_column_letter

    return f"cellule {get_column_letter(column)}{row}"


def _far_cell(name: str, number: int, width: int) -> InvalidInput:
    return InvalidInput(
        f"{name} : {_cell(width, number)} remplie au-delà de "
        f"{MAX_ROWS} lignes de réponses ; videz-la ou découpez le fichier."
    )


def _trimmed(values: Sequence[Any]) -> list[Any]:
    """The row without its empty cells at the end."""
    end = len(values)
    while end and (values[end - 1] is None or values[end - 1] == ""):
        end -= 1
    return list(values[:end])


def _read_csv(path: Path, progress: RowsRead | None) -> list[list[Any]]:
    data = read_input(path, limit=MAX_FILE_BYTES, what="un fichier CSV")
    if data.startswith(_ZIP_MAGIC):
        raise InvalidInput(
            f"{path.name} est un classeur ou une archive, pas un fichier CSV : "
            "s'il s'agit d'un classeur Excel, nommez-le en .xlsx."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput(
            f"{path.name} est en UTF-16 : enregistrez-le en « CSV UTF-8 » (ou en classeur .xlsx)."
        )
    text = _decoded(data, path.name)
    _refuse_binary(text, path.name)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return _csv_rows(text, delimiter, path.name, progress)


def _decoded(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_problem = exc.start
    try:
        # French Excel saves « CSV (séparateur : point-virgule) » in Windows-1252.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise InvalidInput(
            f"{name} n'est ni en UTF-8 ni en Windows-1252 (ligne {line_at(data, first_problem)}) "
            ": enregistrez-le en « CSV UTF-8 » depuis le tableur."
        ) from None


def _refuse_binary(text: str, name: str) -> None:
    """A NUL never appears in a spreadsheet's text and nearly always in binary content.

    Other control characters (a bell, the ESC of a colour code in a header) are let through:
    the import report shows them harmlessly and the store drops them.
    """
    first = text.find("\x00")
    if first >= 0:
        raise InvalidInput(
            f"{name} contient des octets binaires (ligne {line_at(text, first)}) : "
            "ce n'est pas un fichier CSV de texte."
        )


def _csv_rows(
    text: str, delimiter: str, name: str, progress: RowsRead | None = None
) -> list[list[Any]]:
    """Every record; a quote left open or misplaced is refused with the line it is on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[Any]] = []
    start = 1  # the line the next record starts on
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error as exc:
            raise _csv_error(str(exc), text, start, reader.line_num, name) from None
        if len(rows) > MAX_ROWS:
            raise _too_many_rows(name, start)
        rows.append(row)
        if progress is not None and len(rows) % PROGRESS_ROWS == 0:
            progress(len(rows))
        start = reader.line_num + 1


def _csv_error(reason: str, text: str, start: int, line: int, name: str) -> InvalidInput:
    if "field larger than field limit" in reason:
        return InvalidInput(
            f"{name} : une case de plus de {MAX_CELL} caractères (ligne {start}), ce n'est pas "
            "une réponse ; un guillemet ouvert et jamais fermé, peut-être."
        )
    if "unexpected end of data" in reason or "EOF" in reason:
        opened = open_quote_line(text, start)
        return InvalidInput(
            f"{name} : un guillemet ouvert ligne {opened} n'est jamais fermé ; "
            'corrigez cette ligne (ou doublez le guillemet : "").'
        )
    return InvalidInput(
        f"{name} : guillemet mal placé ligne {line} (du texte suit un guillemet fermant) ; "
        'corrigez cette ligne (ou doublez le guillemet : "").'
    )


def open_quote_line(text: str, start: int) -> int:
    """The line of the quote still open at the end of `text`, reading from line `start`."""
    lines = text.splitlines(keepends=True)
    quoted = False
    opened = start
    for number, line in enumerate(lines[start - 1 :], start=start):
        for char in line:
            if char == '"':
                quoted = not quoted  # a doubled quote closes then reopens: still quoted
                if quoted:
                    opened = number
    return opened


# ---------------------------------------------------------------- columns


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value).strip()


def map_columns(form: QuestionnaireForm, header: Sequence[Any], source: str) -> Columns:
    """Find the item, profile, sheet-number, id and time columns; `InvalidInput` if no item."""
    by_code = {item.code.casefold(): item.code for item in form.items}
    fields = {field.code.casefold(): field.code for field in form.profile}
    by_label = {fold(item.text): item.code for item in form.items}
    field_labels = {fold(field.label): field.code for field in form.profile}
    items: dict[str, int] = {}
    profile: dict[str, int] = {}
    sheet_number: int | None = None
    ids: dict[str, int] = {}
    times: dict[str, int] = {}
    ignored: list[str] = []

    def take(target: dict[str, int], code: str, index: int) -> None:
        if code in target:
            first, second = _cell_text(header[target[code]]), _cell_text(header[index])
            raise InvalidInput(
                f"{source} : deux colonnes pour {code} (« {first} » et « {second} »)."
            )
        target[code] = index

    for index, cell in enumerate(header):
        name = _cell_text(cell)
        if not name:
            continue
        lowered = name.casefold()
        tail = _GROUP_SEPARATORS.split(name)[-1].casefold()
        label = fold(name.rsplit("/", 1)[-1])
        if lowered in ID_COLUMNS:
            ids.setdefault(lowered, index)
        elif tail in by_code:
            take(items, by_code[tail], index)
        elif tail in fields:
            take(profile, fields[tail], index)
        elif tail in SHEET_NUMBER_HEADERS and sheet_number is None:
            sheet_number = index
        elif label in by_label:
            take(items, by_label[label], index)
        elif label in field_labels:
            take(profile, field_labels[label], index)
        elif lowered in TIME_COLUMNS:
            times.setdefault(lowered, index)
        elif not (lowered.startswith(("_", "meta/", "meta-")) or tail in METADATA_COLUMNS):
            ignored.append(name)
    if not items:
        example = form.items[0].code if form.items else "I1_V1"
        raise InvalidInput(
            f"{source} : aucune colonne ne porte un code de question du questionnaire "
            f"{form.label} (par exemple {example})."
        )
    return Columns(
        items=items,
        profile=profile,
        sheet_number=sheet_number,
        ids=tuple(ids[name] for name in ID_COLUMNS if name in ids),
        times=tuple(times[name] for name in TIME_COLUMNS if name in times),
        ignored=tuple(ignored),
    )


# ---------------------------------------------------------------- cells


def match_key(text: str) -> str:
    """What a label is compared on: case, accents, typographic apostrophes and spaces aside."""
    return " ".join(fold(text.translate(_LOOKALIKES)).split())


def whole_number(value: Any) -> int | None:
    """The whole number a cell holds (3, 3.0, « 3 », « 3,0 », « 3.0 »), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        found = _WHOLE.fullmatch(value.strip())
        return int(found.group(1)) if found else None
    return None


def answer_value(item: ItemSpec, value: Any) -> int | None:
    """The value of an answer cell (blank: sans réponse), or None when it means nothing.

    Out-of-scale numbers are returned as they are: the questionnaire check reports them.
    """
    text = _cell_text(value)
    if not text:
        return NO_ANSWER
    number = whole_number(value)
    if number is not None:
        return number
    wanted = match_key(text)
    for choice in item.choices:
        if wanted == match_key(choice.label):
            return int(choice.value)
    if wanted == match_key(item.no_answer):
        return NO_ANSWER
    return None


def profile_text(form: QuestionnaireForm, code: str, value: Any) -> str:
    """A profile cell as text; a choice's label written with other apostrophes is its value."""
    text = _cell_text(value)
    spec = form.field(code)
    if text and spec is not None and spec.kind is FieldKind.CHOICE:
        wanted = match_key(text)
        for choice in spec.choices:
            if wanted in (match_key(choice.label), match_key(choice.value)):
                return choice.value
    return text


def submission_id(row: Sequence[Any], columns: Columns) -> str | None:
    for index in columns.ids:
        text = _cell_text(row[index])
        if text:
            return text.removeprefix("uuid:")
    return None


def parse_moment(value: Any) -> datetime | None:
    """A time cell as naive UTC, or None when it is not legibly one.

    A spreadsheet's own date cell, or a date as French Excel writes it back
    (« 10/09/2026 14:26 »), is wall-clock time, as our export writes it; ISO text keeps its
    offset (« +02:00 », « +0200 », « Z »), and without one is UTC, as KoboToolbox means it.
    """
    if isinstance(value, datetime):
        return _utc(value, local=True)
    text = _cell_text(value)
    iso = _ISO_MOMENT.fullmatch(text)
    french = None if iso else _FRENCH_MOMENT.fullmatch(text)
    try:
        if iso is not None:
            year, month, day, hour, minute, second, fraction, zulu, sign, hours, minutes = (
                iso.groups()
            )
            micro = int((fraction or "0")[:6].ljust(6, "0"))
            zone: timezone | None = timezone.utc if zulu else None
            if sign:
                offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
                zone = timezone(-offset if sign == "-" else offset)
            moment = datetime(
                int(year), int(month), int(day),
                int(hour or 0), int(minute or 0), int(second or 0), micro, tzinfo=zone,
            )  # fmt: skip
            return _utc(moment, local=False)
        if french is not None:
            day, month, year, hour, minute, second = french.groups()
            moment = datetime(
                int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
            )
            return _utc(moment, local=True)
    except (ValueError, OverflowError):  # 31/02, 25:00, an offset of a day or more
        return None
    return None


def _utc(moment: datetime, *, local: bool) -> datetime:
    """Naive UTC: an aware time converted; a naive one taken as local time, or as UTC."""
    if moment.tzinfo is not None:
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    if local:
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def collected_at(row: Sequence[Any], columns: Columns) -> datetime | None:
    """When the sheet was filled in (naive UTC), if a column says so legibly."""
    for index in columns.times:
        moment = parse_moment(row[index])
        if moment is not None:
            return moment
    return None


def content_key(number: int | None, profile: dict[str, str], answers: dict[str, int]) -> str:
    """The key of a row without submission id: the same content gives the same key."""
    content = json.dumps(
        {"fiche": number, "profile": profile, "answers": answers},
        sort_keys=True,
        ensure_ascii=False,
    )
    return "hash:" + hashlib.sha256(content.encode("utf-8")).hexdigest()[:HASH_LENGTH]


# ---------------------------------------------------------------- planning


def _is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


class _RowReader:
    """Reads the answer and profile cells of rows, each distinct cell value worked out once.

    A file of a hundred thousand rows holds a few dozen distinct values per column: the
    matching of labels (folded, compared with every choice) is done per value, not per cell.
    """

    def __init__(self, form: QuestionnaireForm, columns: Columns) -> None:
        self.form = form
        self.items = [(code, index, form.item(code)) for code, index in columns.items.items()]
        self.fields = list(columns.profile.items())
        self._answers: dict[tuple[str, type, Any], int | None] = {}
        self._profiles: dict[tuple[tuple[type, Any], ...], tuple[dict[str, str], list[str]]] = {}

    def is_blank(self, row: Sequence[Any]) -> bool:
        """No answer and no profile cell filled in (a number or an id alone does not count)."""
        return all(_is_empty(row[index]) for _, index, _ in self.items) and all(
            _is_empty(row[index]) for _, index in self.fields
        )

    def answers(self, row: Sequence[Any], problems: list[str]) -> dict[str, int | None]:
        read: dict[str, int | None] = {}
        cache = self._answers
        for code, index, item in self.items:
            cell = row[index]
            key = (code, type(cell), cell)
            if key not in cache:
                assert item is not None  # map_columns only maps codes of the form
                cache[key] = answer_value(item, cell)
            value = cache[key]
            if value is None:
                problems.append(f"{code} : « {_cell_text(cell)} » n'est pas une réponse connue")
            else:
                read[code] = value
        return read

    def profile(self, row: Sequence[Any]) -> tuple[dict[str, str], list[str]]:
        cells = tuple((type(row[index]), row[index]) for _, index in self.fields)
        if cells not in self._profiles:
            given = {code: profile_text(self.form, code, row[index]) for code, index in self.fields}
            self._profiles[cells] = clean_profile(self.form, given)
        profile, problems = self._profiles[cells]
        return dict(profile), list(problems)


def _sheet_number(row: Sequence[Any], columns: Columns, problems: list[str]) -> int | None:
    if columns.sheet_number is None:
        return None
    cell = row[columns.sheet_number]
    text = _cell_text(cell)
    if not text:
        return None
    number = whole_number(cell)
    if number is None:
        problems.append(f"{SHEET_NUMBER_COLUMN} : « {text} » n'est pas un numéro de fiche")
        return None
    problem = sheet_number_problem(number)
    if problem:
        problems.append(problem)
    return number


def plan_import(
    form: QuestionnaireForm,
    table: Sequence[Sequence[Any]],
    columns: Columns,
    known_keys: set[str],
    used_numbers: set[int],
) -> Plan:
    """Sort every data row into added, duplicate, blank or rejected (with its reasons)."""
    plan = Plan()
    keys = set(known_keys)
    numbers = set(used_numbers)
    width = len(table[0]) if table else 0
    reader = _RowReader(form, columns)
    end = len(table)
    while end > 1 and all(_is_empty(cell) for cell in table[end - 1]):
        end -= 1  # empty lines after the last row are no one's business
    for offset, raw in enumerate(table[1:end], start=2):
        row = list(raw) + [None] * (width - len(raw))
        if reader.is_blank(row):
            plan.blank.append(offset)
            continue
        plan.rows += 1
        given_id = submission_id(row, columns)
        if given_id is not None and f"id:{given_id}" in keys:
            plan.duplicates.append(offset)
            continue
        problems: list[str] = []
        number = _sheet_number(row, columns, problems)
        answers = reader.answers(row, problems)
        profile, profile_problems = reader.profile(row)
        cleaned, answer_problems = clean_answers(form, answers)
        problems += profile_problems + answer_problems
        if problems:
            plan.rejected.append(RejectedRow(offset, tuple(problems)))
            continue
        source_key = (
            f"id:{given_id}" if given_id is not None else content_key(number, profile, cleaned)
        )
        if source_key in keys:
            plan.duplicates.append(offset)
            continue
        if number is not None and number in numbers:
            reason = f"la fiche n° {number} est déjà saisie"
            plan.rejected.append(RejectedRow(offset, (reason,)))
            continue
        keys.add(source_key)
        if number is not None:
            numbers.add(number)
        sheet = ReadSheet(number, profile, dict(cleaned), collected_at(row, columns))
        plan.to_add.append((offset, sheet, source_key))
    return plan


def read_answers(
    form: QuestionnaireForm,
    path: Path,
    known_keys: set[str],
    used_numbers: set[int],
    progress: RowsRead | None = None,
) -> tuple[Columns, Plan]:
    """Read `path` against `form` and plan every row: added, duplicate (of `known_keys`, or
    earlier in the file), blank or rejected; `InvalidInput` (French) when the file cannot be
    used. `progress` is told how many rows were read, every `PROGRESS_ROWS` rows."""
    table = read_table(path, progress)
    if not table or not any(_cell_text(cell) for cell in table[0]):
        raise InvalidInput(f"{path.name} est vide : la première ligne doit porter les codes.")
    columns = map_columns(form, table[0], path.name)
    return columns, plan_import(form, table, columns, known_keys, used_numbers)
