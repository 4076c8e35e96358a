"""The method's paper as PDF (fpdf2, imported only here and only when printing)."""
