"""Printing from a screen: the PDF written by a thread worker, its path shown in a toast.

A screen's key calls `print_in_background(self, make, what)`, `make` importing its print/
module when called: the PDF library loads on the first print, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.dom import DOMNode

from vitalite_tui.errors import VitaliteError
from vitalite_tui.tui.services import services

if TYPE_CHECKING:
    from vitalite_tui.print.paper import Printed
    from vitalite_tui.store import Store

TITLE = "Impression"


def print_in_background(node: DOMNode, make: Callable[[Store], Printed], what: str) -> None:
    """Write the document in a thread (into exports/); say where it went, or why not."""
    app = node.app
    vitalite = services(node)
    store = vitalite.store
    app.notify(f"{what} : impression en cours…", title=TITLE, timeout=3)

    def done(printed: Printed) -> None:
        app.notify(
            f"{what} : {printed.path} ({printed.summary})", title=TITLE, timeout=20, markup=False
        )

    def work() -> None:
        try:
            with store.thread_connection():
                printed = make(store)
        except VitaliteError as exc:
            app.call_from_thread(vitalite.report, exc)
        except Exception as exc:  # a bug: say it in French rather than fail silently
            failed = VitaliteError(
                f"L'impression a échoué sur une erreur inattendue ({exc}) ; rien n'a été perdu."
            )
            app.call_from_thread(vitalite.report, failed)
        else:
            app.call_from_thread(done, printed)

    app.run_worker(work, name=f"print: {what}", group="print", thread=True, exit_on_error=False)
