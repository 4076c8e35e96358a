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


def read_table(path: Path) -> list[list[Any]]:
    """The rows of the first sheet (xlsx) or of the file (csv), header first."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise InvalidInput(f"{path.name} : format non pris en charge (classeur .xlsx ou fichier .csv).")


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InvalidInput(f"Fichier introuvable : {path}.") from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError):
        raise InvalidInput(f"{path.name} n'est pas un classeur Excel lisible.") from None
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _read_csv(path: Path) -> list[list[Any]]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"Fichier introuvable : {path}.") from None
    except OSError as exc:
        raise InvalidInput(f"{path.name} ne peut pas être lu ({exc.strerror}).") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # French Excel saves « CSV (séparateur : point-virgule) » in Windows-1252.
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


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
