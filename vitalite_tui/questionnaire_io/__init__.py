"""Questionnaire files: definition checks, XLSForm for phones, entry template, answer imports.

openpyxl is imported inside the functions that read or write a workbook, never at import.
"""
