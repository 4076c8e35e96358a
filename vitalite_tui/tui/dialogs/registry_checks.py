"""Questions asked before a participant is stored: a commune outside the territory, someone
probably registered already, and the list of probable duplicates to join."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType

from vitalite_tui.domain.communes import closest_communes
from vitalite_tui.store.exchange.records import Duplicate
from vitalite_tui.store.preparation.records import ParticipantRecord
from vitalite_tui.tui.dialogs.number_pick import NumberPickDialog, digit_bindings
from vitalite_tui.tui.widgets.table import shorten

#: The choice that keeps the commune as typed, and the one that registers anyway.
KEEP_AS_TYPED = "keep"
REGISTER_ANYWAY = "add"


class CommunePickDialog(NumberPickDialog):
    """A commune that is none of the territory's: take one of the closest, or keep it."""

    BINDINGS: ClassVar[list[BindingType]] = digit_bindings(
        "Choix {n}", "Prendre le choix numéro {n}.", "commune-pick"
    )

    def __init__(self, typed: str, communes: Sequence[str]) -> None:
        closest = closest_communes(typed, communes)
        choices = [(name, f"{n} {name}") for n, name in enumerate(closest, start=1)]
        keep = f"{len(choices) + 1} Garder « {shorten(typed, 40)} » (hors territoire)"
        choices.append((KEEP_AS_TYPED, keep))
        super().__init__(f"« {shorten(typed, 30)} » n'est pas une commune du territoire", choices)


def person_line(record: ParticipantRecord) -> str:
    commune = f" ({record.commune})" if record.commune else ""
    return f"{record.code} {record.display_name}{commune} · {record.college.label}"


class SamePersonDialog(NumberPickDialog):
    """Someone with this name and commune is registered: open their card, or register anyway.

    Returns the id of the person to open, `REGISTER_ANYWAY`, or None (back to the form)."""

    BINDINGS: ClassVar[list[BindingType]] = digit_bindings(
        "Choix {n}", "Prendre le choix numéro {n}.", "same-pick"
    )

    def __init__(self, name: str, already: Sequence[ParticipantRecord]) -> None:
        choices = [
            (record.id, shorten(f"{n} Ouvrir la fiche de {person_line(record)}", 66))
            for n, record in enumerate(already, start=1)
        ]
        choices.append((REGISTER_ANYWAY, f"{len(choices) + 1} Inscrire quand même"))
        super().__init__(f"« {shorten(name, 30)} » est peut-être déjà inscrit(e)", choices)


def duplicate_line(number: int, pair: Duplicate) -> str:
    commune = f" ({pair.commune})" if pair.commune else ""
    return shorten(f"{number} {pair.codes[0]} et {pair.codes[1]} : {pair.name}{commune}", 66)


class DuplicatePickDialog(NumberPickDialog):
    """The probable duplicates of the registry (same name and commune): one to join."""

    BINDINGS: ClassVar[list[BindingType]] = digit_bindings(
        "Doublon {n}", "Réunir les deux fiches du doublon numéro {n}.", "duplicate-pick"
    )

    def __init__(self, pairs: Sequence[Duplicate]) -> None:
        super().__init__(
            "Doublons probables (même nom, même commune)",
            [(str(n), duplicate_line(n, pair)) for n, pair in enumerate(pairs, start=1)],
        )
