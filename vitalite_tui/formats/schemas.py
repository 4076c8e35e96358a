"""Reading the JSON documents of `schemas/` and validating them against their schema.

fastjsonschema is pure Python (see STYLE.md); compiled validators are cached per schema,
and its English messages are put into French for the people who edit these files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from vitalite_tui.errors import InvalidInput
from vitalite_tui.paths import schemas_dir

Validator = Callable[[Any], Any]

#: The schemas of the documents the program reads, in `schemas/`.
QUESTIONNAIRE_SCHEMA = "questionnaire.schema.json"
TRENDS_SCHEMA = "trends.schema.json"

_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), french)
    for pattern, french in (
        (r"must contain \[(.*)\] properties", r"champs obligatoires manquants parmi : \1"),
        (r"must not contain \{?(.*?)\}? properties", r"champs inconnus : \1"),
        (r"must be smaller than or equal to (\S+)", r"doit valoir au plus \1"),
        (r"must be bigger than or equal to (\S+)", r"doit valoir au moins \1"),
        (r"must be longer than or equal to (\d+) characters", r"au moins \1 caractère(s)"),
        (r"must be shorter than or equal to (\d+) characters", r"au plus \1 caractères"),
        (r"must contain at least (\d+) items", r"au moins \1 élément(s)"),
        (r"must contain less than or equal to (\d+) items", r"au plus \1 éléments"),
        (r"must contain at least (\d+) properties", r"au moins \1 entrée(s)"),
        (r"must match pattern (.*)", r"forme invalide (motif attendu : \1)"),
        (r"must be one of (.*)", r"valeur non permise ; valeurs possibles : \1"),
        (r"must be (object|array|string|integer|number|boolean)( or \w+)*", r"type attendu : \1"),
    )
)
_TYPES = {
    "object": "objet",
    "array": "liste",
    "string": "texte",
    "integer": "entier",
    "number": "nombre",
    "boolean": "booléen",
}


def french_message(message: str) -> str:
    """fastjsonschema's « data.items[0].indicator must be … » → « doit valoir au plus 4 »."""
    text = re.sub(r"^data\S*\s", "", message)
    for pattern, french in _MESSAGES:
        if pattern.search(text):
            text = pattern.sub(french, text)
            break
    for english, french in _TYPES.items():
        text = text.replace(f"type attendu : {english}", f"type attendu : {french}")
    return text


@cache
def validator(schema_name: str) -> Validator:
    import fastjsonschema

    schema = json.loads((schemas_dir() / schema_name).read_text(encoding="utf-8"))
    # No handlers: a $ref is never fetched from the network.
    compiled: Validator = fastjsonschema.compile(schema, handlers={})
    return compiled


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"Fichier introuvable : {path}.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} est un dossier, pas un fichier JSON.") from None
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
        where = str(exc.name or "data").replace("data", "(racine)", 1)
        where = where.replace("(racine).", "", 1)
        raise InvalidInput(f"{source} : {where} — {french_message(exc.message)}") from None
