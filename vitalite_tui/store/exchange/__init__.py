"""Bundles: a démarche written to one file on one laptop, and read into the base of another.

The part itself is `bundles.Exchange`. This package imports nothing: the export and the
participants' screens use its tables, codes and versions without loading the merge.
"""
