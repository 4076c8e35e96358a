"""Kinds of notes offered in each workshop, and the short tags shown beside a note."""

from __future__ import annotations

from enum import Enum

from vitalite_tui.domain.errors import InvalidInput
from vitalite_tui.domain.indicators import INDICATORS, Pole
from vitalite_tui.domain.workshops import WORKSHOP_NUMBERS


class NoteKind(str, Enum):
    """What a note is, in the method's words."""

    CONSTAT = "constat"
    IMAGE = "image"
    TENDANCE = "tendance"
    RISQUE = "risque"
    OPPORTUNITE = "opportunite"
    INTENTION = "intention"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    NoteKind.CONSTAT: "constat",
    NoteKind.IMAGE: "image",
    NoteKind.TENDANCE: "tendance",
    NoteKind.RISQUE: "risque",
    NoteKind.OPPORTUNITE: "opportunité",
    NoteKind.INTENTION: "intention",
}

#: The kinds a facilitator can give a note in each workshop, the usual one first.
#:
#: 1. Baromètre et images: people say how they see social vitality today (constat) and
#:    explain the photo-language card they chose (image).
#: 2. Tendances: the trends are presented, then the sub-groups name the local risks and
#:    opportunities and write action intentions against them. `tendance` stays offered for a
#:    trend someone sees at work locally. What the sub-groups mostly write are intentions,
#:    hence the default (see `DEFAULT_KINDS`), while the order follows the discussion.
#: 3. Scénario: the kept actions are deepened, so what is said is mostly what to do
#:    (intention); facts raised on the way (a hall already taken, a bus that no longer
#:    runs) are constats.
#: 4. Restitution et charte: an open session reacts to the work presented (constat) and
#:    words the charter's commitments (intention).
WORKSHOP_KINDS: dict[int, tuple[NoteKind, ...]] = {
    1: (NoteKind.CONSTAT, NoteKind.IMAGE),
    2: (NoteKind.TENDANCE, NoteKind.RISQUE, NoteKind.OPPORTUNITE, NoteKind.INTENTION),
    3: (NoteKind.INTENTION, NoteKind.CONSTAT),
    4: (NoteKind.CONSTAT, NoteKind.INTENTION),
}

#: The kind a new round starts with: the one most notes of that workshop will have.
DEFAULT_KINDS: dict[int, NoteKind] = {
    1: NoteKind.CONSTAT,
    2: NoteKind.INTENTION,
    3: NoteKind.INTENTION,
    4: NoteKind.CONSTAT,
}


def kinds_for(workshop: int) -> tuple[NoteKind, ...]:
    """The kinds offered in workshop 1–4; ValueError otherwise."""
    if workshop not in WORKSHOP_NUMBERS:
        raise ValueError(f"workshop number out of range: {workshop}")
    return WORKSHOP_KINDS[workshop]


def default_kind(workshop: int) -> NoteKind:
    kinds_for(workshop)
    return DEFAULT_KINDS[workshop]


def next_kind(workshop: int, current: NoteKind | None) -> NoteKind:
    """The kind after `current` among those of the workshop, going round (one key cycles)."""
    kinds = kinds_for(workshop)
    if current is None or current not in kinds:
        return kinds[0]
    return kinds[(kinds.index(current) + 1) % len(kinds)]


def kind_keys(workshop: int) -> dict[str, NoteKind]:
    """The key that chooses each kind of the workshop after F9: its initial (« t » tendance).

    The initials differ within every workshop, so one letter names one kind; nothing cycles,
    so a key pressed twice cannot land on the wrong kind."""
    keys = {kind.label[0]: kind for kind in kinds_for(workshop)}
    if len(keys) != len(kinds_for(workshop)):
        raise ValueError(f"two kinds of workshop {workshop} share an initial")
    return keys


def indicator_tag(indicator: int | None, pole: Pole | None) -> str:
    """« I1+ », « I2- », « I3 » (no pole yet), « + » (no indicator yet) or ""."""
    if indicator is not None and not 1 <= indicator <= len(INDICATORS):
        raise ValueError(f"indicator number out of range: {indicator}")
    number = f"I{indicator}" if indicator is not None else ""
    sign = Pole(pole).sign if pole is not None else ""
    return number + sign


def check_indicator(indicator: int | None) -> int | None:
    """An indicator number typed or chosen: 1–4 or None; a French error otherwise."""
    if indicator is not None and not 1 <= indicator <= len(INDICATORS):
        raise InvalidInput(f"Indicateur : de 1 à {len(INDICATORS)}, ou aucun.")
    return indicator
