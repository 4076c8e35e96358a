"""Workshop 1 · the felt barometer: typed person by person, or as stickers counted per value."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from vitalite_tui.domain.colleges import College
from vitalite_tui.domain.felt import FeltIndicator
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.domain.text import plural
from vitalite_tui.store.felt.records import FeltSummary
from vitalite_tui.tui.contents.base import ContentPart
from vitalite_tui.tui.messages import BarometerAsked
from vitalite_tui.tui.widgets.felt_grid import FeltGrid, Said, header_line
from vitalite_tui.tui.widgets.sticker_grid import STICKER_COLLEGES, StickerGrid, college_name
from vitalite_tui.tui.widgets.table import shorten

PEOPLE = "people"
STICKERS = "stickers"

#: The summary: a label column, then one column per indicator.
SUMMARY_LABEL = 12
SUMMARY_CELL = 16

KEYS = {
    PEOPLE: "0–9, x = 10 · ⏎ garde · ⌫ recule · ←→ case · ↑↓ personne · Suppr efface",
    STICKERS: "chiffres puis ⏎ · ⌫ corrige · ↑↓ indicateur · Maj+←→ valeur · Suppr 0",
}


def tenths(mean: float | None) -> str:
    """« 4,8 », French style, or « — »."""
    return "—" if mean is None else f"{mean:.1f}".replace(".", ",")


def summary_cell(result: FeltIndicator) -> str:
    """« 4,8 (n=38) »: the mean on 0–10 and how many placed it."""
    return f"{tenths(result.mean)} (n={result.n})" if result.n else "—"


def summary_text(summary: FeltSummary) -> Content:
    """Means on 0–10, whole then by collège, one column per indicator."""
    muted = "$text-muted"
    head: list[tuple[str, str] | str] = [("Moyenne /10".ljust(SUMMARY_LABEL), muted)]
    for shown in INDICATORS:
        name = shorten(f"{shown.code} {shown.short_name}", SUMMARY_CELL - 1)
        head.append((name.ljust(SUMMARY_CELL), muted))
    rows: list[tuple[str, Sequence[FeltIndicator]]] = [("ensemble", summary.indicators)]
    rows += [(college.plural, summary.colleges[college]) for college in College]
    lines = [Content.assemble(*head)]
    for label, results in rows:
        cells = "".join(summary_cell(result).ljust(SUMMARY_CELL) for result in results)
        lines.append(Content.assemble((label.ljust(SUMMARY_LABEL), "bold"), cells))
    return Content("\n").join(lines)


def poles_hint(index: int) -> str:
    """« I2 Accès aux ressources : 0 = Impuissance · 10 = Perspectives »."""
    shown = INDICATORS[index]
    return f"{shown.code} {shown.short_name} : 0 = {shown.depression} · 10 = {shown.vitality}"


def college_line(current: College | None) -> Content:
    """« Collège (←→) : tous ▸ élus ▸ acteurs ▸ habitants », the current one highlighted."""
    parts: list[Content | str] = []
    for index, college in enumerate(STICKER_COLLEGES):
        if index:
            parts.append(" ▸ ")
        name = college_name(college)
        parts.append(Content.styled(name, "bold reverse") if college is current else name)
    return Content.assemble("Gommettes de (←→) : ", *parts)


class FeltPart(ContentPart):
    """Each person places each indicator from 0 (depression pole) to 10 (vitality pole)."""

    DEFAULT_CSS = """
    FeltPart #felt-header { height: 1; color: $text-muted; text-wrap: nowrap; }
    FeltPart #felt-status { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    FeltPart #felt-status.-warning { color: $text-warning; }
    FeltPart #felt-colleges { height: 1; padding: 0 1; }
    FeltPart #felt-stickers { margin: 1 1 0 1; }
    FeltPart #felt-summary {
        height: auto; padding: 0 1; border-top: solid $foreground 20%; text-wrap: nowrap;
    }
    FeltPart #felt-spacer { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "g",
            f"mode('{STICKERS}')",
            "Gommettes",
            id="felt-stickers",
            tooltip="Saisir des gommettes comptées au mur (nombre par valeur de 0 à 10).",
        ),
        Binding(
            "g",
            f"mode('{PEOPLE}')",
            "Personnes",
            id="felt-people",
            tooltip="Revenir à la saisie personne par personne.",
        ),
        Binding(
            "b",
            "barometer",
            "Baromètre",
            id="felt-barometer",
            tooltip="Le baromètre : le ressenti sous le mesuré des questionnaires.",
        ),
    ]

    def __init__(self, demarche_id: str, number: int, *, id: str | None = None) -> None:
        super().__init__(demarche_id, number, id=id)
        self.mode = PEOPLE
        self.summary: FeltSummary | None = None
        self.message = ("", False)

    def compose(self) -> ComposeResult:
        yield Static(KEYS[PEOPLE], id="felt-keys", classes="hint", markup=False)
        yield Static("", id="felt-poles", classes="hint", markup=False)
        yield Static("", id="felt-colleges")
        yield Static("", id="felt-header", markup=False)
        yield FeltGrid(self, id="felt-grid")
        yield StickerGrid(self, id="felt-stickers")
        yield Static("", id="felt-spacer")
        yield Static("", id="felt-status", classes="counts", markup=False)
        yield Static("", id="felt-summary")

    def on_mount(self) -> None:
        self.show_mode()

    # ------------------------------------------------------------ the widgets

    @property
    def grid(self) -> FeltGrid:
        return self.query_one(FeltGrid)

    @property
    def stickers(self) -> StickerGrid:
        return self.query_one(StickerGrid)

    def focus_first(self) -> None:
        (self.stickers if self.mode == STICKERS else self.grid).focus()

    # ------------------------------------------------------------ the store

    def reload(self) -> None:
        entries = self.read(lambda: self.store.felt.entries(self.demarche_id))
        if entries is not None:
            self.grid.load(entries)
        self.stickers.reload()
        self.refresh_summary()

    def refresh_summary(self) -> None:
        self.summary = self.read(lambda: self.store.felt.summary(self.demarche_id))
        if self.summary is not None:
            self.query_one("#felt-summary", Static).update(summary_text(self.summary))
        self.show_state()

    # The grids' keeper (`FeltKeeper`): called at once, before their next key.

    def save_felt(self, participant_id: str, values: Sequence[int | None]) -> bool:
        ok = self.run_safely(
            lambda: self.store.felt.record(self.demarche_id, participant_id, values)
        )
        if ok:
            self.refresh_summary()
        return ok

    def clear_felt(self, participant_id: str) -> bool:
        ok = self.run_safely(lambda: self.store.felt.clear(self.demarche_id, participant_id))
        if ok:
            self.refresh_summary()
        return ok

    def sticker_counts(self, college: College | None) -> Mapping[int, Sequence[int]] | None:
        return self.read(lambda: self.store.felt.sticker_counts(self.demarche_id, college))

    def save_sticker_count(
        self, indicator: int, value: int, count: int, college: College | None
    ) -> bool:
        ok = self.run_safely(
            lambda: self.store.felt.set_count(self.demarche_id, indicator, value, count, college)
        )
        if ok:
            self.refresh_summary()
        return ok

    # ------------------------------------------------------------ what is shown

    def show_mode(self) -> None:
        people = self.mode == PEOPLE
        for selector in ("#felt-header", "#felt-grid"):
            self.query_one(selector).display = people
        for selector in ("#felt-colleges", "#felt-stickers", "#felt-spacer"):
            self.query_one(selector).display = not people
        self.query_one("#felt-keys", Static).update(KEYS[self.mode])
        self.message = ("", False)
        self.show_state()
        self.refresh_bindings()

    def show_state(self) -> None:
        """The poles of the marked indicator, the header, the progress and the last message."""
        grid, stickers = self.grid, self.stickers
        if self.mode == PEOPLE:
            self.query_one("#felt-poles", Static).update(poles_hint(grid.col))
            width = grid.scrollable_content_region.width or self.size.width
            self.query_one("#felt-header", Static).update(header_line(width))
            progress = self.progress()
        else:
            self.query_one("#felt-poles", Static).update(poles_hint(stickers.indicator))
            self.query_one("#felt-colleges", Static).update(college_line(stickers.college))
            progress = self.people_line()
        text, warning = self.message
        status = self.query_one("#felt-status", Static)
        status.update(f"{progress} · {text}" if text else progress)
        status.set_class(warning, "-warning")

    def progress(self) -> str:
        """« 12/38 présents saisis »."""
        rows = self.grid.rows
        if not rows:
            return "Personne n'est noté présent : cochez les présences, ou g pour les gommettes"
        done = sum(1 for row in rows if any(value is not None for value in row.saved))
        return f"{done}/{plural(len(rows), 'présent')} saisis"

    def people_line(self) -> str:
        summary = self.summary
        if summary is None or summary.empty:
            return "Aucun ressenti saisi"
        return f"Ressenti : {plural(summary.people, 'participant')}"

    @on(FeltGrid.Changed)
    @on(StickerGrid.Changed)
    def grid_changed(self) -> None:
        self.show_state()

    @on(Said)
    def said(self, event: Said) -> None:
        self.message = (event.text, event.warning)
        self.show_state()

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_state)

    # ------------------------------------------------------------ actions

    def action_mode(self, mode: str) -> None:
        if mode == self.mode:
            return
        if self.mode == PEOPLE and self.grid.dirty_row is not None:
            row = self.grid.dirty_row
            self.message = (
                f"{row.name} : valeurs non enregistrées — F2 pour enregistrer, Suppr pour effacer",
                True,
            )
            self.app.bell()
            self.show_state()
            return
        if self.mode == STICKERS and self.stickers.buffer:
            self.stickers.say("Nombre tapé non validé : ⏎ ou ⌫ d'abord", warning=True)
            return
        self.mode = mode
        self.show_mode()
        self.focus_first()

    def action_barometer(self) -> None:
        self.post_message(BarometerAsked(self.demarche_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mode":
            return parameters[0] != self.mode
        return True

    def unsaved_text(self) -> str:
        row = self.grid.dirty_row
        if row is not None:
            return f"Ressenti de {row.name} : valeurs tapées, non enregistrées"
        if self.stickers.buffer:
            return f"Gommettes : « {self.stickers.buffer} » tapé, non validé"
        return ""
