"""Pure file formats: schemas, XLSForm, entry template, Markdown, atomic writes, safe cells.

Knows nothing of the store: the store or the command orchestrates.
"""
