"""Questionnaire sheets (step 3): typed, imported, corrected, verified by retyping, removed.

A sheet's answers always keep the questionnaire definition (id and version) they were
typed against: the démarche's chosen one, or the shipped default, chosen at the first sheet.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from peewee import Field, fn

from vitalite_tui.db.models import (
    Answer,
    BaseModel,
    Demarche,
    Questionnaire,
    Response,
    db,
    utcnow,
)
from vitalite_tui.domain.questionnaire_form import (
    NO_ANSWER,
    QuestionnaireForm,
    choice_label,
    clean_answers,
    clean_profile,
    form_from_definition,
    sheet_number_problem,
)
from vitalite_tui.domain.text import plural
from vitalite_tui.errors import InvalidInput, NotFound, StorageFailure, VitaliteError
from vitalite_tui.formats.schemas import load_json
from vitalite_tui.paths import schemas_dir
from vitalite_tui.store.base import as_uuid, demarche_row, key, live, soft_delete, writing
from vitalite_tui.store.batches import PACE, Pace, write_in_batches
from vitalite_tui.store.exchange.versions import BY_THE_MERGE
from vitalite_tui.store.questionnaire.definitions import check_definition, register_definition
from vitalite_tui.store.questionnaire.records import (
    Difference,
    DifferenceKind,
    ImportProgress,
    ImportReport,
    SecondEntry,
    SheetDraft,
    SheetLine,
    SheetMode,
    SheetRecord,
)
from vitalite_tui.store.questionnaire.sheets import read_sheet_lines, read_sheets

if TYPE_CHECKING:
    from vitalite_tui.store.preparation.steps import Steps

#: The definition used when a démarche has not chosen one at step 2.
DEFAULT_CODE = "sociabilite"
DEFAULT_VERSION = "1.0"
DEFAULT_FILE = "questionnaire-sociabilite.json"


#: Sheets an import writes at a time: whole sheets, a few milliseconds of work, so that a
#: batch ends close to its pace on any laptop.
IMPORT_UNIT = 50

#: Told how many of an import's sheets are stored so far, and how many there are in all.
SheetsStored = Callable[[int, int], None]

QUESTIONNAIRE_STEP = 3


def default_definition() -> dict[str, Any]:
    """The shipped questionnaire de sociabilité."""
    path = schemas_dir() / DEFAULT_FILE
    definition = check_definition(load_json(path), path.name)
    if (definition["id"], definition["version"]) != (DEFAULT_CODE, DEFAULT_VERSION):
        raise NotFound(f"Questionnaire {DEFAULT_CODE} version {DEFAULT_VERSION} introuvable.")
    return definition


def definition_row(demarche: Demarche) -> Questionnaire:
    """The definition the démarche types against; the default one is chosen if none was.

    Call inside a write transaction. Step 2's status is left alone: nobody chose, the
    program did.
    """
    if demarche.questionnaire_id is not None:
        row: Questionnaire = Questionnaire.get_by_id(demarche.questionnaire_id)
        return row
    row = register_definition(default_definition())
    demarche.questionnaire = row
    demarche.save()
    return row


def questionnaire_form(questionnaire: Questionnaire, demarche: Demarche) -> QuestionnaireForm:
    """The records of a stored definition, with the démarche's communes."""
    return form_from_definition(questionnaire.definition, demarche.communes)


@dataclass(frozen=True)
class CleanSheet:
    """A sheet checked against its questionnaire, ready to be written."""

    sheet_number: int | None
    profile: dict[str, str]
    answers: dict[str, int]  # every item of the form; 0: sans réponse
    mode: SheetMode = SheetMode.PAPER
    collected_at: datetime | None = None
    source_key: str | None = None
    verified_at: datetime | None = None


def check_sheet(form: QuestionnaireForm, draft: SheetDraft) -> CleanSheet:
    """The sheet as it will be stored; `InvalidInput` listing every problem, in French."""
    profile, problems = clean_profile(form, draft.profile)
    answers, answer_problems = clean_answers(form, draft.answers)
    number_problem = sheet_number_problem(draft.sheet_number)
    problems = ([number_problem] if number_problem else []) + problems + answer_problems
    try:
        mode = SheetMode(draft.mode)
    except ValueError:
        problems.append(f"mode de saisie inconnu : « {draft.mode} »")
        mode = SheetMode.PAPER
    if problems:
        text = " ; ".join(problems)
        raise InvalidInput(f"Fiche non enregistrée : {text}.")
    return CleanSheet(draft.sheet_number, profile, answers, mode, draft.collected_at)


