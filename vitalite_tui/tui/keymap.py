"""The user's own keys: a JSON file of binding ids and keys, read once at start-up.

A file that cannot be used is set aside as a whole, with one French sentence that says
why: a half-applied keymap would leave keys nobody expects.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from textual.keys import Keys

#: Modifiers Textual reads in a key name (`ctrl+t`, `shift+f3`).
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})

#: Names of keys that are not a character (`f5`, `escape`, `pageup`…), as Textual spells them.
_NAMED = frozenset(key.value for key in Keys if "+" not in key.value) | {"space"}
_FUNCTION_KEY = re.compile(r"f([1-9]|1[0-9]|2[0-4])")

KEPT = "les touches par défaut sont gardées"


def quoted(text: object) -> str:
    """« text », with non-breaking spaces: a wrapped line never starts or ends on « or »."""
    return f"«\u00a0{text}\u00a0»"


@dataclass(frozen=True)
class UserKeymap:
    """What the file asks (binding id → Textual keys), or why it was set aside."""

    keys: dict[str, str] = field(default_factory=dict)
    problem: str | None = None


def is_key_name(key: str) -> bool:
    """`ctrl+t`, `f2`, `shift+f10`, `a`, `question_mark`: a key Textual can receive."""
    *modifiers, name = key.split("+")
    if any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    if len(name) == 1 or name in _NAMED or _FUNCTION_KEY.fullmatch(name):
        return True
    try:  # Textual names a character by its Unicode name: « question_mark » for « ? ».
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


def parse_keymap(text: str, where: Path) -> UserKeymap:
    """The keymap in `text` (read from `where`), checked entry by entry."""
    try:
        found = json.loads(text)
    except json.JSONDecodeError as exc:
        return UserKeymap(
            problem=f"Le fichier des touches {where} n'est pas du JSON valide (ligne "
            f"{exc.lineno}) : {KEPT} ; corrigez-le ou supprimez-le."
        )
    if not isinstance(found, dict):
        return UserKeymap(
            problem=f"Le fichier des touches {where} doit être un objet JSON "
            f'({{"capture-pass": "ctrl+t"}}) : {KEPT}.'
        )
    keymap: dict[str, str] = {}
    for binding_id, value in found.items():
        keys = value if isinstance(value, list) else [value]
        if not keys or not all(isinstance(key, str) for key in keys):
            return UserKeymap(
                problem=f"Dans le fichier des touches {where}, {quoted(binding_id)} doit "
                f'recevoir une touche ("ctrl+t") ou une liste de touches : {KEPT}.'
            )
        names = [name.strip().lower() for key in keys for name in key.split(",")]
        wrong = next((name for name in names if not is_key_name(name)), None)
        if wrong is not None:
            return UserKeymap(
                problem=f"Dans le fichier des touches {where}, {quoted(wrong)} (pour "
                f"{quoted(binding_id)}) n'est pas une touche connue : {KEPT} ; "
                "corrigez-le ou supprimez-le."
            )
        keymap[str(binding_id)] = ",".join(names)
    return UserKeymap(keymap)


def load_keymap(path: Path) -> UserKeymap:
    """The keymap in `path`: none when there is no file, a problem when it is unusable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return UserKeymap()
    except OSError:
        return UserKeymap(problem=f"Le fichier des touches {path} n'a pas pu être lu : {KEPT}.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return UserKeymap(
            problem=f"Le fichier des touches {path} n'est pas un texte UTF-8 : {KEPT}."
        )
    return parse_keymap(text, path)
