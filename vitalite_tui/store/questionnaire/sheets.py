"""The one reader of stored questionnaire sheets, for the screens, the barometer and exports."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from vitalite_tui.db.models import Answer, Demarche, Questionnaire, Response, db
from vitalite_tui.domain.questionnaire_form import NO_ANSWER, QuestionnaireForm
from vitalite_tui.store.base import key
from vitalite_tui.store.questionnaire.records import SheetMode, SheetRecord

#: The form of a stored definition for a démarche (the store's parts cache them).
FormOf = Callable[[Questionnaire, Demarche], QuestionnaireForm]


def _raw(query: Any) -> list[tuple[Any, ...]]:
    """The rows of a query as SQLite returns them, without peewee's conversions.

    A large démarche has thousands of answers, and peewee's conversions of them cost more
    than the rest of the reading; the columns are plain numbers and texts (ids cast to TEXT,
    the hex form SQLite stores), converted here.
    """
    cursor: sqlite3.Cursor = db.execute(query)  # type: ignore[no-untyped-call]
    return list(cursor.fetchall())


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def read_sheets(
    demarche: Demarche, form_of: FormOf, *, include_removed: bool = False
) -> list[tuple[SheetRecord, QuestionnaireForm]]:
    """Sheets in number order (unnumbered last, by entry time), each with its answers and
    the form it was typed against (every definition is read once, not once per sheet)."""
    sheets = Response.demarche == demarche
    if not include_removed:
        sheets &= Response.deleted_at.is_null()
    rows = _raw(
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
        .order_by(Response.sheet_number.is_null(), Response.sheet_number, Response.created_at)
    )
    stored: dict[str, dict[str, int | None]] = defaultdict(dict)
    answers = (
        Answer.select(Answer.response.cast("TEXT"), Answer.item_code, Answer.value)
        .join(Response)
        .where(sheets)
    )
    for response, code, value in _raw(answers):
        stored[response][code] = value
    used = {row[1] for row in rows}
    forms = {
        row.id.hex: form_of(row, demarche)
        for row in Questionnaire.select().where(
            Questionnaire.id.in_([uuid.UUID(hex=value) for value in used])
        )
    }
    demarche_id = key(demarche)
    typed = []
    for sheet_id, questionnaire, number, profile, mode, *moments in rows:
        collected, verified, created, updated, deleted = moments
        form = forms[questionnaire]
        answered = stored[sheet_id]
        record = SheetRecord(
            id=str(uuid.UUID(hex=sheet_id)),
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
