"""The keys line is rebuilt when what it shows changes, and only then."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from tui.conftest import SIZE, wait_for
from vitalite_tui.tui.widgets.footer import Footer


class TwoFields(App[None]):
    """Two fields with the same keys, and a key that can be switched off."""

    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "save", "Enregistrer"),
        Binding("f3", "drop", "Supprimer"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.can_drop = True

    def compose(self) -> ComposeResult:
        yield Input(id="first")
        yield Input(id="second")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "drop" and not self.can_drop else True

    def action_save(self) -> None:
        pass

    def action_drop(self) -> None:
        pass


def keys(app: App[None]) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


async def test_moving_between_fields_with_the_same_keys_keeps_the_line() -> None:
    app = TwoFields()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: len(keys(app)) == 2, what="the two keys drawn")
        before = keys(app)
        await pilot.press("tab")
        await wait_for(pilot, lambda: app.focused is app.query_one("#second"))
        await pilot.press("shift+tab", "tab", "shift+tab")
        await wait_for(pilot, lambda: app.focused is app.query_one("#first"))
        # The same widgets: the line was not rebuilt for keys it already showed.
        assert all(now is was for now, was in zip(keys(app), before, strict=True))


async def test_a_key_switched_off_is_shown_off_then_on_again() -> None:
    app = TwoFields()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: len(keys(app)) == 2, what="the two keys drawn")
        app.can_drop = False
        app.screen.refresh_bindings()
        await wait_for(pilot, lambda: keys(app)[1].has_class("-disabled"), what="F3 shown off")
        app.can_drop = True
        app.screen.refresh_bindings()
        await wait_for(pilot, lambda: not keys(app)[1].has_class("-disabled"), what="F3 shown on")
        assert [key.key for key in keys(app)] == ["f2", "f3"]
