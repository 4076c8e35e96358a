"""Sober display for old laptops and projectors: no animation, no blink, sixteen plain colours."""

from __future__ import annotations

from collections.abc import Mapping

from textual.theme import Theme

#: `VITALITE_SOBRE=1` asks for the sober display; `VITALITE_SOBRE=0` refuses it even when
#: the terminal looks poor in colours.
SOBER_VARIABLE = "VITALITE_SOBRE"

#: Terminals that announce (or are) a palette of 8 or 16 colours: the Linux console, a
#: plain xterm, the old terminals.
FEW_COLOUR_TERMS = frozenset(
    {"linux", "xterm", "xterm-color", "xterm-16color", "vt100", "vt102", "vt220", "ansi"}
)

_YES = {"1", "oui", "o", "yes", "y", "true", "vrai"}
_NO = {"0", "non", "n", "no", "false", "faux", ""}

#: Pure colours only, the ones every 16-colour palette has: nothing is lost to the nearest
#: match, and a washed-out projector still shows white on black and a yellow cursor.
SOBER_THEME = Theme(
    name="vitalite-sobre",
    primary="#00FFFF",
    secondary="#FFFF00",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FF0000",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000080",
    boost="#000000",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        # Muted and disabled text stay white: grey vanishes on a projector.
        "text-muted": "#FFFFFF",
        "foreground-muted": "#C0C0C0",
        "text-primary": "#00FFFF",
        "text-secondary": "#FFFF00",
        "text-accent": "#FFFF00",
        "text-warning": "#FFFF00",
        "text-error": "#FF0000",
        "text-success": "#00FF00",
        "text-disabled": "#C0C0C0",
        "primary-background": "#000080",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-blurred-background": "#C0C0C0",
        "block-cursor-blurred-foreground": "#000000",
        "input-cursor-background": "#FFFF00",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#0000FF",
        "footer-background": "#000080",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "border": "#FFFFFF",
        "border-blurred": "#C0C0C0",
        "scrollbar": "#C0C0C0",
        "scrollbar-background": "#000000",
    },
)


def sober_reason(
    environ: Mapping[str, str], *, asked: bool = False, terminal: bool = True
) -> str | None:
    """Why the display should be sober (the option, the variable, the terminal), or None.

    `terminal`: whether a real terminal shows the app (not a test's headless one), whose
    colours then count.
    """
    if asked:
        return "option --sobre"
    wish = environ.get(SOBER_VARIABLE)
    if wish is not None and wish.strip().lower() in _YES:
        return f"{SOBER_VARIABLE}={wish}"
    if wish is not None and wish.strip().lower() in _NO:
        return None
    return few_colours(environ) if terminal else None


def few_colours(environ: Mapping[str, str]) -> str | None:
    """The terminal says it shows few colours (or none wanted): what says so, else None."""
    if "NO_COLOR" in environ:
        return "NO_COLOR"
    # A terminal that names itself `xterm` may still show millions of colours, and says so.
    if environ.get("COLORTERM", "").lower() in {"truecolor", "24bit"}:
        return None
    term = environ.get("TERM", "")
    if term in FEW_COLOUR_TERMS:
        return f"TERM={term}"
    return None
