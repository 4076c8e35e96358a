"""What reading a bundle did, in French: the same lines in the command and on screen."""

from __future__ import annotations

from vitalite_tui.store.exchange.records import MergeReport


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count <= 1 else many}"


def report_text(report: MergeReport) -> str:
    """What reading one bundle did, in French, a line per table that changed."""
    origin = f"démarche « {report.demarche_name} », poste « {report.laptop_name} »"
    if report.added == 0 and report.updated == 0:
        return f"{report.source} ({origin}) : rien de nouveau, la base n'a pas changé."
    lines = [
        f"{report.source} ({origin}) lu"
        + (" : la démarche arrive dans cette base" if report.created else "")
        + f" ; {_counted(report.added, 'ligne ajoutée', 'lignes ajoutées')}, "
        f"{_counted(report.updated, 'mise à jour', 'mises à jour')}, "
        f"{_counted(report.unchanged, 'inchangée', 'inchangées')}."
    ]
    for table in report.tables:
        parts = [_counted(table.added, "ajout", "ajouts")] if table.added else []
        parts += [_counted(table.updated, "mise à jour", "mises à jour")] if table.updated else []
        if parts:
            lines.append(f"  {table.label} : {', '.join(parts)}")
    if report.conflicts:
        lines.append(
            f"  {_counted(len(report.conflicts), 'conflit', 'conflits')} : modifié des deux "
            "côtés ; la version la plus récente est gardée, l'autre conservée à côté."
        )
        lines += [
            f"    {c.label} : « {c.kept} » gardé, « {c.other} » conservé" for c in report.conflicts
        ]
    return "\n".join(lines)
