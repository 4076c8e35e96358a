"""The one reader of stored questionnaire sheets, for the screens, the barometer and exports."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime

from peewee import Expression, fn

from vitalite_tui.db.models import Answer, Demarche, Questionnaire, Response
from vitalite_tui.domain.questionnaire_form import NO_ANSWER, QuestionnaireForm
from vitalite_tui.store.base import dashed, key, raw_rows
from vitalite_tui.store.questionnaire.records import SheetLine, SheetMode, SheetRecord

#: The form of a stored definition for a démarche (the store's parts cache them).
FormOf = Callable[[Questionnaire, Demarche], QuestionnaireForm]


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


#: Number order, unnumbered sheets last by entry time.
SHEET_ORDER = (Response.sheet_number.is_null(), Response.sheet_number, Response.created_at)


def _sheets_of(demarche: Demarche, *, include_removed: bool) -> Expression:
    sheets: Expression = Response.demarche == demarche
    if not include_removed:
        sheets &= Response.deleted_at.is_null()
    return sheets


def _forms_used(
    demarche: Demarche, form_of: FormOf, used: set[str]
) -> dict[str, QuestionnaireForm]:
    """The form of each definition used (by its id as stored), each read once."""
    return {
        row.id.hex: form_of(row, demarche)
        for row in Questionnaire.select().where(
            Questionnaire.id.in_([uuid.UUID(hex=value) for value in used])
        )
    }


def read_sheets(
    demarche: Demarche, form_of: FormOf, *, include_removed: bool = False
) -> list[tuple[SheetRecord, QuestionnaireForm]]:
    """Sheets in number order (unnumbered last, by entry time), each with its answers and
    the form it was typed against (every definition is read once, not once per sheet)."""
    sheets = _sheets_of(demarche, include_removed=include_removed)
    rows = raw_rows(
        Response.select(
            Response.id.cast("TEXT"),
            Response.questionnaire.cast("TEXT"),
            Response.sheet_number,
            Response.profile,
            Response.mode,
            Response.collected_at.cast("TEXT"),
            Response.verified_at.cast("TEXT"),
            Response.created_at.cast("TEXT"),
            Response.updated_at.cast("TEXT"),
            Response.deleted_at.cast("TEXT"),
        )
        .where(sheets)
        .order_by(*SHEET_ORDER)
    )
    stored: dict[str, dict[str, int | None]] = defaultdict(dict)
    answers = (
        Answer.select(Answer.response.cast("TEXT"), Answer.item_code, Answer.value)
        .join(Response)
        .where(sheets)
    )
    for response, code, value in raw_rows(answers):
        stored[response][code] = value
    forms = _forms_used(demarche, form_of, {row[1] for row in rows})
    demarche_id = key(demarche)
    typed = []
    for sheet_id, questionnaire, number, profile, mode, *moments in rows:
        collected, verified, created, updated, deleted = moments
        form = forms[questionnaire]
        answered = stored[sheet_id]
        record = SheetRecord(
            id=dashed(sheet_id),
            demarche_id=demarche_id,
            questionnaire_code=form.code,
            questionnaire_version=form.version,
            sheet_number=number,
            profile=dict(json.loads(profile)) if profile else {},
            answers={item.code: answered.get(item.code) or NO_ANSWER for item in form.items},
            mode=SheetMode(mode),
            collected_at=_moment(collected),
            verified_at=_moment(verified),
            created_at=datetime.fromisoformat(created),
            updated_at=datetime.fromisoformat(updated),
            deleted=deleted is not None,
        )
        typed.append((record, form))
    return typed


def read_sheet_lines(
    demarche: Demarche, form_of: FormOf
) -> list[tuple[SheetLine, QuestionnaireForm]]:
    """Live sheets in number order as the list shows them, each with the form it was typed
    against: the answers are counted by SQLite, not read (a large démarche has thousands)."""
    sheets = _sheets_of(demarche, include_removed=False)
    rows = raw_rows(
        Response.select(
            Response.id.cast("TEXT"),
            Response.questionnaire.cast("TEXT"),
            Response.sheet_number,
            Response.profile,
            Response.mode,
            Response.verified_at.is_null(False),
            Response.created_at.cast("TEXT"),
        )
        .where(sheets)
        .order_by(*SHEET_ORDER)
    )
    forms = _forms_used(demarche, form_of, {row[1] for row in rows})
    answered: dict[str, int] = {}
    for questionnaire, form in forms.items():
        # Only the items of the sheet's own form count, as in `SheetRecord.answered`.
        counted = (
            Answer.select(Answer.response.cast("TEXT"), fn.COUNT(Answer.item_code))
            .join(Response)
            .where(
                sheets
                & (Response.questionnaire == uuid.UUID(hex=questionnaire))
                & Answer.item_code.in_([item.code for item in form.items])
                & (Answer.value != NO_ANSWER)  # NULL is not counted either
            )
            .group_by(Answer.response)
        )
        answered.update(raw_rows(counted))
    return [
        (
            SheetLine(
                id=dashed(sheet_id),
                sheet_number=number,
                profile=dict(json.loads(profile)) if profile else {},
                mode=SheetMode(mode),
                verified=bool(verified),
                created_at=datetime.fromisoformat(created),
                answered=answered.get(sheet_id, 0),
                asked=len(forms[questionnaire].items),
            ),
            forms[questionnaire],
        )
        for sheet_id, questionnaire, number, profile, mode, verified, created in rows
    ]
