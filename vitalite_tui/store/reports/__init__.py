"""Readers across the démarche: the export's records and the restitution."""
