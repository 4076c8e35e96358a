"""The clock of a speaking round (« ⏱ 12:40/25:00 ») and the local time of stored moments."""

from __future__ import annotations

from datetime import datetime, timezone

from textual.widgets import Label

from vitalite_tui.store.workshops.records import RoundRecord


def utc_now() -> datetime:
    """Now, naive UTC like the database's timestamps (tests replace it to freeze the clock)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def local_time(moment: datetime) -> datetime:
    """A stored moment (naive UTC) on the laptop's own clock, as people read it on the wall."""
    return moment.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def clock_label(moment: datetime) -> str:
    """« 19:02 »: the local hour and minute of a stored moment."""
    return local_time(moment).strftime("%H:%M")


def format_elapsed(seconds: float) -> str:
    """« 12:40 »: minutes (as many as needed) and seconds."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def timer_text(rnd: RoundRecord, now: datetime) -> tuple[str, bool]:
    """« ⏱ 12:40/25:00 » for the round at `now`, and whether its timebox is over."""
    if rnd.started_at is None:
        return f"⏱ –/{rnd.timebox_minutes}:00", False
    end = rnd.ended_at or now
    elapsed = (end - rnd.started_at).total_seconds()
    over = elapsed > rnd.timebox_minutes * 60
    # Colour alone says nothing on a monochrome console: the sign says it too.
    sign = " ⚠" if over else ""
    return f"⏱ {format_elapsed(elapsed)}/{rnd.timebox_minutes}:00{sign}", over


class RoundTimer(Label):
    """Time spent in the round against its timebox; only this label changes every second."""

    DEFAULT_CSS = """
    RoundTimer {
        width: auto; min-width: 16; height: 1; padding: 0 1 0 0; content-align: right top;
    }
    RoundTimer.-over { color: $text-warning; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.round: RoundRecord | None = None

    def on_mount(self) -> None:
        self.set_interval(1, self.tick)

    def show_round(self, rnd: RoundRecord | None) -> None:
        self.round = rnd
        self.tick()

    def tick(self) -> None:
        if self.round is None:
            self.update("")
            self.set_class(False, "-over")
            return
        text, over = timer_text(self.round, utc_now())
        self.update(text)
        self.set_class(over, "-over")
