"""Restitution of the whole démarche: pages from the barometer to the charter, no names."""

from __future__ import annotations

import uuid

from tui.conftest import SIZE, make_app, screen_lines
from vitalite_tui.db.models import Action, Axis, Intention, Scenario
from vitalite_tui.demo import create_demo
from vitalite_tui.store import Store
from vitalite_tui.store.lookups import workshop_row
from vitalite_tui.tui.screens.restitution import RestitutionScreen


def test_an_empty_demarche_walks_with_nothing_in_it(store: Store, demarche_id: str) -> None:
    record = store.restitution.walk(demarche_id)
    assert [line.indicator for line in record.barometer] == [1, 2, 3, 4]
    assert all(line.measured is None and line.measured_n == 0 for line in record.barometer)
    assert (record.axes, record.intentions, record.scenario, record.kept_actions) == (
        [],
        [],
        {},
        [],
    )


async def test_pages_turn_with_arrows_and_digits(store: Store, demarche_id: str) -> None:
    demarche = uuid.UUID(demarche_id)
    axis = Axis.create(demarche=demarche, title="Des lieux pour se retrouver")
    Intention.create(
        demarche=demarche,
        workshop=workshop_row(demarche_id, 2),
        axis=axis,
        title="Un café associatif itinérant",
    )
    Scenario.create(demarche=demarche, indicator=1, text="On se retrouve au café.")
    Action.create(demarche=demarche, title="Transport solidaire", kept=True)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RestitutionScreen(demarche_id))
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "Restitution · Baromètre : mesuré et ressenti" in text
        assert "Ni questionnaire saisi" in text
        await pilot.press("right")
        text = "\n".join(screen_lines(app))
        assert "2/7" in text
        assert "Aucune image choisie à l'atelier 1." in text
        await pilot.press("right")
        text = "\n".join(screen_lines(app))
        assert "1  Des lieux pour se retrouver" in text
        await pilot.press("right")
        text = "\n".join(screen_lines(app))
        assert "DES LIEUX POUR SE RETROUVER" in text
        assert "▸ Un café associatif itinérant" in text
        await pilot.press("5")
        assert "On se retrouve au café." in "\n".join(screen_lines(app))
        await pilot.press("6")
        assert "Transport solidaire" in "\n".join(screen_lines(app))
        await pilot.press("7", "right")
        text = "\n".join(screen_lines(app))
        assert "7/7" in text
        assert "La charte n'a pas encore d'article" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, RestitutionScreen)


def test_the_demo_walks_from_the_barometer_to_the_charter(store: Store) -> None:
    demarche_id = create_demo(store, "small").demarche_id
    record = store.restitution.walk(demarche_id)
    assert all(line.measured_n == 80 and line.felt_n == 38 for line in record.barometer)
    assert all(line.measured is not None and line.felt is not None for line in record.barometer)
    results = store.votes.results(demarche_id)
    kept = [line for line in results.lines if line.kept]
    assert [(a.title, a.dots, a.rank) for a in record.kept_actions] == [
        (line.title, line.total, line.rank) for line in kept
    ]
    assert [a.rank for a in record.kept_actions] == sorted(a.rank or 0 for a in record.kept_actions)
    assert [a.title for a in record.articles] == [
        a.title for a in store.charter.articles(demarche_id)
    ]
    assert len(record.articles) == 6
    assert len(record.axes) == 5
    assert len(record.intentions) == 12
    assert set(record.scenario) == {1, 2, 3, 4}
