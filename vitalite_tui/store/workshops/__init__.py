"""Workshops: attendance, agenda, recap, sub-groups and the capture of speaking rounds."""
