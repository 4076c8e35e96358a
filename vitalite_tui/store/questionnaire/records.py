"""Plain records of step 3 (answer sheets, verification, import, barometer): no peewee."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from vitalite_tui.domain.barometer import IndicatorBarometer
from vitalite_tui.domain.questionnaire_form import NO_ANSWER, QuestionnaireForm
from vitalite_tui.domain.text import plural

if TYPE_CHECKING:
    from vitalite_tui.formats.answers_reader import RejectedRow


class SheetMode(str, Enum):
    """How a sheet reached the database."""

    PAPER = "papier"  # typed from a paper sheet
    IMPORT = "import"  # read from a spreadsheet (our template, KoboToolbox, ODK)

    @property
    def label(self) -> str:
        return {"papier": "saisie papier", "import": "import"}[self.value]


@dataclass(frozen=True)
class SheetDraft:
    """A sheet as typed (or retyped): values not yet checked against the questionnaire.

    `answers` maps item codes to 1 … k, or 0 (or None, or absent) for « sans réponse ».
    `profile` maps profile field codes to what was written; blanks are dropped.
    """

    sheet_number: int | None
    profile: Mapping[str, str] = field(default_factory=dict)
    answers: Mapping[str, int | None] = field(default_factory=dict)
    mode: SheetMode = SheetMode.PAPER
    collected_at: datetime | None = None  # naive UTC; None when unknown (paper)


@dataclass(frozen=True)
class SheetRecord:
    """A stored sheet, with every item of its questionnaire (0: sans réponse)."""

    id: str
    demarche_id: str
    questionnaire_code: str
    questionnaire_version: str
    sheet_number: int | None
    profile: dict[str, str]
    answers: dict[str, int]
    mode: SheetMode
    collected_at: datetime | None
    verified_at: datetime | None
    created_at: datetime
    updated_at: datetime
    deleted: bool = False

    @property
    def answered(self) -> int:
        """How many items were answered (not « sans réponse »)."""
        return sum(1 for value in self.answers.values() if value != NO_ANSWER)

    @property
    def verified(self) -> bool:
        return self.verified_at is not None

    def draft(self) -> SheetDraft:
        return SheetDraft(
            sheet_number=self.sheet_number,
            profile=dict(self.profile),
            answers={code: value for code, value in self.answers.items()},
            mode=self.mode,
            collected_at=self.collected_at,
        )


@dataclass(frozen=True)
class SheetLine:
    """A sheet as the list of step 3 shows it: how many items were answered, not the answers."""

    id: str
    sheet_number: int | None
    profile: dict[str, str]
    mode: SheetMode
    verified: bool
    created_at: datetime
    answered: int
    asked: int


class DifferenceKind(str, Enum):
    SHEET_NUMBER = "sheet_number"
    PROFILE = "profile"
    ANSWER = "answer"


@dataclass(frozen=True)
class Difference:
    """Where a retyped sheet disagrees with the stored one (verification mode).

    `stored` and `retyped` are the values as stored: int for answers and the sheet number,
    text for profile fields ("" when blank). `label` says what it is, in French.
    """

    kind: DifferenceKind
    code: str  # item or profile field code; "" for the sheet number
    label: str
    stored: int | str | None
    retyped: int | str | None
    stored_text: str
    retyped_text: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did: nothing is skipped without being listed here."""

    source: str  # the file's name
    questionnaire: str  # « sociabilite 1.0 »
    rows: int  # data rows read (blank rows are not counted)
    added: int
    duplicates: tuple[int, ...]  # rows already in the database or earlier in the file
    rejected: tuple[RejectedRow, ...]
    ignored_columns: tuple[str, ...] = ()  # headers that are neither codes nor known metadata
    missing_items: tuple[str, ...] = ()  # item codes with no column: stored as sans réponse
    sheet_ids: tuple[str, ...] = ()
    blank: tuple[int, ...] = ()  # rows with no answer and no profile, skipped
    numbered: tuple[tuple[int, int], ...] = ()  # (row, number given) for rows without one

    def lines(self) -> list[str]:
        """The report in French, one line per fact, rejected rows one by one."""
        lines = [
            f"Import de {self.source} (questionnaire {self.questionnaire}) : "
            f"{plural(self.rows, 'ligne lue', 'lignes lues')}.",
            f"  {plural(self.added, 'fiche ajoutée', 'fiches ajoutées')}",
        ]
        if self.duplicates:
            lines.append(
                f"  {plural(len(self.duplicates), 'doublon ignoré', 'doublons ignorés')}"
                f" ({_rows(self.duplicates)})"
            )
        if self.blank:
            lines.append(
                f"  {plural(len(self.blank), 'ligne vide ignorée', 'lignes vides ignorées')}"
                f" ({_rows(self.blank)})"
            )
        if self.numbered:
            rows = [row for row, _ in self.numbered]
            numbers = [number for _, number in self.numbered]
            lines.append(
                f"  {plural(len(rows), 'fiche sans numéro', 'fiches sans numéro')}, "
                f"{'numérotée' if len(rows) == 1 else 'numérotées'} à l'import : "
                f"{_numbers(numbers)} ({_rows(rows)})"
            )
        if self.rejected:
            lines.append(f"  {plural(len(self.rejected), 'ligne refusée', 'lignes refusées')} :")
            lines.extend(f"    {rejected.message}" for rejected in self.rejected)
        if self.missing_items:
            lines.append(
                "  Questions absentes du fichier (comptées sans réponse) : "
                + ", ".join(self.missing_items)
            )
        if self.ignored_columns:
            lines.append("  Colonnes ignorées : " + ", ".join(self.ignored_columns))
        return lines


