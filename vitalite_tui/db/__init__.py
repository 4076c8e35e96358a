"""Persistence: peewee models on one SQLite file, its pragmas and its migrations."""
