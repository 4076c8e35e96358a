"""The four dynamic indicators of social vitality and their two poles."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Pole(str, Enum):
    """One end of an indicator's scale."""

    VITALITY = "vitality"
    DEPRESSION = "depression"

    @property
    def label(self) -> str:
        return "vitalité" if self is Pole.VITALITY else "dépression"

    @property
    def sign(self) -> str:
        """The one-character mark shown beside a tagged note (I1+ / I1-)."""
        return "+" if self is Pole.VITALITY else "-"


@dataclass(frozen=True)
class Indicator:
    """A scale between a vitality pole and a depression pole."""

    number: int
    name: str
    short_name: str
    vitality: str
    depression: str
    description: str

    @property
    def code(self) -> str:
        return f"I{self.number}"

    @property
    def poles_label(self) -> str:
        return f"{self.vitality} / {self.depression}"

    def pole_label(self, pole: Pole) -> str:
        return self.vitality if pole is Pole.VITALITY else self.depression


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        number=1,
        name="Le niveau de sociabilité des habitants",
        short_name="Sociabilité",
        vitality="Rendez-vous",
        depression="Isolement",
        description=(
            "Influencé par le mode de vie et l'aménagement du territoire, il constitue le "
            "premier palier d'exclusion ou d'intégration sociale pour agir sur son parcours "
            "de vie."
        ),
    ),
    Indicator(
        number=2,
        name="Le niveau d'accessibilité aux ressources",
        short_name="Accès aux ressources",
        vitality="Perspectives",
        depression="Impuissance",
        description=(
            "Influencé par les interactions avec l'entourage et les habiletés sociales, il "
            "balise l'accès à l'information puis l'accès aux perspectives pour agir sur sa "
            "situation de vie."
        ),
    ),
    Indicator(
        number=3,
        name="Le niveau d'émancipation",
        short_name="Émancipation",
        vitality="Solidarités interactives",
        depression="Dépendance",
        description=(
            "Il signale l'intégration dans un ou des réseaux de soutien qui facilitent les "
            "projets ou la situation de vie à améliorer."
        ),
    ),
    Indicator(
        number=4,
        name="Le niveau d'intégration dans la vie locale",
        short_name="Vie locale",
        vitality="Initiatives",
        depression="Passivité",
        description=(
            "Il positionne l'habitant comme un acteur à part entière de son parcours de vie "
            "dans un environnement local qu'il contribue à transformer et à enrichir."
        ),
    ),
)


def indicator(number: int) -> Indicator:
    """The indicator numbered 1 to 4; ValueError otherwise."""
    if not 1 <= number <= len(INDICATORS):
        raise ValueError(f"indicator number out of range: {number}")
    return INDICATORS[number - 1]
