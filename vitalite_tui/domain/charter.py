"""Action sheets and the charter, pure: what a complete sheet is, the charter as Markdown."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from vitalite_tui.domain.errors import InvalidInput
from vitalite_tui.domain.indicators import INDICATORS, indicator
from vitalite_tui.domain.text import plural

# ---------------------------------------------------------------- action sheets

#: The text fields of a fiche action, in the order of the form, with their French labels.
SHEET_TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("porteur", "Porteur"),
    ("partners", "Partenaires"),
    ("public", "Public visé"),
    ("means", "Moyens"),
    ("calendar", "Calendrier"),
    ("first_step", "Première étape"),
    ("success_sign", "Signe de réussite"),
)
INDICATORS_LABEL = "Indicateurs"
#: What a complete sheet has: the seven texts and at least one indicator.
SHEET_TOTAL = len(SHEET_TEXT_FIELDS) + 1


@dataclass(frozen=True)
class SheetContent:
    """What a fiche action says (also what its form collects, before cleaning)."""

    porteur: str = ""
    partners: str = ""
    public: str = ""
    means: str = ""
    calendar: str = ""
    first_step: str = ""
    success_sign: str = ""
    #: The indicators (1–4) the action should move, in order.
    indicators: tuple[int, ...] = ()

    def text(self, name: str) -> str:
        value = getattr(self, name)
        assert isinstance(value, str)
        return value

    @classmethod
    def of(cls, texts: Mapping[str, str], indicators: Iterable[int] = ()) -> SheetContent:
        """A sheet from its texts by field name (missing ones empty) and its indicators."""
        return cls(
            porteur=texts.get("porteur", ""),
            partners=texts.get("partners", ""),
            public=texts.get("public", ""),
            means=texts.get("means", ""),
            calendar=texts.get("calendar", ""),
            first_step=texts.get("first_step", ""),
            success_sign=texts.get("success_sign", ""),
            indicators=tuple(indicators),
        )

    def texts(self) -> dict[str, str]:
        """The seven text fields by name (the keys of `SHEET_TEXT_FIELDS`)."""
        return {name: self.text(name) for name, _ in SHEET_TEXT_FIELDS}


@dataclass(frozen=True)
class Completeness:
    """How much of a sheet is filled: « 6/8 », and the French names of what is missing."""

    filled: int
    missing: tuple[str, ...]
    total: int = SHEET_TOTAL

    @property
    def complete(self) -> bool:
        return self.filled == self.total

    @property
    def fraction(self) -> str:
        return f"{self.filled}/{self.total}"

    @property
    def mark(self) -> str:
        """For a list: « ✔ 8/8 » when complete, else « 6/8 »."""
        return f"✔ {self.fraction}" if self.complete else self.fraction

    @property
    def missing_text(self) -> str:
        """« Manque : calendrier, première étape. », or « Fiche complète. »."""
        if self.complete:
            return "Fiche complète."
        return "Manque : " + ", ".join(label.lower() for label in self.missing) + "."


def completeness(sheet: SheetContent) -> Completeness:
    """Fields filled out of eight: each text that is not blank, and the indicators if any."""
    missing = [label for name, label in SHEET_TEXT_FIELDS if not sheet.text(name).strip()]
    if not sheet.indicators:
        missing.append(INDICATORS_LABEL)
    return Completeness(SHEET_TOTAL - len(missing), tuple(missing))


def clean_indicators(values: Iterable[int]) -> tuple[int, ...]:
    """The indicator numbers, once each and in order; a French error for one out of 1–4."""
    chosen = set()
    for value in values:
        if not 1 <= value <= len(INDICATORS):
            raise InvalidInput(f"Indicateur {value} inconnu (1 à {len(INDICATORS)}).")
        chosen.add(value)
    return tuple(sorted(chosen))


def indicators_label(numbers: Iterable[int]) -> str:
    """« I1 Sociabilité, I3 Émancipation » (empty when none)."""
    return ", ".join(f"I{n} {indicator(n).short_name}" for n in numbers)


# ---------------------------------------------------------------- the charter

DEFAULT_CHARTER_TITLE = "Charte de la vitalité sociale"

#: A territory named with its article: « Le Pays … » → « du Pays … ».
_ARTICLES = (
    ("le ", "du "),
    ("les ", "des "),
    ("la ", "de la "),
    ("l'", "de l'"),
    ("l’", "de l’"),
)
#: Names that take « de la »: « de la Communauté de communes … », « de la Haute-Vallée ».
_FEMININE_STARTS = (
    "communauté",
    "cc ",
    "comcom",
    "métropole",
    "vallée",
    "montagne",
    "haute",
    "basse",
)
#: No « h » (aspirated in place names: « du Haut-Languedoc », not « de l'Haut-… »).
_VOWELS = "aeiouyâàéèêîïôû"


def of_territory(territory: str) -> str:
    """« de la Communauté de communes … », « du Pays de … », « de l'Aude »: French « of »."""
    name = territory.strip()
    lower = name.lower()
    if not name:
        return ""
    if lower.startswith(_FEMININE_STARTS):
        return f"de la {name}"
    for article, contracted in _ARTICLES:
        if lower.startswith(article):
            return contracted + name[len(article) :]
    if lower[0] in _VOWELS:
        return f"de l'{name}"
    return f"du {name}"


def default_charter_title(territory: str) -> str:
    """« Charte de la vitalité sociale de la Communauté de communes du Pays de Lambrenne »."""
    of = of_territory(territory)
    return f"{DEFAULT_CHARTER_TITLE} {of}" if of else DEFAULT_CHARTER_TITLE


def origins_label(actions: int, axes: int) -> str:
    """« 2 actions · 1 axe », « 1 action », « aucune origine »."""
    parts = []
    if actions:
        parts.append(plural(actions, "action"))
    if axes:
        parts.append(plural(axes, "axe"))
    return " · ".join(parts) if parts else "aucune origine"


@dataclass(frozen=True)
class ArticleView:
    """An article as printed: its number, its words, where it comes from."""

    number: int
    title: str
    text: str
    actions: tuple[str, ...] = ()
    axes: tuple[str, ...] = ()

    @property
    def origins_line(self) -> str:
        """« Issu de : Café itinérant ; Transport solidaire ; axe : Se retrouver »."""
        axes = " ; ".join(self.axes)
        if not self.actions:
            if not self.axes:
                return ""
            return f"Issu de l'axe : {axes}" if len(self.axes) == 1 else f"Issu des axes : {axes}"
        line = "Issu de : " + " ; ".join(self.actions)
        if self.axes:
            line += f" ; {'axe' if len(self.axes) == 1 else 'axes'} : {axes}"
        return line


@dataclass(frozen=True)
class SignatoryView:
    """A signatory as printed: named only with their consent (`privacy.public_signatory`)."""

    name: str
    organisation: str = ""
    signed_on: date | None = None


@dataclass(frozen=True)
class CharterDocument:
    """Everything the printable charter shows."""

    title: str
    territory: str
    communes: tuple[str, ...] = ()
    adopted_on: date | None = None
    preamble: str = ""
    articles: tuple[ArticleView, ...] = ()
    signatories: tuple[SignatoryView, ...] = ()
