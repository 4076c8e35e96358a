"""What reading a bundle did, in French: the same lines in the command and on screen."""

from __future__ import annotations

from vitalite_tui.store.exchange.records import MergeReport


def counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count <= 1 else many}"


def report_text(report: MergeReport) -> str:
    """What reading one bundle did, in French, a line per table that changed."""
    origin = f"démarche « {report.demarche_name} », poste « {report.laptop_name} »"
    settled = report.renumbered or report.duplicates or report.tallies or report.sheets
    if report.added == 0 and report.updated == 0 and not settled:
        return f"{report.source} ({origin}) : rien de nouveau, la base n'a pas changé."
    lines = [
        f"{report.source} ({origin}) lu"
        + (" : la démarche arrive dans cette base" if report.created else "")
        + f" ; {counted(report.added, 'ligne ajoutée', 'lignes ajoutées')}, "
        f"{counted(report.updated, 'mise à jour', 'mises à jour')}, "
        f"{counted(report.unchanged, 'inchangée', 'inchangées')}."
    ]
    for table in report.tables:
        parts = [counted(table.added, "ajout", "ajouts")] if table.added else []
        parts += [counted(table.updated, "mise à jour", "mises à jour")] if table.updated else []
        if parts:
            lines.append(f"  {table.label} : {', '.join(parts)}")
    if report.conflicts:
        lines.append(
            f"  {counted(len(report.conflicts), 'conflit', 'conflits')} : modifié des deux "
            "côtés ; la version la plus récente est gardée, l'autre conservée à côté."
        )
        lines += [
            f"    {c.label} : « {c.kept} » gardé, « {c.other} » conservé" for c in report.conflicts
        ]
    return "\n".join(lines + _settled_lines(report))


def _settled_lines(report: MergeReport) -> list[str]:
    """What the merge's rules settled: codes, people registered twice, wall counts."""
    lines: list[str] = []
    if report.renumbered:
        lines.append(
            f"  {counted(len(report.renumbered), 'code renuméroté', 'codes renumérotés')} : "
            "ce code était déjà celui d'une autre personne ; utilisez le nouveau."
        )
        lines += [f"    {r.name} : {r.old} devient {r.new}" for r in report.renumbered]
    if report.duplicates:
        lines.append(
            f"  {counted(len(report.duplicates), 'doublon probable', 'doublons probables')} "
            "(même nom, même commune) : vérifiez et réunissez-les avec « vitalite bundle "
            "doublons »."
        )
        lines += [
            f"    {d.name} ({d.commune or 'sans commune'}) : {d.codes[0]} et {d.codes[1]}"
            for d in report.duplicates
        ]
    if report.tallies:
        lines.append(
            f"  {counted(len(report.tallies), 'comptage', 'comptages')} du mur saisi sur deux "
            "postes : le plus récent est gardé, l'autre retiré pour ne pas compter deux fois."
        )
        lines += [
            f"    {t.action} ({t.college}) : {t.kept} gommette(s) gardée(s), {t.other} retirée(s)"
            for t in report.tallies
        ]
    same = [s.sheet_number for s in report.sheets if s.identical]
    if same:
        lines.append(
            f"  {counted(len(same), 'fiche saisie', 'fiches saisies')} sur deux postes à "
            f"l'identique (n° {', '.join(map(str, same))}) : "
            + (
                "comptée une fois et vérifiée."
                if len(same) == 1
                else "comptées une fois et vérifiées."
            )
        )
    differ = [s.sheet_number for s in report.sheets if not s.identical]
    if differ:
        lines.append(
            f"  {counted(len(differ), 'fiche saisie', 'fiches saisies')} sur deux postes avec "
            f"des différences (n° {', '.join(map(str, differ))}) : "
            + (
                "comptée une fois, elle reste à vérifier ; tranchez chaque différence"
                if len(differ) == 1
                else "comptées une fois, elles restent à vérifier ; tranchez chaque différence"
            )
            + " à l'étape 3 du questionnaire (touche s)."
        )
    return lines
