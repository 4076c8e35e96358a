"""`vitalite questionnaire check`: every problem of a definition file at once, each with its place.

fastjsonschema stops at the first error. To list them all in one pass, the schema is walked
alongside the document: each object, list and value is checked against its own part of the
schema, one keyword at a time (a missing field does not hide an unknown one), then each of its
children in turn; the rules the schema cannot express are checked on the same pass.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from vitalite_tui.domain.questionnaire import definition_problems
from vitalite_tui.formats.schemas import (
    QUESTIONNAIRE_SCHEMA,
    Validator,
    french_message,
    validator,
)
from vitalite_tui.paths import schemas_dir

#: Keywords whose children are walked one by one rather than checked as a whole.
_CHILDREN = frozenset({"properties", "additionalProperties", "items"})
#: Keywords checked together (a condition and its consequences).
_TOGETHER = (("if", "then", "else"),)
_NOT_CHECKED = frozenset({"$schema", "$id", "title", "description", "definitions", "$ref"})


@cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (schemas_dir() / QUESTIONNAIRE_SCHEMA).read_text(encoding="utf-8")
    )
    return schema


@cache
def _compiled(part: str) -> Validator:
    """A validator of one part of the schema (as JSON text: a cache key), refs resolvable."""
    import fastjsonschema

    schema = {**json.loads(part), "definitions": _schema()["definitions"]}
    # No handlers: a $ref is never fetched from the network.
    compiled: Validator = fastjsonschema.compile(schema, handlers={})
    return compiled


def _resolved(node: Any) -> dict[str, Any]:
    while isinstance(node, dict) and "$ref" in node:
        node = _schema()["definitions"][node["$ref"].rsplit("/", 1)[-1]]
    return node if isinstance(node, dict) else {}


def _error(part: dict[str, Any], value: Any, where: str) -> str | None:
    """« items[3].pole — valeur non permise ; … », or None when `value` fits `part`."""
    import fastjsonschema

    try:
        _compiled(json.dumps(part, sort_keys=True))(value)
    except fastjsonschema.JsonSchemaValueException as exc:
        name = str(exc.name or "data")
        inner = name[len("data") :] if name.startswith("data") else name
        place = (where + inner).lstrip(".") or "(racine)"
        return f"{place} — {french_message(exc.message)}"
    return None


def _keyword_groups(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The node's own checks, one group of keywords each; its children left out."""
    together = {key for group in _TOGETHER for key in group}
    groups: list[dict[str, Any]] = []
    if "type" in node:
        groups.append({"type": node["type"]})
    for key, value in node.items():
        if key in _CHILDREN or key in together or key in _NOT_CHECKED or key == "type":
            continue
        groups.append({key: value})
    if node.get("additionalProperties") is False:
        names: dict[str, Any] = {name: {} for name in node.get("properties", {})}
        groups.append({"properties": names, "additionalProperties": False})
    for group in _TOGETHER:
        found = {key: node[key] for key in group if key in node}
        if found:
            groups.append(found)
    return groups


def _walk(node: Any, value: Any, where: str, errors: list[str]) -> None:
    node = _resolved(node)
    groups = _keyword_groups(node)
    if groups and "type" in groups[0]:
        wrong_type = _error(groups.pop(0), value, where)
        if wrong_type:
            errors.append(wrong_type)
            return  # nothing else can be said of a value of the wrong kind
    errors.extend(found for group in groups if (found := _error(group, value, where)))
    if isinstance(value, dict):
        properties = node.get("properties", {})
        extra = node.get("additionalProperties")
        for name, child in value.items():
            if name in properties:
                _walk(properties[name], child, f"{where}.{name}", errors)
            elif isinstance(extra, dict):
                _walk(extra, child, f"{where}.{name}", errors)
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for index, child in enumerate(value):
            _walk(node["items"], child, f"{where}[{index}]", errors)


def definition_errors(document: Any) -> list[str]:
    """Every problem found (French, each with where it is); empty when the file is usable."""
    import fastjsonschema

    errors: list[str] = []
    try:
        validator(QUESTIONNAIRE_SCHEMA)(document)  # the usual case, checked whole at once
    except fastjsonschema.JsonSchemaValueException:
        _walk(_schema(), document, "", errors)
    if isinstance(document, dict):
        # The rules beyond the schema, on what of the document can be read.
        errors.extend(definition_problems(document))
    return errors
