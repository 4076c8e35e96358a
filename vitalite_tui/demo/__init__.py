"""The demo démarche, built above the store: only `vitalite demo` and the TUI import it."""
