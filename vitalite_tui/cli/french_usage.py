"""Click's usage errors and help frame in French: each error rebuilt from what it knows."""

from __future__ import annotations

import re
from typing import IO, Any

from typer._click import echo
from typer._click.exceptions import (
    BadArgumentUsage,
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoSuchOption,
    UsageError,
)

USAGE_PREFIX = "Utilisation : "
SUBCOMMAND_METAVAR = "COMMANDE [ARGUMENTS]..."
ERROR_TITLE = "Erreur"

#: The words of Typer's help and error frame (module constants of `typer.rich_utils`).
_RICH_TEXTS = {
    "DEPRECATED_STRING": "(obsolète) ",
    "DEFAULT_STRING": "[par défaut : {}]",
    "ENVVAR_STRING": "[variable : {}]",
    "REQUIRED_LONG_STRING": "[obligatoire]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commandes",
    "ERRORS_PANEL_TITLE": ERROR_TITLE,
    "ABORTED_TEXT": "Abandon.",
    "RICH_HELP": "Pour l'aide : [blue]{command_path} {help_option}[/]",
}

#: The words of Typer's plain help (without Rich), which it looks up through gettext.
_GETTEXT = {
    "required": "obligatoire",
    "default: {default}": "par défaut : {default}",
    "env var: {var}": "variable : {var}",
    "Arguments": "Arguments",
    "Options": "Options",
    "Commands": "Commandes",
    "Missing command.": "Commande manquante.",
}

#: What a value should have been, by Click's type name.
_TYPE_NAMES = {
    "integer": "un nombre entier",
    "int": "un nombre entier",
    "float": "un nombre",
    "boolean": "oui ou non (true, false, 1, 0)",
    "uuid": "un identifiant",
}

_PATH_KINDS = {"file": "Le fichier", "directory": "Le dossier", "path": "Le chemin"}

#: Click's sentences about a bad value, and how to say each in French.
_VALUE_SENTENCES: tuple[tuple[str, str], ...] = (
    (r"(?P<value>.*) is not a valid (?P<type>\w+)\.?.*", "{value} n'est pas {type}."),
    (r"(?P<value>.*) is not in the range (?P<range>.*)\.", "{value} n'est pas dans {range}."),
    (r"(?P<value>.*) is not one of (?P<choices>.*)\.", "{value} n'est pas parmi {choices}."),
    (r"(?P<kind>\w+) (?P<value>.*) does not exist\.", "{kind} {value} n'existe pas."),
    (r"(?P<kind>\w+) (?P<value>.*) is a directory\.", "{value} est un dossier, pas un fichier."),
    (r"(?P<kind>\w+) (?P<value>.*) is a file\.", "{value} est un fichier, pas un dossier."),
    (r"(?P<kind>\w+) (?P<value>.*) is not readable\.", "{kind} {value} n'est pas lisible."),
    (r"(?P<kind>\w+) (?P<value>.*) is not writable\.", "{kind} {value} n'est pas modifiable."),
)

#: Click's other usage sentences.
_USAGE_SENTENCES: tuple[tuple[str, str], ...] = (
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)", "Argument en trop : {args}."),
    (
        r"No such command (?P<name>.*)\. Did you mean (?P<close>.*)\?",
        "Commande inconnue : {name} ; vouliez-vous dire {close} ?",
    ),
    (r"No such command (?P<name>.*)\.", "Commande inconnue : {name}."),
    (r"Missing command\.", "Commande manquante."),
    (r"Option (?P<name>.*) requires an argument\.", "L'option {name} attend une valeur."),
    (r"Option (?P<name>.*) requires (?P<n>\d+) arguments\.", "L'option {name} attend {n} valeurs."),
    (r"Option (?P<name>.*) does not take a value\.", "L'option {name} ne prend pas de valeur."),
    (r"Argument (?P<name>.*) takes (?P<n>\d+) values\.", "L'argument {name} attend {n} valeurs."),
)


