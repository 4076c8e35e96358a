"""Barometer screen: four two-pole bars with n, segments with `s`, detail, help, empty case."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Label

from tui.conftest import SIZE, footer_shows, make_app, screen_lines, wait_for
from vitalite_tui.demo import create_demo
from vitalite_tui.domain.barometer import FORMULA, IndicatorBarometer
from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.store import Store
from vitalite_tui.store.questionnaire.records import MeasuredBarometer
from vitalite_tui.tui.screens.help import HelpScreen
from vitalite_tui.tui.screens.questionnaire.barometer import BarometerScreen
from vitalite_tui.tui.widgets.barometer import (
    BarLine,
    BarometerBars,
    IndicatorBlock,
    filled_cells,
    layout,
    render_blocks,
)


@pytest.fixture
def demo_id(store: Store) -> str:
    """The small demo: 80 questionnaire sheets, varied by commune and age band."""
    return create_demo(store, "small").demarche_id


def bars_of(app: App[None]) -> BarometerBars:
    return app.screen.query_one("#barometer-bars", BarometerBars)


def bar_text(name: str, result: IndicatorBarometer) -> str:
    """How a bar line ends: its position and n."""
    assert result.position is not None
    return f"{round(result.position):>4}  (n={result.n})"


def drawn(app: App[None]) -> bool:
    """The barometer laid out (its footer on the last line), its bars drawn to their width."""
    if not isinstance(app.screen, BarometerScreen):
        return False
    bars = bars_of(app)
    widest = max((len(line) for line in bars.text.splitlines()), default=0)
    return widest <= bars.content_size.width and footer_shows(app, "Échap Retour")


async def open_barometer(pilot: Pilot[None], demarche_id: str) -> BarometerScreen:
    screen = BarometerScreen(demarche_id)
    await pilot.app.push_screen(screen)
    # Layout and the bars' redraw at their width come later than the push on a busy machine.
    await wait_for(pilot, lambda: drawn(pilot.app))
    return screen


@pytest.mark.demo("small")
async def test_four_bars_with_their_n_on_the_demo(store: Store, demo_id: str) -> None:
    measured = store.barometer.measured(demo_id)
    assert measured.sheets == 80
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_barometer(pilot, demo_id)
        title = pilot.app.screen.query_one("#barometer-title", Label)
        assert str(title.content) == "Baromètre · 80 questionnaires · ressenti : 38 participants"
        bars = bars_of(pilot.app)
        assert [block.number for block in bars.blocks] == [1, 2, 3, 4]
        assert [[line.label for line in block.lines] for block in bars.blocks] == [["mesuré"]] * 4
        assert [block.lines[0].result for block in bars.blocks] == measured.indicators
        # All four fit at 80x24, each under its two poles, with position and n.
        lines = screen_lines(pilot.app)
        for indicator, result in zip(INDICATORS, measured.indicators, strict=True):
            (bar,) = [
                line for line in lines if f"{indicator.number} {indicator.short_name}" in line
            ]
            assert bar.endswith(bar_text(indicator.short_name, result)), bar
            assert "█" in bar
            (poles,) = [line for line in lines if f"{indicator.depression} ◄" in line]
            assert poles.rstrip().endswith(f"► {indicator.vitality}")
            # The depression pole's arrow stands over the bar's first cell.
            assert poles.index("◄") == min(bar.find("█"), bar.find("░"))
        assert max(len(line) for line in lines) <= 80
        footer = lines[-1]
        for key in ("Échap Retour", "s Segment", "⏎ Détail", "F1 Aide"):
            assert key in footer


@pytest.mark.demo("small")
async def test_s_splits_by_commune_with_the_stores_figures(store: Store, demo_id: str) -> None:
    by_commune = store.barometer.measured(demo_id, "commune")
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_barometer(pilot, demo_id)
        await pilot.press("s")
        assert screen.segment is not None
        assert screen.segment.code == "commune"
        bars = bars_of(pilot.app)
        for index, block in enumerate(bars.blocks):
            assert block.lines[0] == BarLine("ensemble", by_commune.indicators[index])
            assert [(line.label, line.result) for line in block.lines[1:]] == [
                (group.label, group.indicators[index]) for group in by_commune.segments
            ]
        first = by_commune.segments[0]
        await wait_for(
            pilot, lambda: any(first.label[:12] in line for line in screen_lines(pilot.app))
        )
        lines = screen_lines(pilot.app)
        row = next(line for line in lines if first.label[:12] in line)  # under indicator 1
        assert row.endswith(bar_text(first.label, first.indicators[0]))
        assert screen.segment_line().plain == (
            "Segment (s) : tous ▸ commune ▸ âge ▸ ancienneté ▸ situation"
        )
        # On through âge, ancienneté, situation, and back to everyone; Maj+S goes back.
        await pilot.press("s", "s", "s", "s")
        assert screen.segment is None
        assert [line.label for line in bars_of(pilot.app).blocks[0].lines] == ["mesuré"]
        await pilot.press("S")
        assert screen.segment is not None
        assert screen.segment.code == "situation"


@pytest.mark.demo("small")
async def test_enter_shows_and_hides_v_and_d(store: Store, demo_id: str) -> None:
    first = store.barometer.measured(demo_id).indicators[0]
    assert first.vitality is not None
    assert first.depression is not None
    detail = f"V {round(first.vitality)} · D {round(first.depression)} · répartition "
    detail += "/".join(str(count) for count in first.distribution)
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_barometer(pilot, demo_id)
        assert any(line.strip() == detail for line in screen_lines(pilot.app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: not any(detail in line for line in screen_lines(pilot.app)))
        assert bars_of(pilot.app).details is False
        await pilot.press("enter")
        assert detail in bars_of(pilot.app).text


async def test_an_empty_demarche_says_so(store: Store, demarche_id: str) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        screen = await open_barometer(pilot, demarche_id)
        await pilot.press("s", "enter", "pagedown")  # nothing to act on: nothing happens
        assert pilot.app.screen is screen
        assert screen.segment is None
        text = "\n".join(screen_lines(pilot.app))
        assert "Baromètre de la vitalité sociale · aucun questionnaire" in text
        assert "Aucun questionnaire saisi pour l'instant" in text
        assert not screen.query_one("#barometer-scroll").display
        assert "s Segment" not in text
        assert "⏎ Détail" not in text
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, BarometerScreen)


@pytest.mark.demo("small")
async def test_f1_explains_the_formula(store: Store, demo_id: str) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_barometer(pilot, demo_id)
        await pilot.press("f1")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        assert FORMULA in help_screen.intro

        def shown() -> str:
            text = " ".join(line.strip(" █") for line in screen_lines(pilot.app))
            return " ".join(text.split())

        await wait_for(pilot, lambda: "(V + (100 − D)) / 2" in shown())
        assert "a = 100 × (réponse − 1) / (k − 1)" in shown()
        keys = " ".join(str(line) for line in help_screen.lines)
        assert "Segment" in keys
        assert "Détail" in keys
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, BarometerScreen)


@pytest.mark.demo("small")
async def test_a_wider_screen_gets_longer_bars(store: Store, demo_id: str) -> None:
    async with make_app(store).run_test(size=(120, 30)) as pilot:
        await open_barometer(pilot, demo_id)
        wide = bars_of(pilot.app).text
    async with make_app(store).run_test(size=SIZE) as pilot:
        await open_barometer(pilot, demo_id)
        narrow = bars_of(pilot.app).text

    def cells(text: str) -> int:
        return max(line.count("█") + line.count("░") for line in text.splitlines())

    assert cells(wide) > cells(narrow)


# ---------------------------------------------------------------- the drawing, without a screen


def result(position: float | None, n: int = 10) -> IndicatorBarometer:
    return IndicatorBarometer(1, n, position, None, position, (0, 0, n, 0, 0))


def test_a_bar_fills_in_proportion_to_the_position() -> None:
    assert filled_cells(0.0, 20) == 0
    assert filled_cells(100.0, 20) == 20
    assert filled_cells(50.0, 20) == 10
    assert filled_cells(62.0, 26) == 16  # the sketch: 62 on 26 cells
    assert filled_cells(None, 20) == 0


def test_every_line_fits_80_columns_even_with_long_segment_values() -> None:
    long_name = "Saint-Julien-des-Combes-sur-Lambrenne"
    blocks = [
        IndicatorBlock(
            number,
            (BarLine("ensemble", result(55.0, 300)), BarLine(long_name, result(None, 0))),
        )
        for number in (1, 2, 3, 4)
    ]
    width = 77  # 80 less the scrollbar and the padding
    text = render_blocks(blocks, width, details=True).plain
    assert max(len(line) for line in text.splitlines()) <= width
    assert "Saint-Julien-de…" in text  # cut to the label column, 16 cells
    assert "trop peu de réponses : non calculé" in text  # n = 0: no bar, said why
    assert "—  (n=0)" in text
    grid = layout(blocks, width)
    assert grid.bar >= 20


def test_the_blocks_match_a_measured_barometer() -> None:
    from vitalite_tui.tui.screens.questionnaire.barometer import blocks_of

    whole = [result(40.0 + number, 5) for number in range(4)]
    measured = MeasuredBarometer("sociabilite 1.0", 5, 0, whole)
    assert [b.lines for b in blocks_of(measured)] == [(BarLine("mesuré", r),) for r in whole]
