"""Screens of steps 1–2: presentation, preparation, the participants registry."""