def sequential_ids(count: int) -> list[str]:
    """`count` version-4 UUIDs (32 hex digits) that follow one another: a random one, then
    the next ones.

    Random ids land all over the id indexes, a page read and written per row once the
    table outgrows SQLite's cache (a hundred thousand imported sheets are millions of
    answers); ids that follow one another fill a few pages. 90 random bits stay, and the
    low 32 only count: ids stay unique across laptops.
    """
    start = uuid.uuid4().int & ~0xFFFFFFFF
    return [f"{number:032x}" for number in range(start, start + min(count, 1 << 32))]


def _insert_sql(model: type[BaseModel], fields: Sequence[Field]) -> str:
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join("?" for _ in fields)
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'


#: One sheet, its values in the order of these columns (the others keep their defaults).
_INSERT_RESPONSE = _insert_sql(
    Response,
    (
        Response.id,
        Response.created_at,
        Response.updated_at,
        Response.demarche,
        Response.questionnaire,
        Response.sheet_number,
        Response.profile,
        Response.collected_at,
        Response.mode,
        Response.source_key,
        Response.verified_at,
    ),
)
#: One answer: id, made, changed, sheet, item, value.
_INSERT_ANSWER = _insert_sql(
    Answer,
    (
        Answer.id,
        Answer.created_at,
        Answer.updated_at,
        Answer.response,
        Answer.item_code,
        Answer.value,
    ),
)


def insert_sheets(
    demarche: Demarche, questionnaire: Questionnaire, sheets: Sequence[CleanSheet]
) -> list[str]:
    """Bulk insert of checked sheets (inside the caller's transaction); their new ids.

    One prepared statement per table, run for every row: peewee would build the SQL text
    of each chunk of rows anew, most of an import's time under the write lock. The values
    are those peewee passes: ids as the 32 hex digits a `UUIDField` stores, times as the
    text SQLite's adapter makes of a `datetime`, the profile as `JSONField` writes it;
    « sans réponse » (0) as NULL.
    """
    now = utcnow().isoformat(" ")
    ids = sequential_ids(len(sheets))
    demarche_hex, questionnaire_hex = demarche.id.hex, questionnaire.id.hex
    db.execute_many(
        _INSERT_RESPONSE,
        (
            (
                sheet_id,
                now,
                now,
                demarche_hex,
                questionnaire_hex,
                sheet.sheet_number,
                json.dumps(sheet.profile, ensure_ascii=False),
                _when(sheet.collected_at),
                sheet.mode.value,
                sheet.source_key,
                _when(sheet.verified_at),
            )
            for sheet_id, sheet in zip(ids, sheets, strict=True)
        ),
    )
    answer_ids = iter(sequential_ids(sum(len(sheet.answers) for sheet in sheets)))
    db.execute_many(
        _INSERT_ANSWER,
        (
            (next(answer_ids), now, now, sheet_id, code, value or None)
            for sheet_id, sheet in zip(ids, sheets, strict=True)
            for code, value in sheet.answers.items()
        ),
    )
    return [str(uuid.UUID(sheet_id)) for sheet_id in ids]


