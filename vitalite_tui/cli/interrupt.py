"""What a command stopped by Ctrl+C says, and its exit code (imports nothing: start-up cost)."""

from __future__ import annotations

#: True of every command: files are written atomically and each transaction is whole
#: (a batched import keeps the batches it committed, hence no "nothing was written").
INTERRUPTED = (
    "Interrompu (Ctrl+C) : la commande s'est arrêtée sans laisser de fichier à moitié écrit ; "
    "relancez-la au besoin."
)

#: The exit code of a program stopped by SIGINT (128 + 2), as shells expect.
INTERRUPTED_EXIT = 130
