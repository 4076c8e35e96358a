"""What a bundle holds of each table: which rows belong to a démarche, what identifies a row
besides its id, which of its columns are typed texts, and how each column's value is checked."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from peewee import (
    BooleanField,
    DateField,
    DateTimeField,
    Field,
    ForeignKeyField,
    IntegerField,
    TimeField,
    UUIDField,
)

from vitalite_tui.db.models import TRAVELLING_MODELS, BaseModel, JSONField

#: How each table reaches its démarche: through this column, to a row of that table.
#: `demarche` is the root; `questionnaire` is shared between démarches (see `scope_sql`).
PARENTS: dict[str, tuple[str, str]] = {
    "step_record": ("demarche_id", "demarche"),
    "participant": ("demarche_id", "demarche"),
    "committee_member": ("demarche_id", "demarche"),
    "logistics_item": ("demarche_id", "demarche"),
    "workshop": ("demarche_id", "demarche"),
    "attendance": ("workshop_id", "workshop"),
    "sub_group": ("workshop_id", "workshop"),
    "sub_group_member": ("subgroup_id", "sub_group"),
    "trend": ("demarche_id", "demarche"),
    "round": ("subgroup_id", "sub_group"),
    "turn": ("round_id", "round"),
    "axis": ("demarche_id", "demarche"),
    "note": ("workshop_id", "workshop"),
    "note_revision": ("note_id", "note"),
    "image_choice": ("workshop_id", "workshop"),
    "felt_rating": ("workshop_id", "workshop"),
    "response": ("demarche_id", "demarche"),
    "answer": ("response_id", "response"),
    "intention": ("demarche_id", "demarche"),
    "action": ("demarche_id", "demarche"),
    "action_sheet": ("action_id", "action"),
    "vote_session": ("workshop_id", "workshop"),
    "vote": ("session_id", "vote_session"),
    "scenario": ("demarche_id", "demarche"),
    "charter": ("demarche_id", "demarche"),
    "charter_article": ("charter_id", "charter"),
    "signatory": ("charter_id", "charter"),
    "link": ("demarche_id", "demarche"),
    "kept_version": ("demarche_id", "demarche"),
}

#: Rows that are the same thing when these columns agree, whatever their ids: two laptops
#: that each ticked a person present, or each opened the charter, made one row twice. The
#: smaller id is kept everywhere (see `merge`). The unique indexes of the models.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "questionnaire": ("code", "version"),
    "step_record": ("demarche_id", "number"),
    "workshop": ("demarche_id", "number", "session"),
    "attendance": ("workshop_id", "participant_id"),
    "sub_group_member": ("subgroup_id", "participant_id"),
    "response": ("demarche_id", "source_key"),
    "answer": ("response_id", "item_code"),
    "action_sheet": ("action_id",),
    "charter": ("demarche_id",),
    # Each laptop that typed a wall count opened the vote's round: one round, made twice.
    "vote_session": ("workshop_id", "round_number"),
}

#: The columns people type: when two versions of a row differ there, the losing texts are
#: kept as a `KeptVersion`.
TEXTS: dict[str, tuple[str, ...]] = {
    "note": ("text",),
    "charter_article": ("title", "text"),
    "action_sheet": (
        "porteur",
        "partners",
        "public",
        "means",
        "calendar",
        "first_step",
        "success_sign",
    ),
    "charter": ("title", "preamble"),
    "scenario": ("text",),
    "intention": ("title", "description"),
    "action": ("title", "description"),
    "axis": ("title", "description"),
    "trend": ("title", "description"),
    "workshop": ("recap",),
    "step_record": ("comment",),
    "round": ("question",),
}

#: Columns added after bundles began (schema 3), with the value a bundle written by an older
#: program stands for: it lacks them, and is read as if it held these.
ADDED_COLUMNS: dict[str, dict[str, object]] = {
    "demarche": {"archived_at": None, "retention_until": None},
    "committee_member": {"workshop_roles": "{}"},
    "logistics_item": {"person": "", "due_on": None},
    "workshop": {"session": 1},
}

#: How tables are named in reports.
LABELS: dict[str, str] = {
    "questionnaire": "questionnaires",
    "demarche": "démarche",
    "step_record": "étapes",
    "participant": "participants",
    "committee_member": "comité de pilotage",
    "logistics_item": "logistique",
    "workshop": "ateliers",
    "attendance": "présences",
    "sub_group": "sous-groupes",
    "sub_group_member": "membres des sous-groupes",
    "trend": "tendances",
    "round": "tours de parole",
    "turn": "prises de parole",
    "axis": "axes",
    "note": "notes",
    "note_revision": "versions de notes",
    "image_choice": "images",
    "felt_rating": "baromètre ressenti",
    "response": "questionnaires saisis",
    "answer": "réponses",
    "intention": "intentions",
    "action": "actions",
    "action_sheet": "fiches action",
    "vote_session": "séances de vote",
    "vote": "votes",
    "scenario": "scénario",
    "charter": "charte",
    "charter_article": "articles de la charte",
    "signatory": "signataires",
    "link": "liens",
    "kept_version": "versions gardées",
}

Check = Callable[[object], bool]

_HEX_ID = re.compile(r"[0-9a-f]{32}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")
#: Control characters a screen would obey (escape sequences…); line breaks and tabs are text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: A text column holds at most this (a note is a few hundred characters, a definition more).
MAX_TEXT = 1_000_000


def _text(value: object) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT and not _CONTROL.search(value)


def _pattern(pattern: re.Pattern[str]) -> Check:
    return lambda value: isinstance(value, str) and pattern.fullmatch(value) is not None


def _json(value: object) -> bool:
    import json

    if not _text(value):
        return False
    try:
        json.loads(str(value))
    except (ValueError, RecursionError):
        return False
    return True


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**53


def _boolean(value: object) -> bool:
    return value in (0, 1) and not isinstance(value, float)


def _check(field: Field) -> Check:
    if isinstance(field, (UUIDField, ForeignKeyField)):
        return _pattern(_HEX_ID)
    if isinstance(field, DateTimeField):
        return _pattern(_DATETIME)
    if isinstance(field, DateField):
        return _pattern(_DATE)
    if isinstance(field, TimeField):
        return _pattern(_TIME)
    if isinstance(field, BooleanField):
        return _boolean
    if isinstance(field, IntegerField):
        return _integer
    if isinstance(field, JSONField):
        return _json
    return _text


@dataclass(frozen=True)
class Column:
    name: str
    nullable: bool
    check: Check
    #: The table a foreign key points at.
    references: str | None


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[BaseModel]
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def label(self) -> str:
        return LABELS[self.name]

    @property
    def natural_key(self) -> tuple[str, ...]:
        return NATURAL_KEYS.get(self.name, ())

    @property
    def texts(self) -> tuple[str, ...]:
        return TEXTS.get(self.name, ())


def _spec(model: type[BaseModel]) -> TableSpec:
    columns = tuple(
        Column(
            name=field.column_name,
            nullable=bool(field.null),
            check=_check(field),
            references=(
                field.rel_model._meta.table_name if isinstance(field, ForeignKeyField) else None
            ),
        )
        for field in model._meta.sorted_fields
    )
    return TableSpec(model._meta.table_name, model, columns)


@cache
def table_specs() -> tuple[TableSpec, ...]:
    """Every table of a bundle, parents before the rows that point at them."""
    return tuple(_spec(model) for model in TRAVELLING_MODELS)


@cache
def referencing(table: str) -> tuple[tuple[str, str], ...]:
    """(table, column) pairs whose foreign keys point at `table`."""
    return tuple(
        (spec.name, column.name)
        for spec in table_specs()
        for column in spec.columns
        if column.references == table
    )


def scope_sql(table: str, demarche_hex: str) -> str:
    """SQL selecting the ids of `table`'s rows that belong to the démarche."""
    if not _HEX_ID.fullmatch(demarche_hex):
        raise ValueError("not a démarche id")
    if table == "demarche":
        return f"SELECT id FROM demarche WHERE id = '{demarche_hex}'"
    if table == "questionnaire":
        # Shared: the definitions the démarche and its typed sheets answer.
        return (
            f"SELECT questionnaire_id FROM demarche WHERE id = '{demarche_hex}' "
            f"UNION SELECT questionnaire_id FROM response WHERE demarche_id = '{demarche_hex}'"
        )
    column, parent = PARENTS[table]
    if parent == "demarche":
        return f'SELECT id FROM "{table}" WHERE "{column}" = \'{demarche_hex}\''
    return f'SELECT id FROM "{table}" WHERE "{column}" IN ({scope_sql(parent, demarche_hex)})'
