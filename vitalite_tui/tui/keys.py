"""Keys as French speakers read them in the footer and the help screen."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

_NAMES = {
    "escape": "Échap",
    "enter": "⏎",
    "tab": "Tab",
    "shift+tab": "Maj+Tab",
    "space": "Espace",
    "delete": "Suppr",
    "backspace": "Retour arrière",
    "insert": "Inser",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "Page↑",
    "pagedown": "Page↓",
    "home": "Début",
    "end": "Fin",
}


def describe_key(key: str, display: str | None = None) -> str:
    """`ctrl+q` → `Ctrl+Q`, `escape` → `Échap`, `f1` → `F1`."""
    if display:
        return display
    parts = key.split("+")
    named = []
    for part in parts:
        if part in _NAMES:
            named.append(_NAMES[part])
        elif part == "ctrl":
            named.append("Ctrl")
        elif part == "shift":
            named.append("Maj")
        elif len(part) > 1 and part[0] == "f" and part[1:].isdigit():
            named.append(part.upper())
        else:
            named.append(part.upper() if len(parts) > 1 else part)
    return "+".join(named)


def digit_bindings(
    action: str,
    description: str,
    tooltip: str,
    id_prefix: str,
    digits: Iterable[int] = range(10),
) -> list[BindingType]:
    """One hidden binding per digit key: `{n}` in the action and texts is the digit."""
    return [
        Binding(
            str(n),
            action.format(n=n),
            description.format(n=n),
            id=f"{id_prefix}-{n}",
            tooltip=tooltip.format(n=n),
            show=False,
        )
        for n in digits
    ]


#: `s` on the home and démarche screens: a copy of the whole base, wherever chosen.
BACKUP_BINDING = Binding(
    "s",
    "backup",
    "Sauvegarder",
    id="backup",
    tooltip="Copier toute la base dans un seul fichier sûr : dossier des sauvegardes, "
    "clé USB ou autre dossier.",
)


#: `Ctrl+F` then a key stands for an F-key, for laptops whose F-keys need Fn: the digit,
#: or the key that carries it on a French (AZERTY) keyboard, typed without Maj.
FUNCTION_KEY_PREFIX = "ctrl+f"
_TYPED_NUMBERS = {
    **{str(n): n for n in range(1, 10)},
    "0": 10,
    **{char: n for n, char in enumerate("&é\"'(-è_çà", start=1)},
    ")": 11,
    "°": 11,
    "=": 12,
    "+": 12,
}
#: What the help and the F-key list show to type for F1–F12 after `Ctrl+F`.
TYPED_FOR_NUMBER = {n: str(n % 10) for n in range(1, 11)} | {11: ")", 12: "="}


def function_key_number(key: str) -> int | None:
    """`f5` → 5; None for any other key (`shift+f5` included: it has no typed twin)."""
    if key.startswith("f") and key[1:].isdigit():
        return int(key[1:])
    return None


def number_typed(character: str | None) -> int | None:
    """The F-key a character typed after `Ctrl+F` stands for (`2` or `é` → 2), or None."""
    return None if character is None else _TYPED_NUMBERS.get(character)
