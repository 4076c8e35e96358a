"""Keys acted on in the order they were typed: by the app, a widget, a dialog just opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.screen import ModalScreen
from textual.widget import Widget

ResultT = TypeVar("ResultT")

#: Where each key still on its way was delivered: the focused widget, or the screen when
#: nothing had the focus. Weak: a key handled and dropped leaves no trace here.
_delivered_to: WeakKeyDictionary[events.Key, Widget] = WeakKeyDictionary()


def focus_target(app: App[Any]) -> Widget:
    """Where Textual sends a key typed now: the focused widget, else the screen."""
    return app.focused if app.focused is not None else app.screen


def note_delivery(app: App[Any], event: events.Key) -> None:
    """Remember where `event`, a key just read from the terminal, is being delivered."""
    _delivered_to[event] = focus_target(app)


def as_typed(app: App[Any], event: events.Key) -> list[events.Key]:
    """The keys `event` stands for: Escape then the key, for an Alt+key nothing is bound to.

    A terminal sends Alt+a as ESC then a, exactly what Escape followed at once by a sends:
    Textual reads both as Alt+a (within its ESCAPE_DELAY; before a digit or a sign, the
    parser of `paste_guard.py` already splits them). No key of this application is an
    Alt+key, so unless one is bound on this screen (a keymap may), it was Escape then a,
    typed fast: closing a dialog and going on, which nothing would otherwise act on.
    """
    name, character = event.key, event.character
    if (
        not name.startswith("alt+")
        or character is None
        or len(character) != 1
        or not character.isprintable()
        or name in app.screen.active_bindings
    ):
        return [event]
    plain = character if character.isalnum() else name.removeprefix("alt+")
    return [events.Key("escape", "\x1b"), events.Key(plain, character)]


def deliver_again_if_focus_moved(app: App[Any], event: events.Key) -> bool:
    """For a key back up at the app that nothing took: deliver it again, to what has the
    focus now, if the focus moved since it was delivered.

    Textual delivers each key to the widget focused when the key was read, and runs a
    binding only once its key has come back up to the app: keys typed right after one that
    opens a dialog (« a » then a name) are already on their way to the list being left, or
    to the dialog before its first field has the focus, and nothing there types them. Sent
    again, in the order they come back, they land in the field meant. True when sent again.
    """
    delivered = _delivered_to.pop(event, None)
    target = focus_target(app)
    if delivered is None or delivered is target:
        return False
    event.stop()
    event.prevent_default()
    again = events.Key(event.key, event.character)
    _delivered_to[again] = target
    target._forward_event(again)
    return True


def pass_on(widget: Widget, event: events.Key) -> bool:
    """Send on a key that reached `widget` after a key before it moved the focus away.

    Textual queues each key at the widget focused when the key was read: keys typed ahead
    of a focus move (a sheet saved, a dialog opened) still arrive here, in order, and belong
    to whatever has the focus now. Returns True when the key was sent on.
    """
    target = focus_target(widget.app)
    if target is widget or target is widget.screen:
        return False
    hand_on(event, target)
    return True


def hand_on(event: events.Key, target: Widget) -> events.Key:
    """Stop `event` here and send a copy of it to `target`; the copy sent."""
    event.stop()
    event.prevent_default()
    again = events.Key(event.key, event.character)
    target.post_message(again)
    return again


async def run_binding_now(widget: Widget, event: events.Key) -> bool:
    """Run the action bound to the key at once, in `widget`'s own queue.

    Textual runs a (non-priority) binding only once its key has bubbled back up to the
    app, while the keys typed after it are already being handled here: « 3 4 F2 » could
    then save before the 4. Returns True when a binding ran.
    """
    active = widget.screen.active_bindings.get(event.key)
    if active is None or not active.enabled or active.binding.priority:
        return False
    event.stop()
    event.prevent_default()
    await widget.app.run_action(active.binding.action, active.node)
    return True


async def type_in_order(
    widget: Widget, event: events.Key, typed: Callable[[events.Key], bool]
) -> bool:
    """What a widget that types text does first with a key: `pass_on`; a key it types
    (`typed`) is left to its own handler, next in line; any other key runs its binding at
    once (`run_binding_now`). True when the key was dealt with here.

    Without this, a key that closes a dialog (F2) waits to bubble up to the app while the
    keys typed after it are typed here: « F2 x » would save « x » in the closing form.
    """
    if pass_on(widget, event):
        return True
    if typed(event):
        return False
    return await run_binding_now(widget, event)


async def act_in_order(widget: Widget, event: events.Key) -> bool:
    """What a widget that is not a text input does first with a key: `pass_on`, else
    `run_binding_now`. True when the key was dealt with."""
    return pass_on(widget, event) or await run_binding_now(widget, event)


async def refused_in_order(widget: Widget, event: events.Key) -> bool:
    """`act_in_order` for a grid that types no text: True for a printable key left over,
    stopped here (never typed anywhere) for the caller to say why it is refused."""
    if await act_in_order(widget, event) or not event.is_printable:
        return False
    event.stop()
    event.prevent_default()
    return True


class TypedAheadDialog(ModalScreen[ResultT]):
    """A dialog whose main widget gets the keys typed before it had the focus.

    « b P003 ⏎ » typed fast: the letters reach the screen being left while this dialog is
    still mounting, and `pass_on` sends them here, to the dialog itself, as no widget of
    it has the focus yet. They are handed on to `typed_ahead_target`, focused at
    once, so that they land where they were meant, in the order they were typed.
    """

    def __init__(self) -> None:
        super().__init__()
        #: Keys handed on by this dialog: if one bubbles back up, it is not handed on again.
        self._handed_on: list[events.Key] = []

    def typed_ahead_target(self) -> Widget:
        raise NotImplementedError

    def on_key(self, event: events.Key) -> None:
        # A key from the terminal reaches the focused widget as a forwarded event; one that
        # a widget of the previous screen passed on here is not.
        if event.is_forwarded:
            return
        if any(event is mine for mine in self._handed_on):
            self._handed_on = [mine for mine in self._handed_on if mine is not event]
            return
        target = self.typed_ahead_target()
        if self.focused is not target:
            self.set_focus(target)
        self._handed_on.append(hand_on(event, target))
