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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from vitalite_tui.domain.questionnaire_form import (
    NO_ANSWER,
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
#: Columns holding when the sheet was filled in, best first.
TIME_COLUMNS = ("end", "_submission_time", "submissiondate", "start", "today")
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
    }
)
#: Group prefixes: codes never hold these characters, so what follows the last one is the code.
_GROUP_SEPARATORS = re.compile(r"[/.\-]")
_INTEGER = re.compile(r"[+-]?\d+")
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


# ---------------------------------------------------------------- reading the file

#: A file of answers holds hundreds of sheets, a few thousand at most: far more is not one.
MAX_FILE_BYTES = 20_000_000
#: What the parts of a workbook may unpack to (a small archive can unpack to gigabytes).
MAX_UNPACKED_BYTES = 200_000_000
MAX_ROWS = 20_000
MAX_COLUMNS = 1_000
#: Answers are codes and short words; a free-text column may hold a paragraph, not a book.
MAX_CELL = 10_000
#: What a CSV starts with when it is really a workbook or another archive.
_ZIP_MAGIC = b"PK\x03\x04"


def read_table(path: Path) -> list[list[Any]]:
    """The rows of the first sheet (xlsx) or of the file (csv), header first.

    `InvalidInput` (French, naming the file and the line or cell) when the file cannot be
    read as a table: too big, binary, badly encoded, badly quoted, damaged.
    """
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        table = _read_csv(path)
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


def _read_xlsx(path: Path) -> list[list[Any]]:
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
        sheet = workbook.worksheets[0]
        # Its stated size is not trusted: one far cell would pad every row up to it.
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            row = _trimmed(values)
            if number <= MAX_ROWS + 1:
                rows.append(row)  # empty rows too: the line numbers stay right
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


def _read_csv(path: Path) -> list[list[Any]]:
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
    return _csv_rows(text, delimiter, path.name)


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


def _csv_rows(text: str, delimiter: str, name: str) -> list[list[Any]]:
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
        elif tail == SHEET_NUMBER_COLUMN and sheet_number is None:
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


def answer_value(item: ItemSpec, value: Any) -> int | None:
    """The value of an answer cell (blank: sans réponse), or None when it means nothing.

    Out-of-scale numbers are returned as they are: the questionnaire check reports them.
    """
    text = _cell_text(value)
    if not text:
        return NO_ANSWER
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if _INTEGER.fullmatch(text):
        return int(text)
    wanted = fold(text)
    for choice in item.choices:
        if wanted == fold(choice.label):
            return int(choice.value)
    if wanted == fold(item.no_answer):
        return NO_ANSWER
    return None


def submission_id(row: Sequence[Any], columns: Columns) -> str | None:
    for index in columns.ids:
        text = _cell_text(row[index])
        if text:
            return text.removeprefix("uuid:")
    return None


def collected_at(row: Sequence[Any], columns: Columns) -> datetime | None:
    """When the sheet was filled in (naive UTC), if a column says so legibly."""
    for index in columns.times:
        value = row[index]
        moment: datetime | None = value if isinstance(value, datetime) else None
        if moment is None:
            text = _cell_text(value)
            try:
                moment = datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
            except ValueError:
                moment = None
        if moment is not None:
            if moment.tzinfo is not None:
                moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
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


def plan_import(
    form: QuestionnaireForm,
    table: Sequence[Sequence[Any]],
    columns: Columns,
    known_keys: set[str],
    used_numbers: set[int],
) -> Plan:
    """Sort every data row into added, duplicate or rejected (with its reasons)."""
    plan = Plan()
    keys = set(known_keys)
    numbers = set(used_numbers)
    width = len(table[0]) if table else 0
    for offset, raw in enumerate(table[1:], start=2):
        row = list(raw) + [None] * (width - len(raw))
        if not any(_cell_text(cell) for cell in row):
            continue
        plan.rows += 1
        given_id = submission_id(row, columns)
        if given_id is not None and f"id:{given_id}" in keys:
            plan.duplicates.append(offset)
            continue
        problems: list[str] = []
        number: int | None = None
        if columns.sheet_number is not None:
            text = _cell_text(row[columns.sheet_number])
            if text and _INTEGER.fullmatch(text):
                number = int(text)
                problem = sheet_number_problem(number)
                if problem:
                    problems.append(problem)
            elif text:
                problems.append(f"{SHEET_NUMBER_COLUMN} : « {text} » n'est pas un numéro de fiche")
        answers: dict[str, int | None] = {}
        for code, index in columns.items.items():
            item = form.item(code)
            assert item is not None  # map_columns only maps codes of the form
            value = answer_value(item, row[index])
            if value is None:
                problems.append(
                    f"{code} : « {_cell_text(row[index])} » n'est pas une réponse connue"
                )
            else:
                answers[code] = value
        profile, profile_problems = clean_profile(
            form, {code: _cell_text(row[index]) for code, index in columns.profile.items()}
        )
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
    form: QuestionnaireForm, path: Path, known_keys: set[str], used_numbers: set[int]
) -> tuple[Columns, Plan]:
    """Read `path` against `form` and plan every row: added, duplicate (of `known_keys`, or
    earlier in the file) or rejected; `InvalidInput` (French) when the file cannot be used."""
    table = read_table(path)
    if not table or not any(_cell_text(cell) for cell in table[0]):
        raise InvalidInput(f"{path.name} est vide : la première ligne doit porter les codes.")
    columns = map_columns(form, table[0], path.name)
    return columns, plan_import(form, table, columns, known_keys, used_numbers)
