"""Fiches actions: one sheet per action the vote kept, editable at any time, with completeness."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vitalite_tui.db.models import Action, ActionSheet
from vitalite_tui.domain.charter import (
    SHEET_TEXT_FIELDS,
    Completeness,
    SheetContent,
    clean_indicators,
)
from vitalite_tui.domain.text import clean_text
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.base import demarche_row, fk_id, key, live, writing
from vitalite_tui.store.charter.records import ActionSheetRecord

if TYPE_CHECKING:
    from vitalite_tui.store.preparation.steps import Steps

#: A field of a sheet is a few lines at most; a whole page pasted in is a mistake.
MAX_FIELD = 2000

#: The step an action sheet belongs to (workshop 3, where the kept actions are deepened).
SHEETS_STEP = 6


def kept_actions(demarche_id: str) -> list[Action]:
    """The actions the vote kept (live, not merged into another), in their order."""
    demarche = demarche_row(demarche_id)
    query = (
        Action.select()
        .where(
            (Action.demarche == demarche)
            & Action.kept
            & Action.deleted_at.is_null()
            & Action.merged_into.is_null()
        )
        .order_by(Action.position, Action.created_at)
    )
    return list(query)


def _content(sheet: ActionSheet | None) -> SheetContent:
    if sheet is None:
        return SheetContent()
    texts = {name: str(getattr(sheet, name)) for name, _ in SHEET_TEXT_FIELDS}
    return SheetContent.of(texts, sheet.indicators or ())


def _record(action: Action, sheet: ActionSheet | None) -> ActionSheetRecord:
    return ActionSheetRecord(
        action_id=key(action),
        title=action.title,
        content=_content(sheet),
        written=sheet is not None,
        description=action.description,
    )


def _cleaned(content: SheetContent) -> dict[str, object]:
    values: dict[str, object] = {}
    for name, label in SHEET_TEXT_FIELDS:
        text = clean_text(content.text(name))
        if len(text) > MAX_FIELD:
            raise InvalidInput(
                f"{label} : {len(text)} caractères, c'est trop long (au plus {MAX_FIELD})."
            )
        values[name] = text
    values["indicators"] = list(clean_indicators(content.indicators))
    return values


def _kept_action(action_id: str) -> Action:
    action = live(Action, action_id, "Action")
    if not action.kept or fk_id(action, "merged_into") is not None:
        raise InvalidInput(
            f"« {action.title} » n'est pas retenue par le vote : seules les actions "
            "retenues ont une fiche."
        )
    return action


class ActionSheets:
    """The fiche action of each kept action: read, saved, and how complete it is."""

    def __init__(self, steps: Steps) -> None:
        self._steps = steps

    def all(self, demarche_id: str) -> list[ActionSheetRecord]:
        """Every kept action with its sheet (empty when none was written), in order."""
        actions = kept_actions(demarche_id)
        sheets = {
            fk_id(sheet, "action"): sheet
            for sheet in ActionSheet.select().where(
                ActionSheet.action.in_([a.id for a in actions]) & ActionSheet.deleted_at.is_null()
            )
        }
        return [_record(action, sheets.get(key(action))) for action in actions]

    def get(self, action_id: str) -> ActionSheetRecord:
        """The sheet of a kept action; its fields are empty until the first save."""
        action = _kept_action(action_id)
        return _record(action, self._sheet(action))

    def save(self, action_id: str, content: SheetContent) -> Completeness:
        """Store the sheet (created on its first save); returns how complete it now is."""
        values = _cleaned(content)
        with writing():
            action = _kept_action(action_id)
            # One row per action (unique key): a removed one is brought back, not doubled.
            sheet = ActionSheet.get_or_none(ActionSheet.action == action)
            if sheet is None:
                sheet = ActionSheet.create(action=action, **values)
            else:
                for name, value in values.items():
                    setattr(sheet, name, value)
                sheet.deleted_at = None
                sheet.save()
            self._steps.touch(str(fk_id(action, "demarche")), SHEETS_STEP)
        return _record(action, sheet).completeness

    @staticmethod
    def _sheet(action: Action) -> ActionSheet | None:
        return ActionSheet.get_or_none(
            (ActionSheet.action == action) & ActionSheet.deleted_at.is_null()
        )