#: Rows listed in a report before « … and N more »: a hundred thousand would drown it.
LISTED_ROWS = 30


def _rows(rows: Sequence[int]) -> str:
    """« ligne 4 », « lignes 2, 3, 7 », « lignes 2, 3, … (et 998 autres) »."""
    word = "ligne" if len(rows) == 1 else "lignes"
    shown = ", ".join(str(row) for row in rows[:LISTED_ROWS])
    more = len(rows) - LISTED_ROWS
    return f"{word} {shown}" + (f", … (et {more} autres)" if more > 0 else "")


def _numbers(numbers: Sequence[int]) -> str:
    """« n° 12 », « n° 12 à 40 » when they follow one another, else « n° 12, 14, … »."""
    if len(numbers) > 1 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"n° {numbers[0]} à {numbers[-1]}"
    return (
        "n° "
        + ", ".join(str(n) for n in numbers[:LISTED_ROWS])
        + (", …" if len(numbers) > LISTED_ROWS else "")
    )


class ImportProgress(Protocol):
    """Told how an import goes: rows read from the file, then sheets stored."""

    def rows_read(self, rows: int) -> None: ...

    def sheets_stored(self, done: int, total: int) -> None: ...


@dataclass(frozen=True)
class SegmentChoice:
    """A profile field the barometer can be split by."""

    code: str
    label: str


@dataclass(frozen=True)
class SegmentBarometer:
    """The barometer of the sheets sharing one value of the segment field."""

    value: str  # stored value ("" when not given)
    label: str  # French label (« 75 ans et plus », « non renseigné »)
    sheets: int
    indicators: list[IndicatorBarometer]


@dataclass(frozen=True)
class MeasuredBarometer:
    """The barometer computed from a démarche's stored sheets."""

    questionnaire: str  # « sociabilite 1.0 »: the definition the sheets are scored with
    sheets: int  # sheets counted
    #: Sheets typed against a definition that scores differently, hence left out.
    left_out: int
    indicators: list[IndicatorBarometer]
    segment: SegmentChoice | None = None
    segments: list[SegmentBarometer] = field(default_factory=list)
    #: Values held by too few sheets to be shown apart, pooled in « autres »…
    pooled: int = 0
    #: …or, when even pooled they are too few, sheets in no segment at all.
    hidden: int = 0


@dataclass(frozen=True)
class QuestionnaireExport:
    """What the workbook shows of step 3: every live sheet, its definition, the barometer."""

    form: QuestionnaireForm  # the démarche's current definition (the barometer's)
    #: Every definition the sheets were typed against, the current one first.
    forms: list[QuestionnaireForm]
    sheets: list[SheetRecord]  # in number order
    barometer: MeasuredBarometer
    #: The barometer split by each profile field of `form`, in the questionnaire's order.
    segments: list[MeasuredBarometer]


@dataclass(frozen=True)
class SecondEntry:
    """A sheet typed on two laptops that differ: the typing kept, and the other one (set
    aside by the merge of bundles) to compare with it in the verification."""

    sheet_id: str
    second_id: str
    sheet_number: int
