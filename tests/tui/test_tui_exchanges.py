"""The Échanges screen: a laptop's bundle written by keys, the others' read by keys."""

from __future__ import annotations

from pathlib import Path

from support.bundles import Laptops
from support.rounds import open_round
from textual.app import App

from tui.conftest import SIZE, make_app, screen_text, wait_for
from vitalite_tui.formats.preferences import remember
from vitalite_tui.paths import preferences_path
from vitalite_tui.tui.screens.demarche import DemarcheScreen
from vitalite_tui.tui.screens.exchanges import EXCHANGE_FOLDER, ExchangesScreen
from vitalite_tui.tui.screens.home import HomeScreen


def flat(app: App[None]) -> str:
    """The screen's text with its lines joined: a sentence may wrap anywhere."""
    return " ".join(screen_text(app).split())


def exchange_folder(tmp_path: Path) -> Path:
    """The exchange folder every laptop of the test has chosen."""
    exchange = tmp_path / "cle"
    exchange.mkdir()
    remember(preferences_path(), EXCHANGE_FOLDER, str(exchange))
    return exchange


async def test_a_sub_group_laptop_and_the_hub_exchange_by_keys(
    laptops: Laptops, tmp_path: Path
) -> None:
    exchange = exchange_folder(tmp_path)
    hub = laptops.open("hub")
    demarche_id = hub.demarches.create("CC du Val d'Orbieu", ["Lagrasse"])
    round_id = open_round(hub, demarche_id)
    hub.exchange.rename_laptop("Poste central")
    first = laptops.write("hub", demarche_id)
    # The sub-group's laptop: the démarche from the hub, a note of its own, its bundle.
    laptops.read("poste2", first)
    laptops.open("poste2").exchange.rename_laptop("Poste sous-groupe 2")
    laptops.open("poste2").capture.save_note(round_id, None, "Le lavoir")
    laptops.write("poste2", demarche_id).rename(exchange / "poste2.vitalite")

    store = laptops.open("hub")
    app = make_app(store, demarche_id=demarche_id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DemarcheScreen))
        await pilot.press("x")
        await wait_for(pilot, lambda: "Poste sous-groupe 2" in screen_text(app))
        await pilot.press("w")
        await wait_for(pilot, lambda: "Paquet écrit" in screen_text(app))
        assert len(list(exchange.glob("*poste-central*.vitalite"))) == 1
        await pilot.press("l")
        await wait_for(pilot, lambda: "notes : 1 ajout" in flat(app))
        assert isinstance(app.screen, ExchangesScreen)
    assert [note.text for note in store.capture.notes(round_id)] == ["Le lavoir"]
    laptops.close()


async def test_a_new_laptop_gets_the_demarche_from_the_home_screen(
    laptops: Laptops, tmp_path: Path
) -> None:
    exchange = exchange_folder(tmp_path)
    hub = laptops.open("hub")
    demarche_id = hub.demarches.create("CC du Val d'Orbieu", ["Lagrasse"])
    laptops.write("hub", demarche_id).rename(exchange / "hub.vitalite")

    store = laptops.open("nouveau")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, ExchangesScreen))
        await pilot.press("w")  # nothing to write: no démarche here yet
        await pilot.press("l")
        await wait_for(pilot, lambda: "la démarche arrive dans cette base" in flat(app))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_for(pilot, lambda: "CC du Val d'Orbieu" in screen_text(app))
    assert list(exchange.glob("*.vitalite")) == [exchange / "hub.vitalite"]
    laptops.close()
