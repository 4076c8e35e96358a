"""Keys acted on in the order they were typed, by a widget that is not a text input."""

from __future__ import annotations

from textual import events
from textual.widget import Widget


def pass_on(widget: Widget, event: events.Key) -> bool:
    """Send on a key that reached `widget` after a key before it moved the focus away.

    Textual queues each key at the widget focused when the key was read: keys typed ahead
    of a focus move (a sheet saved, a dialog opened) still arrive here, in order, and belong
    to whatever has the focus now. Returns True when the key was sent on.
    """
    app = widget.app
    target: Widget = app.focused if app.focused is not None else app.screen
    if target is widget or target is widget.screen:
        return False
    event.stop()
    event.prevent_default()
    target.post_message(events.Key(event.key, event.character))
    return True


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
