"""Preparation (steps 1–2): démarches, steps, committee, logistics, planning, participants."""