def _when(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(" ")


def _answer_rows(response_id: uuid.UUID, sheet: CleanSheet) -> list[dict[str, Any]]:
    """One row per item; « sans réponse » (0) is stored as NULL."""
    return [
        {"response": response_id, "item_code": code, "value": value or None}
        for code, value in sheet.answers.items()
    ]


def _value_text(form: QuestionnaireForm, kind: DifferenceKind, code: str, value: Any) -> str:
    """How a difference shows a value: « 3 · Plutôt d'accord », « 75 ans et plus »."""
    if kind is DifferenceKind.ANSWER:
        item = form.item(code)
        if item is None:
            return str(value)
        label = item.no_answer if value == NO_ANSWER else choice_label(item.choices, str(value))
        return f"{value} · {label}"
    if value in (None, ""):
        return "(vide)"
    field = form.field(code) if kind is DifferenceKind.PROFILE else None
    return choice_label(field.choices, str(value)) if field else str(value)


def differences(
    form: QuestionnaireForm, stored: CleanSheet, retyped: CleanSheet
) -> list[Difference]:
    """What differs between two versions of a sheet, in the order of the paper sheet."""
    pairs: list[tuple[DifferenceKind, str, str, Any, Any]] = [
        (DifferenceKind.SHEET_NUMBER, "", "N° de fiche", stored.sheet_number, retyped.sheet_number)
    ]
    pairs += [
        (
            DifferenceKind.PROFILE,
            field.code,
            field.label,
            stored.profile.get(field.code, ""),
            retyped.profile.get(field.code, ""),
        )
        for field in form.profile
    ]
    pairs += [
        (
            DifferenceKind.ANSWER,
            item.code,
            f"{item.code} · {item.text}",
            stored.answers.get(item.code, NO_ANSWER),
            retyped.answers.get(item.code, NO_ANSWER),
        )
        for item in form.items
    ]
    return [
        Difference(
            kind=kind,
            code=code,
            label=label,
            stored=old,
            retyped=new,
            stored_text=_value_text(form, kind, code, old),
            retyped_text=_value_text(form, kind, code, new),
        )
        for kind, code, label, old, new in pairs
        if old != new
    ]


def _apply(sheet: CleanSheet, difference: Difference) -> CleanSheet:
    """The sheet with the retyped value of one difference, unless it changed meanwhile."""
    if difference.kind is DifferenceKind.SHEET_NUMBER:
        current: Any = sheet.sheet_number
    elif difference.kind is DifferenceKind.PROFILE:
        current = sheet.profile.get(difference.code, "")
    else:
        current = sheet.answers.get(difference.code, NO_ANSWER)
    if current != difference.stored:
        raise InvalidInput(
            "La fiche a été modifiée depuis la vérification : relancez la vérification."
        )
    if difference.kind is DifferenceKind.SHEET_NUMBER:
        return replace(sheet, sheet_number=cast("int | None", difference.retyped))
    if difference.kind is DifferenceKind.PROFILE:
        profile = dict(sheet.profile)
        profile[difference.code] = str(difference.retyped or "")
        return replace(sheet, profile={k: v for k, v in profile.items() if v})
    answers = dict(sheet.answers)
    answers[difference.code] = cast("int", difference.retyped)
    return replace(sheet, answers=answers)


def _stopped_after(exc: InvalidInput | StorageFailure, kept: int) -> VitaliteError:
    """`exc` said of an import cut short once `kept` sheets were committed: they stay."""
    stopped = (
        f"l'import s'est arrêté après {plural(kept, 'fiche enregistrée', 'fiches enregistrées')}"
    )
    again = "les fiches déjà importées ne seront pas reprises"
    if NOTHING_STORED in exc.message:
        # A failure of the base says nothing was stored (true of the last batch only), then
        # what to do before trying again.
        text = exc.message.replace(NOTHING_STORED, stopped)
        return type(exc)(f"{text.removesuffix('.')} ({again}).")
    return type(exc)(
        f"{exc.message.removesuffix('.')} : {stopped} ; relancez-le pour ajouter les autres "
        f"({again})."
    )


#: What a failure of the base says of the write it stopped (`db/failures.py`).
NOTHING_STORED = "rien n'a été enregistré"


class Responses:
    """Answer sheets of a démarche. Removal is soft: a removed sheet can be restored."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps
        # Definitions never change once stored (id + version), so their forms are cached.
        self._forms: dict[tuple[str, str, tuple[str, ...]], QuestionnaireForm] = {}

    # ------------------------------------------------------------ the questionnaire

    def _form(self, definition: dict[str, Any], communes: Iterable[str]) -> QuestionnaireForm:
        cache_key = (str(definition["id"]), str(definition["version"]), tuple(communes))
        form = self._forms.get(cache_key)
        if form is None:
            form = self._forms[cache_key] = form_from_definition(definition, cache_key[2])
        return form

    def _row_form(self, questionnaire: Questionnaire, demarche: Demarche) -> QuestionnaireForm:
        return self._form(questionnaire.definition, demarche.communes)

    def form(self, demarche_id: str) -> QuestionnaireForm:
        """What the next sheet is typed against: the chosen definition, else the default."""
        demarche = demarche_row(demarche_id)
        if demarche.questionnaire_id is not None:
            return self._row_form(Questionnaire.get_by_id(demarche.questionnaire_id), demarche)
        return self._form(default_definition(), demarche.communes)

    def sheet_form(self, sheet_id: str) -> QuestionnaireForm:
        """What this sheet was typed against (perhaps an earlier definition)."""
        row = live(Response, sheet_id, "Fiche")
        return self._row_form(row.questionnaire, row.demarche)

    # ------------------------------------------------------------ writing

    def save_sheet(self, demarche_id: str, draft: SheetDraft) -> str:
        """Store a new sheet; `InvalidInput` (French) if a value is not on the questionnaire."""
        with writing():
            demarche = demarche_row(demarche_id)
            questionnaire = definition_row(demarche)
            sheet = check_sheet(self._row_form(questionnaire, demarche), draft)
            self._check_number_free(demarche, sheet.sheet_number)
            (sheet_id,) = insert_sheets(demarche, questionnaire, [sheet])
            self._steps.touch(demarche_id, QUESTIONNAIRE_STEP)
        return sheet_id

    def update_sheet(self, sheet_id: str, draft: SheetDraft) -> None:
        """Correct a sheet, against its own definition; once changed it is no longer verified."""
        with writing():
            row = live(Response, sheet_id, "Fiche")
            form = self._row_form(row.questionnaire, row.demarche)
            sheet = check_sheet(form, draft)
            self._write(row, sheet, verified=False)

    def _write(self, row: Response, sheet: CleanSheet, *, verified: bool) -> None:
        before = self._clean(row, self._row_form(row.questionnaire, row.demarche))
        self._check_number_free(row.demarche, sheet.sheet_number, row.id)
        changed = (before.sheet_number, before.profile, before.answers) != (
            sheet.sheet_number,
            sheet.profile,
            sheet.answers,
        )
        row.sheet_number = sheet.sheet_number
        row.profile = sheet.profile
        row.mode = sheet.mode.value
        row.collected_at = sheet.collected_at
        if verified:
            row.verified_at = utcnow()
        elif changed:
            row.verified_at = None
        row.save()
        Answer.delete().where(Answer.response == row).execute()
        Answer.insert_many(_answer_rows(row.id, sheet)).execute()

    @staticmethod
    def _check_number_free(
        demarche: Demarche, number: int | None, except_id: uuid.UUID | None = None
    ) -> None:
        if number is None:
            return
        query = Response.select().where(
            (Response.demarche == demarche)
            & (Response.sheet_number == number)
            & Response.deleted_at.is_null()
        )
        if except_id is not None:
            query = query.where(Response.id != except_id)
        if query.exists():
            raise InvalidInput(f"La fiche n° {number} est déjà saisie.")

    def remove(self, sheet_id: str) -> None:
        with writing():
            soft_delete(live(Response, sheet_id, "Fiche"))

    def restore(self, sheet_id: str) -> None:
        with writing():
            row = Response.get_or_none(Response.id == as_uuid(sheet_id))
            if row is None or row.deleted_at is None:
                return
            self._check_number_free(row.demarche, row.sheet_number, row.id)
            row.deleted_at = None
            row.save()

    # ------------------------------------------------------------ reading

    def _clean(self, row: Response, form: QuestionnaireForm) -> CleanSheet:
        """A stored sheet in the shape `check_sheet` gives (every item of its form)."""
        stored = {a.item_code: a.value for a in Answer.select().where(Answer.response == row)}
        return self._clean_from(row, form, stored)

    @staticmethod
    def _clean_from(
        row: Response, form: QuestionnaireForm, stored: dict[str, int | None]
    ) -> CleanSheet:
        answers = {item.code: stored.get(item.code) or NO_ANSWER for item in form.items}
        return CleanSheet(
            sheet_number=row.sheet_number,
            profile=dict(row.profile),
            answers=answers,
            mode=SheetMode(row.mode),
            collected_at=row.collected_at,
            source_key=row.source_key,
            verified_at=row.verified_at,
        )

    @staticmethod
    def _record(
        row: Response, demarche: Demarche, form: QuestionnaireForm, sheet: CleanSheet
    ) -> SheetRecord:
        return SheetRecord(
            id=key(row),
            demarche_id=key(demarche),
            questionnaire_code=form.code,
            questionnaire_version=form.version,
            sheet_number=sheet.sheet_number,
            profile=sheet.profile,
            answers=sheet.answers,
            mode=sheet.mode,
            collected_at=sheet.collected_at,
            verified_at=sheet.verified_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            deleted=row.deleted_at is not None,
        )

    def get(self, sheet_id: str) -> SheetRecord:
        row = live(Response, sheet_id, "Fiche")
        demarche = row.demarche
        form = self._row_form(row.questionnaire, demarche)
        return self._record(row, demarche, form, self._clean(row, form))

    def all(self, demarche_id: str, include_removed: bool = False) -> list[SheetRecord]:
        """Sheets in number order (unnumbered last, by entry time), with their answers."""
        return [record for record, _ in self.all_with_forms(demarche_id, include_removed)]

    def all_with_forms(
        self, demarche_id: str, include_removed: bool = False
    ) -> list[tuple[SheetRecord, QuestionnaireForm]]:
        """`all`, each sheet with the definition it was typed against."""
        return read_sheets(
            demarche_row(demarche_id), self._row_form, include_removed=include_removed
        )

    def lines(self, demarche_id: str) -> list[tuple[SheetLine, QuestionnaireForm]]:
        """Live sheets in number order as a list shows them (answers counted, not read)."""
        return read_sheet_lines(demarche_row(demarche_id), self._row_form)

    def count(self, demarche_id: str) -> int:
        demarche = demarche_row(demarche_id)
        return int(
            Response.select()
            .where((Response.demarche == demarche) & Response.deleted_at.is_null())
            .count()
        )

    def typed_since(self, demarche_id: str, since: datetime) -> int:
        """Live sheets typed from paper since `since` (naive UTC): « fiches saisies ce soir »."""
        demarche = demarche_row(demarche_id)
        return int(
            Response.select()
            .where(
                (Response.demarche == demarche)
                & Response.deleted_at.is_null()
                & (Response.mode == SheetMode.PAPER.value)
                & (Response.created_at >= since)
            )
            .count()
        )

    def next_sheet_number(self, demarche_id: str) -> int:
        """One more than the highest number of a live sheet (1 for the first)."""
        demarche = demarche_row(demarche_id)
        highest = (
            Response.select(fn.MAX(Response.sheet_number))
            .where((Response.demarche == demarche) & Response.deleted_at.is_null())
            .scalar()
        )
        return int(highest or 0) + 1

    # ------------------------------------------------------------ verification

    def verify(self, sheet_id: str, retyped: SheetDraft) -> list[Difference]:
        """Compare a second typing with the stored sheet; nothing is written.

        An empty list means the two typings agree: call `mark_verified`. Otherwise show the
        differences one by one and pass the retyped values to keep to `resolve`.
        """
        row = live(Response, sheet_id, "Fiche")
        form = self._row_form(row.questionnaire, row.demarche)
        return differences(form, self._clean(row, form), check_sheet(form, retyped))

    def resolve(self, sheet_id: str, accepted: Iterable[Difference]) -> None:
        """Keep the retyped value of each accepted difference (the stored one for the others),
        and mark the sheet verified."""
        with writing():
            row = live(Response, sheet_id, "Fiche")
            form = self._row_form(row.questionnaire, row.demarche)
            sheet = self._clean(row, form)
            for difference in accepted:
                sheet = _apply(sheet, difference)
            draft = SheetDraft(
                sheet.sheet_number,
                dict(sheet.profile),
                dict(sheet.answers),
                sheet.mode,
                sheet.collected_at,
            )
            self._write(row, check_sheet(form, draft), verified=True)

    def mark_verified(self, sheet_id: str) -> None:
        """The sheet was retyped without a difference."""
        self.resolve(sheet_id, ())

    def second_entries(self, demarche_id: str) -> list[SecondEntry]:
        """Sheets typed on two laptops with differences, still to settle: the typing kept is
        not verified, the other was set aside by the merge (see `exchange.hooks`)."""
        demarche = demarche_row(demarche_id)
        kept = Response.alias()
        rows = (
            Response.select(kept.id, Response.id, Response.sheet_number)
            .join(
                kept,
                on=(
                    (kept.demarche == Response.demarche)
                    & (kept.sheet_number == Response.sheet_number)
                    & kept.deleted_at.is_null()
                    & kept.verified_at.is_null()
                    & kept.source_key.is_null()
                ),
            )
            .where(
                (Response.demarche == demarche)
                & Response.deleted_at.is_null(False)
                & Response.source_key.is_null()
                & (Response.changed_by == uuid.UUID(hex=BY_THE_MERGE))
            )
            .order_by(Response.sheet_number, Response.created_at)
            .tuples()
        )
        found = cast("list[tuple[uuid.UUID, uuid.UUID, int]]", list(rows))
        return [
            SecondEntry(str(sheet), str(second), int(number)) for sheet, second, number in found
        ]

    def second_entry(self, second_id: str) -> SheetDraft:
        """The other typing of a sheet, as `verify` takes a retyping."""
        row = Response.get_or_none(Response.id == as_uuid(second_id))
        if row is None:
            raise NotFound("Seconde saisie introuvable.")
        sheet = self._clean(row, self._row_form(row.questionnaire, row.demarche))
        return SheetDraft(
            sheet.sheet_number,
            dict(sheet.profile),
            dict(sheet.answers),
            sheet.mode,
            sheet.collected_at,
        )

    # ------------------------------------------------------------ imports

    def source_keys(self, demarche_id: str) -> set[str]:
        """Submission ids and content hashes of the sheets already imported (removed too)."""
        demarche = demarche_row(demarche_id)
        rows = Response.select(Response.source_key).where(
            (Response.demarche == demarche) & Response.source_key.is_null(False)
        )
        return {str(row.source_key) for row in rows}

    def sheet_numbers(self, demarche_id: str) -> set[int]:
        """Numbers of the live sheets."""
        demarche = demarche_row(demarche_id)
        rows = Response.select(Response.sheet_number).where(
            (Response.demarche == demarche)
            & Response.deleted_at.is_null()
            & Response.sheet_number.is_null(False)
        )
        return {row.sheet_number for row in rows if row.sheet_number is not None}

    def add_imported(
        self, demarche_id: str, sheets: Sequence[tuple[SheetDraft, str]], pace: Pace = PACE
    ) -> list[str]:
        """Store imported sheets with their source key, whole sheets per short transaction.

        Every sheet is checked before anything is written. A sheet whose key is already
        stored is skipped, so an import cut short (killed, disk full) and run again adds
        only the sheets still missing; one without a number gets the next free number.
        The importer checked the rows and reported them: a number taken while writing
        means another copy typed that sheet meanwhile; the import stops there, the sheets
        written before it stay, and the message says so. Returns the new sheets' ids.
        """
        with writing():
            questionnaire = definition_row(demarche_row(demarche_id))
        form = self._row_form(questionnaire, demarche_row(demarche_id))
        checked = [(check_sheet(form, draft), source_key) for draft, source_key in sheets]
        stored = self._store_checked(demarche_id, questionnaire, checked, pace)
        return [sheet_id for _, sheet_id, _ in stored]

    def _store_checked(
        self,
        demarche_id: str,
        questionnaire: Questionnaire,
        checked: Sequence[tuple[CleanSheet, str]],
        pace: Pace,
        progress: SheetsStored | None = None,
    ) -> list[tuple[str, str, int]]:
        """Write checked sheets in short transactions; (source key, id, number) of each new one.

        `progress` is told after each transaction how many sheets are stored for good.
        """
        groups = [
            checked[start : start + IMPORT_UNIT] for start in range(0, len(checked), IMPORT_UNIT)
        ]
        # A sheet without a number is numbered after every number the import brings, so
        # that it never takes the number a later sheet of the same file carries.
        given = [sheet.sheet_number for sheet, _ in checked if sheet.sheet_number is not None]
        after = max(given, default=0)
        added: list[list[tuple[str, str, int]]] = []

        def committed(done: int) -> None:
            if progress is not None:
                progress(min(done * IMPORT_UNIT, len(checked)), len(checked))

        try:
            write_in_batches(
                groups,
                lambda group: self._add_group(demarche_id, questionnaire, group, after),
                pace,
                added,
                committed,
            )
        except (InvalidInput, StorageFailure) as exc:
            kept = sum(len(ids) for ids in added)
            if not kept:
                raise
            raise _stopped_after(exc, kept) from None
        return [new for group in added for new in group]

    def _add_group(
        self,
        demarche_id: str,
        questionnaire: Questionnaire,
        group: Sequence[tuple[CleanSheet, str]],
        after: int = 0,
    ) -> list[tuple[str, str, int]]:
        """One unit of an import, inside its batch's transaction: what is stored now counts.

        Only the group's keys and numbers are looked up: an import of thousands of sheets
        would otherwise read all the stored ones again for every group.
        """
        demarche = demarche_row(demarche_id)
        stored = Response.select(Response.source_key, Response.sheet_number).where(
            Response.demarche == demarche
        )
        wanted_keys = [source_key for _, source_key in group]
        known = {str(row.source_key) for row in stored.where(Response.source_key.in_(wanted_keys))}
        live = stored.where(Response.deleted_at.is_null())
        given = [sheet.sheet_number for sheet, _ in group if sheet.sheet_number is not None]
        numbers = {
            row.sheet_number
            for row in live.where(Response.sheet_number.in_(given))
            if row.sheet_number is not None
        }
        following: int | None = None
        clean: list[CleanSheet] = []
        for sheet, source_key in group:
            if source_key in known:
                continue
            known.add(source_key)
            if sheet.sheet_number is None:
                if following is None:  # looked up only when a sheet needs a number
                    highest = live.select(fn.MAX(Response.sheet_number)).scalar()
                    following = max(int(highest or 0), after) + 1
                while following in numbers:
                    following += 1
                sheet = replace(sheet, sheet_number=following)
            if sheet.sheet_number in numbers:
                raise InvalidInput(f"La fiche n° {sheet.sheet_number} est déjà saisie.")
            numbers.add(cast("int", sheet.sheet_number))
            clean.append(replace(sheet, source_key=source_key))
        ids = insert_sheets(demarche, questionnaire, clean)
        if ids:
            self._steps.touch(demarche_id, QUESTIONNAIRE_STEP)
        return [
            (cast("str", sheet.source_key), sheet_id, cast("int", sheet.sheet_number))
            for sheet, sheet_id in zip(clean, ids, strict=True)
        ]

    def import_file(
        self,
        demarche_id: str,
        path: Path,
        pace: Pace = PACE,
        progress: ImportProgress | None = None,
    ) -> ImportReport:
        """Import a spreadsheet of answers (our template, a KoboToolbox or ODK export).

        Idempotent; rows that cannot be read are listed in the report, the others added;
        blank rows and the numbers given to sheets without one are listed too. `progress`
        hears of the rows read, then of the sheets stored.
        """
        from vitalite_tui.formats.answers_reader import read_answers

        form = self.form(demarche_id)
        columns, plan = read_answers(
            form,
            path,
            self.source_keys(demarche_id),
            self.sheet_numbers(demarche_id),
            progress.rows_read if progress is not None else None,
        )
        checked = [
            (
                CleanSheet(
                    sheet.sheet_number,
                    sheet.profile,
                    sheet.answers,
                    SheetMode.IMPORT,
                    sheet.collected_at,
                ),
                source_key,
            )
            for _, sheet, source_key in plan.to_add
        ]
        with writing():
            questionnaire = definition_row(demarche_row(demarche_id))
        # The plan checked every row against the démarche's questionnaire, as `check_sheet`
        # would: the same rules, and no second pass over a hundred thousand rows.
        stored = self._store_checked(
            demarche_id,
            questionnaire,
            checked,
            pace,
            progress.sheets_stored if progress is not None else None,
        )
        ids = [sheet_id for _, sheet_id, _ in stored]
        row_of = {
            source_key: row for row, sheet, source_key in plan.to_add if sheet.sheet_number is None
        }
        numbered = tuple(
            (row_of[source_key], number) for source_key, _, number in stored if source_key in row_of
        )
        mapped = set(columns.items)
        return ImportReport(
            source=path.name,
            questionnaire=form.label,
            rows=plan.rows,
            added=len(ids),
            duplicates=tuple(plan.duplicates),
            rejected=tuple(plan.rejected),
            ignored_columns=columns.ignored,
            missing_items=tuple(item.code for item in form.items if item.code not in mapped),
            sheet_ids=tuple(ids),
            blank=tuple(plan.blank),
            numbered=numbered,
        )
