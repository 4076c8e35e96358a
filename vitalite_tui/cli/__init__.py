"""The `vitalite` command."""
