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
from vitalite_tui.formats.files import line_at, read_input
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


#: The documents of `schemas/` are a few dozen kilobytes: far more is not one of them.
MAX_JSON_BYTES = 5_000_000
#: Nesting of the documents is four or five levels; far more only exhausts the parser.
MAX_DEPTH = 64
#: Strings (escapes included) and brackets: what nesting is counted on.
_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
_LONG_NUMBER = re.compile(r"\d{1000,}")
#: The parser's reasons (`json.JSONDecodeError.msg`), in French.
_JSON_ERRORS = (
    ("Expecting value", "une valeur est attendue"),
    ("Expecting property name", "un nom de champ entre guillemets droits est attendu"),
    ("Expecting ',' delimiter", "une virgule est attendue"),
    ("Expecting ':' delimiter", "deux-points sont attendus"),
    ("Unterminated string", "un texte n'a pas de guillemet fermant"),
    ("Invalid control character", "un caractère de contrôle est dans un texte"),
    ("Invalid \\escape", "une barre oblique inverse \\ ne forme pas un échappement connu"),
    ("Invalid \\u", "une barre oblique inverse \\ ne forme pas un échappement connu"),
    ("Extra data", "du contenu suit la fin du document"),
)


def load_json(path: Path) -> Any:
    """The JSON document at `path`; `InvalidInput` (French, with the line) when it cannot be
    read: missing, too big, not UTF-8, nested too deep, or not JSON."""
    data = read_input(path, limit=MAX_JSON_BYTES, what="un document JSON")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{path} n'est pas un texte UTF-8 (ligne {line_at(data, exc.start)}) : "
            "enregistrez-le en UTF-8."
        ) from None
    _check_depth(text, path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"{path} : JSON illisible ligne {exc.lineno}, colonne {exc.colno} "
            f"({_french_json_error(exc.msg)})."
        ) from None
    except ValueError:
        # A number of thousands of digits: Python refuses to convert it.
        found = _LONG_NUMBER.search(text)
        line = line_at(text, found.start()) if found else 1
        raise InvalidInput(f"{path} : JSON illisible ligne {line} (un nombre démesuré).") from None


def _french_json_error(reason: str) -> str:
    for english, french in _JSON_ERRORS:
        if reason.startswith(english):
            return french
    return "forme invalide"


def _check_depth(text: str, path: Path) -> None:
    """`InvalidInput` where brackets nest deeper than `MAX_DEPTH` (the parser would crash)."""
    depth = 0
    for token in _JSON_TOKENS.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InvalidInput(
                    f"{path} : crochets ou accolades imbriqués sur plus de {MAX_DEPTH} niveaux "
                    f"(ligne {line_at(text, token.start())})."
                )
        elif char in "]}":
            depth -= 1


def validate(document: Any, schema_name: str, source: str) -> None:
    """Raise `InvalidInput` (French, with the path inside the document) when invalid."""
    import fastjsonschema

    try:
        validator(schema_name)(document)
    except fastjsonschema.JsonSchemaValueException as exc:
        where = str(exc.name or "data").replace("data", "(racine)", 1)
        where = where.replace("(racine).", "", 1)
        raise InvalidInput(f"{source} : {where} — {french_message(exc.message)}") from None
