"""`vitalite questionnaire check`: every problem of a definition file, each with its place.

fastjsonschema stops at the first error; to list more than one, each element of `items`,
`profile` and `scales` is also checked on its own against its part of the schema.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from vitalite_tui.domain.questionnaire import definition_problems
from vitalite_tui.formats.schemas import QUESTIONNAIRE_SCHEMA, Validator, french_message, validator
from vitalite_tui.paths import schemas_dir

#: Lists of the definition checked element by element: (property, part of the schema).
_PARTS = (("items", "item"), ("profile", "profileField"))


@cache
def _part_validator(name: str) -> Validator:
    import fastjsonschema

    schema = json.loads((schemas_dir() / QUESTIONNAIRE_SCHEMA).read_text(encoding="utf-8"))
    part = {
        "$schema": schema["$schema"],
        "definitions": schema["definitions"],
        "$ref": f"#/definitions/{name}",
    }
    compiled: Validator = fastjsonschema.compile(part, handlers={})
    return compiled


def _error(check: Validator, document: Any, prefix: str = "") -> str | None:
    """« items[3].pole — valeur non permise ; … », or None when `document` is valid."""
    import fastjsonschema

    try:
        check(document)
    except fastjsonschema.JsonSchemaValueException as exc:
        where = str(exc.name or "data")
        where = where[len("data") :] if where.startswith("data") else where
        where = (prefix + where).lstrip(".") or "(racine)"
        return f"{where} — {french_message(exc.message)}"
    return None


def definition_errors(document: Any) -> list[str]:
    """Every problem found (French, each with where it is); empty when the file is usable."""
    first = _error(validator(QUESTIONNAIRE_SCHEMA), document)
    if first is None:
        return definition_problems(document)
    errors: list[str] = []
    if isinstance(document, dict):
        for name, part in _PARTS:
            elements = document.get(name)
            if isinstance(elements, list):
                for index, element in enumerate(elements):
                    found = _error(_part_validator(part), element, f"{name}[{index}]")
                    if found:
                        errors.append(found)
        scales = document.get("scales")
        if isinstance(scales, dict):
            for scale_name, scale in scales.items():
                found = _error(_part_validator("scale"), scale, f"scales.{scale_name}")
                if found:
                    errors.append(found)
    if first not in errors:
        errors.insert(0, first)
    return errors
