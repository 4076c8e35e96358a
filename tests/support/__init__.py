"""Helpers the tests share: scenes, app drivers, readers of documents (not tests)."""
