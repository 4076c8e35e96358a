"""vitalite-tui: the facilitators' tool for the social-vitality foresight method."""

__version__ = "0.1.0"