def speak_french() -> None:
    """Put Typer's help and error frame in French: the constants `typer.rich_utils` reads at
    each use, and the `_` (gettext) through which `typer.core` words its plain help."""
    from typer import core, rich_utils

    for name, text in _RICH_TEXTS.items():
        setattr(rich_utils, name, text)
    core._ = _french_gettext  # type: ignore[attr-defined]


def _french_gettext(message: str) -> str:
    return _GETTEXT.get(message, message)


def _quoted(text: str) -> str:
    """« value » for Click's 'value' (or "value")."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return f"« {text} »"


def _translate(message: str, sentences: tuple[tuple[str, str], ...]) -> str | None:
    for pattern, french in sentences:
        found = re.fullmatch(pattern, message.strip(), flags=re.DOTALL)
        if found is None:
            continue
        parts = found.groupdict()
        for key in ("value", "name"):
            if key in parts:
                parts[key] = _quoted(parts[key])
        if "close" in parts:  # Typer's suggestions: 'export', 'print'
            parts["close"] = " ou ".join(_quoted(c.strip()) for c in parts["close"].split(","))
        if "type" in parts:
            parts["type"] = _TYPE_NAMES.get(parts["type"].lower(), "une valeur valide")
        if "kind" in parts:
            parts["kind"] = _PATH_KINDS.get(parts["kind"].lower(), "Le chemin")
        if "choices" in parts:
            parts["choices"] = re.sub(r"'([^']*)'", r"« \1 »", parts["choices"])
        if "range" in parts:
            parts["range"] = f"l'intervalle {parts['range']}"
        return french.format(**parts)
    return None


def _param_hint(exc: BadParameter) -> str:
    hint: Any = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx)  # type: ignore[arg-type]
    if hint is None:
        return ""
    names = [hint] if isinstance(hint, str) else list(hint)
    return " / ".join(name.strip("'\"") for name in names)


def _missing(exc: MissingParameter) -> str:
    hint = _param_hint(exc)
    kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "")
    if kind == "argument":
        return f"Argument obligatoire manquant : {hint}."
    if kind == "option":
        return f"Option obligatoire manquante : {hint}."
    return f"Valeur obligatoire manquante : {hint}." if hint else "Valeur obligatoire manquante."


def _help_hint(exc: UsageError) -> str:
    command = exc.ctx.command_path if exc.ctx is not None else "vitalite"
    return f"voyez {command} --help."


def french_message(exc: UsageError) -> str:
    """One French sentence for a Click usage error (never Click's English words)."""
    if isinstance(exc, MissingParameter):
        return _missing(exc)
    if isinstance(exc, BadParameter):
        hint = _param_hint(exc)
        where = f"Valeur invalide pour {hint}" if hint else "Valeur invalide"
        detail = _translate(exc.message, _VALUE_SENTENCES)
        return f"{where} : {detail}" if detail else f"{where} : {_help_hint(exc)}"
    if isinstance(exc, NoSuchOption):
        text = f"Option inconnue : {exc.option_name}"
        if exc.possibilities:
            text += f" (options proches : {', '.join(sorted(exc.possibilities))})"
        return f"{text}."
    if isinstance(exc, (BadOptionUsage, BadArgumentUsage, UsageError)):
        translated = _translate(exc.message, _USAGE_SENTENCES)
        if translated is not None:
            return translated
    return f"Commande mal formée : {_help_hint(exc)}"


class FrenchUsageError(UsageError):
    """A usage error already in French; shown in French with or without Rich."""

    def show(self, file: IO[Any] | None = None) -> None:
        # Click's own `show` (used when Rich is off) says "Try" and "Error:".
        lines = []
        if self.ctx is not None:
            lines.append(self.ctx.get_usage())
            lines.append(f"Pour l'aide : {self.ctx.command_path} --help")
        lines.append(f"{ERROR_TITLE} : {self.format_message()}")
        echo("\n".join(lines), file=file, err=file is None)


def in_french(exc: UsageError) -> UsageError:
    """The same error (exit code 2) in French; Typer's help-on-no-arguments is left as it is."""
    if isinstance(exc, FrenchUsageError) or type(exc).__name__ == "NoArgsIsHelpError":
        return exc
    speak_french()
    return FrenchUsageError(french_message(exc), ctx=exc.ctx)
