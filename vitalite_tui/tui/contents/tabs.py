"""The tabs of each workshop's contents: pane id, French title, F-key (no widget imported)."""

from __future__ import annotations

#: A tab: pane id, French title, the F-key that shows it.
Tab = tuple[str, str, str]

_SHEETS: Tab = ("sheets", "Fiches actions", "f8")

#: The parts of each workshop's contents, in tab order (a part's widget may bind these keys).
CONTENT_TABS: dict[int, tuple[Tab, ...]] = {
    1: (("felt", "Ressenti", "f5"), ("images", "Images", "f6"), ("debrief", "Débrief", "f7")),
    2: (
        ("trends", "Tendances", "f5"),
        ("intentions", "Intentions", "f6"),
        ("scenario", "Scénario", "f7"),
    ),
    3: (
        ("candidates", "Candidats", "f5"),
        ("vote", "Vote", "f6"),
        ("results", "Résultats", "f7"),
        _SHEETS,
    ),
    4: (
        ("charter", "Charte", "f5"),
        ("signatories", "Signataires", "f6"),
        ("lineage", "Fil", "f7"),
        _SHEETS,
    ),
}
