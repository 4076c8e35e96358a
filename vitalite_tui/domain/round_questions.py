"""The question offered for a new round: what the workshop asks, on the sub-group's theme."""

from __future__ import annotations

from vitalite_tui.domain.indicators import INDICATORS

#: Workshop 1 (baromètre et images), for a sub-group on one indicator: where it goes well
#: (vitality pole), what holds people back (depression pole), then the associated image.
INDICATOR_QUESTIONS: dict[int, tuple[str, str, str]] = {
    1: (
        "Où vous retrouvez-vous avec d'autres habitants ?",
        "Qu'est-ce qui vous empêche de participer, de rencontrer d'autres habitants ?",
        "Quelle image associez-vous aux rencontres dans votre commune ?",
    ),
    2: (
        "Où trouvez-vous l'information et l'aide dont vous avez besoin ?",
        "Quand vous êtes-vous senti démuni face à une démarche ou une situation ?",
        "Quelle image associez-vous à l'accès aux services et aux ressources ici ?",
    ),
    3: (
        "Sur qui, sur quels réseaux pouvez-vous compter pour avancer dans vos projets ?",
        "Qui reste seul face à ses difficultés, et pourquoi ?",
        "Quelle image associez-vous à l'entraide sur le territoire ?",
    ),
    4: (
        "Quelles initiatives locales vous donnent envie de vous impliquer ?",
        "Qu'est-ce qui fait que les habitants restent spectateurs de la vie locale ?",
        "Quelle image associez-vous à la vie locale aujourd'hui ?",
    ),
}

#: Workshop 1 for a sub-group without an indicator: the state of social vitality as a whole.
GENERAL_QUESTIONS = (
    "Qu'est-ce qui fait vivre le territoire aujourd'hui ?",
    "Qu'est-ce qui, au contraire, isole ou décourage les habitants ?",
    "Quelle image associez-vous à la vie sociale du territoire ?",
)


def quoted(title: str) -> str:
    """« title » with non-breaking spaces: the marks never wrap away from the words."""
    return f"«\u00a0{title.strip()}\u00a0»"


def _workshop_2(trend: str) -> tuple[str, ...]:
    """Workshop 2: the trend's local risks and opportunities, then intentions against them."""
    about = f"Face à {quoted(trend)}" if trend else "Face aux grands changements"
    return (
        f"{about} : quels risques et quelles opportunités ici ?",
        f"{about} : quelles actions concrètes proposez-vous ?",
    )


def _workshop_3(theme: str) -> tuple[str, ...]:
    """Workshop 3: a kept action deepened, as its action sheet asks."""
    action = f"Pour l'action {quoted(theme)}" if theme else "Pour l'action retenue"
    return (
        f"{action} : qui la porte, avec quels partenaires, pour quel public ?",
        f"{action} : quels moyens, quel calendrier, quelle première étape ?",
        f"{action} : à quoi verra-t-on qu'elle réussit ?",
    )


#: Workshop 4 (restitution et charte): the work presented, then the charter's wording.
CHARTER_QUESTIONS = (
    "Que retenez-vous des travaux présentés ?",
    "Quels engagements proposez-vous d'inscrire dans la charte ?",
    "Comment formuler cet engagement pour que chacun puisse le signer ?",
)


def suggested_question(
    workshop: int, round_index: int, *, indicator: int | None, theme: str, trend: str = ""
) -> str:
    """The question offered for a sub-group's round `round_index` (0: its first) in
    `workshop`: the workshop's sequence, on the sub-group's indicator (workshop 1), the
    round's trend (2) or its theme, the kept action (3); past the sequence, its last one."""
    if workshop == 1:
        known = indicator is not None and 1 <= indicator <= len(INDICATORS)
        questions: tuple[str, ...] = (
            INDICATOR_QUESTIONS[indicator] if known and indicator else GENERAL_QUESTIONS
        )
    elif workshop == 2:
        questions = _workshop_2(trend or theme)
    elif workshop == 3:
        questions = _workshop_3(theme)
    else:
        questions = CHARTER_QUESTIONS
    return questions[min(max(round_index, 0), len(questions) - 1)]
