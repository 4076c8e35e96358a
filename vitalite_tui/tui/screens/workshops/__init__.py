"""Screens of the four workshops: plan, attendance, capture, contents, plenary."""
