"""Error messages on screen: a quoted file name or cell cannot drive the terminal."""

from __future__ import annotations

from tui.conftest import SIZE, make_app, wait_for
from vitalite_tui.errors import InvalidInput
from vitalite_tui.store import Store


async def test_an_escape_sequence_in_a_message_never_reaches_the_terminal(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.report(InvalidInput("Colonne « \x1b]0;piégé\x07nom\x1b[31m » inconnue [rouge]."))
        await wait_for(pilot, lambda: bool(app._notifications))
        (shown,) = [str(n.message) for n in app._notifications]
    assert "\x1b" not in shown
    assert "\x07" not in shown
    # The words stay, and brackets are text, not markup.
    assert "nom" in shown
    assert "[rouge]" in shown
