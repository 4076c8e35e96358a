"""What a command stopped by Ctrl+C says, and its exit code (imports nothing: start-up cost)."""

from __future__ import annotations

#: Atomic writes and transactions leave nothing half-done when a command is interrupted.
INTERRUPTED = (
    "Interrompu (Ctrl+C) : l'opération en cours est annulée, "
    "aucun fichier n'est resté à moitié écrit."
)

#: The exit code of a program stopped by SIGINT (128 + 2), as shells expect.
INTERRUPTED_EXIT = 130
