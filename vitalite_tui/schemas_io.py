"""Reading the JSON documents of `schemas/` and validating them against their schema.

fastjsonschema is pure Python (see STYLE.md); compiled validators are cached per schema.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from vitalite_tui.errors import InvalidInput
from vitalite_tui.paths import schemas_dir

Validator = Callable[[Any], Any]


@cache
def validator(schema_name: str) -> Validator:
    import fastjsonschema

    schema = json.loads((schemas_dir() / schema_name).read_text(encoding="utf-8"))
    compiled: Validator = fastjsonschema.compile(schema)
    return compiled


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"Fichier introuvable : {path}.") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} n'est pas un texte UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"{path} : JSON illisible ligne {exc.lineno}, colonne {exc.colno} ({exc.msg})."
        ) from None


def validate(document: Any, schema_name: str, source: str) -> None:
    """Raise `InvalidInput` (French, with the path inside the document) when invalid."""
    import fastjsonschema

    try:
        validator(schema_name)(document)
    except fastjsonschema.JsonSchemaValueException as exc:
        where = exc.path if isinstance(exc.path, str) else "data"
        raise InvalidInput(
            f"{source} : {where.replace('data', '(racine)', 1)} — {exc.message}"
        ) from None
