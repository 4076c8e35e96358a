"""The rules of the vote: dots per person, the most on one action, what to keep, what to show."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Input, Static

from vitalite_tui.domain.text import plural
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store.vote.records import VoteSettingsDraft, VoteSettingsRecord
from vitalite_tui.tui.widgets.form import Field, FormCheckbox, FormDialog
from vitalite_tui.tui.widgets.note_input import FieldInput


def parse_count(text: str, *, field: str, required: bool = True) -> int | None:
    """A whole number typed in a field; None when left empty and not required."""
    value = text.strip()
    if not value:
        if required:
            raise InvalidInput(f"{field} : ce champ est obligatoire.")
        return None
    if not value.isdigit():
        raise InvalidInput(f"{field} : « {value} » n'est pas un nombre entier.")
    return int(value)


class VoteSettingsDialog(FormDialog[VoteSettingsDraft]):
    """The settings of the current round; a tie-break round has only the dots and hiding."""

    DEFAULT_CSS = """
    VoteSettingsDialog Field > .field-label { width: 26; }
    VoteSettingsDialog Field > Input { width: 12; }
    VoteSettingsDialog .settings-hint { color: $text-muted; }
    """
    KEYS_HINT = "⏎ Suivant · Espace coche · F2 Valider · Échap Annuler"

    def __init__(
        self,
        settings: VoteSettingsRecord,
        *,
        candidates: int,
        save: Callable[[VoteSettingsDraft], object] | None = None,
    ) -> None:
        title = (
            f"Réglages du tour {settings.round_number} (départage)"
            if settings.tie_break
            else "Réglages du vote"
        )
        super().__init__(title, save=save)
        self.settings = settings
        self.candidates = candidates

    def compose_fields(self) -> ComposeResult:
        settings = self.settings
        if not settings.tie_break:
            yield Static(
                f"{plural(self.candidates, 'action candidate', 'actions candidates')} : "
                f"environ un tiers, soit {plural(settings.suggested_dots, 'gommette')} par "
                "personne, est conseillé.",
                classes="settings-hint",
            )
        yield Field(
            "Gommettes par personne",
            FieldInput(str(settings.dots_per_participant), id="settings-dots", compact=True),
        )
        yield Field(
            "Au plus sur une action",
            FieldInput(str(settings.max_per_action), id="settings-max", compact=True),
        )
        if not settings.tie_break:
            keep = "" if settings.keep_count is None else str(settings.keep_count)
            yield Field(
                "Actions à retenir",
                FieldInput(keep, id="settings-keep", placeholder="à choisir", compact=True),
            )
        yield FormCheckbox(
            "Masquer les résultats jusqu'à la clôture", settings.hide_results, id="settings-hide"
        )
        if not settings.tie_break:
            yield FormCheckbox(
                "Pondérer les collèges (même poids pour chacun)",
                settings.weight_colleges,
                id="settings-weight",
            )

    def collect(self) -> VoteSettingsDraft:
        settings = self.settings
        dots = parse_count(
            self.query_one("#settings-dots", Input).value, field="Gommettes par personne"
        )
        most = parse_count(
            self.query_one("#settings-max", Input).value, field="Au plus sur une action"
        )
        assert dots is not None
        assert most is not None
        if settings.tie_break:
            keep, weight = settings.keep_count, settings.weight_colleges
        else:
            keep = parse_count(
                self.query_one("#settings-keep", Input).value,
                field="Actions à retenir",
                required=False,
            )
            weight = self.query_one("#settings-weight", FormCheckbox).value
        return VoteSettingsDraft(
            dots_per_participant=dots,
            max_per_action=most,
            hide_results=self.query_one("#settings-hide", FormCheckbox).value,
            keep_count=keep,
            weight_colleges=weight,
        )
