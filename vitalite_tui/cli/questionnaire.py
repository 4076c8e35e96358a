"""`vitalite questionnaire …`: check a definition, XLSForm for phones, entry template, import.

openpyxl and the file modules are imported inside each command: `vitalite` starts fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from vitalite_tui.cli.common import (
    COMMANDS_PANEL,
    DbOption,
    DemarcheOption,
    VitaliteCommand,
    VitaliteGroup,
    database_path,
    opened_store,
    out_option,
    pick_demarche,
)
from vitalite_tui.cli.output import say
from vitalite_tui.cli.stores import writing_store
from vitalite_tui.domain.text import plural

if TYPE_CHECKING:
    from vitalite_tui.domain.questionnaire_form import QuestionnaireForm

questionnaire_app: typer.Typer = typer.Typer(
    name="questionnaire",
    cls=VitaliteGroup,
    help="Questionnaire : vérifier, XLSForm pour téléphone, modèle de saisie, import.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def chosen_form(
    ctx: typer.Context, db: Path | None, demarche: str | None
) -> tuple[QuestionnaireForm, str | None]:
    """The démarche's questionnaire (with its communes as a list) and its territory: the one
    named, else the base's only one; the default questionnaire when the base has none."""
    from vitalite_tui.domain.questionnaire_form import form_from_definition
    from vitalite_tui.store.questionnaire.responses import default_definition

    if demarche is None and not database_path(ctx, db).exists():
        return form_from_definition(default_definition()), None
    with opened_store(ctx, db) as store:
        if demarche is None and not store.demarches.all():
            return form_from_definition(default_definition()), None
        chosen = pick_demarche(store, demarche)
        return store.responses.form(chosen), store.demarches.get(chosen).territory


def _for_whom(form: QuestionnaireForm, territory: str | None) -> str:
    """« questionnaire sociabilite 1.0, démarche X, 3 communes au choix »."""
    if territory is None:
        return f"questionnaire {form.label}, sans démarche : commune en texte libre"
    communes = f"{len(form.communes)} communes au choix" if form.communes else "commune libre"
    return f"questionnaire {form.label}, {territory}, {communes}"


@questionnaire_app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def check(
    file: Annotated[
        Path,
        typer.Argument(help="Fichier JSON de définition.", metavar="FICHIER", show_default=False),
    ],
) -> None:
    """Vérifier une définition de questionnaire (chaque erreur avec sa place)."""
    from vitalite_tui.formats.questionnaire_check import definition_errors
    from vitalite_tui.formats.schemas import load_json

    document = load_json(file)
    errors = definition_errors(document)
    if errors:
        say(f"Questionnaire invalide : {file} ({len(errors)} erreur(s)).")
        for error in errors:
            say(f"  - {error}")
        raise typer.Exit(1)
    from vitalite_tui.domain.questionnaire_form import form_from_definition

    form = form_from_definition(document)
    say(
        f"Questionnaire valide : {form.label}, {len(form.items)} questions, "
        f"{len(form.profile)} champs de profil ({file})."
    )


@questionnaire_app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def xlsform(
    ctx: typer.Context,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    out: Annotated[Path | None, out_option("Classeur XLSForm à écrire (.xlsx)")] = None,
) -> None:
    """Écrire le questionnaire en XLSForm, pour KoboToolbox ou ODK Collect."""
    from vitalite_tui.formats.xlsform import save_xlsform

    form, territory = chosen_form(ctx, db, demarche)
    written = save_xlsform(form, out)
    say(f"XLSForm écrit : {written} ({_for_whom(form, territory)}).")
    say("À déposer tel quel dans KoboToolbox (Nouveau projet, importer un XLSForm).")


@questionnaire_app.command(cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def template(
    ctx: typer.Context,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    out: Annotated[Path | None, out_option("Modèle à écrire (.xlsx ou .csv)")] = None,
) -> None:
    """Écrire le modèle de saisie sur tableur (une colonne par code)."""
    from vitalite_tui.formats.entry_template import save_template

    form, territory = chosen_form(ctx, db, demarche)
    written = save_template(form, out)
    say(f"Modèle de saisie écrit : {written} ({_for_whom(form, territory)}).")
    say("Une ligne par fiche ; puis « vitalite questionnaire import » de ce fichier.")


@questionnaire_app.command(name="import", cls=VitaliteCommand, rich_help_panel=COMMANDS_PANEL)
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="Tableur des réponses (.xlsx ou .csv).", metavar="FICHIER", show_default=False
        ),
    ],
    db: DbOption = None,
    demarche: DemarcheOption = None,
) -> None:
    """Importer des réponses (modèle de saisie, export KoboToolbox ou ODK)."""
    with writing_store(database_path(ctx, db), "import") as store:
        report = store.responses.import_file(
            pick_demarche(store, demarche), file, progress=ProgressLines()
        )
    for line in report.lines():
        say(line)
    if report.rejected:
        refused = plural(len(report.rejected), "ligne refusée", "lignes refusées")
        fix = "cette ligne" if len(report.rejected) == 1 else "ces lignes"
        say(
            f"Import incomplet : {refused} ; corrigez {fix} dans {file.name} puis relancez "
            "l'import (les fiches déjà ajoutées ne le seront pas deux fois).",
            err=True,
        )
        raise typer.Exit(1)


#: Rows or sheets between two lines of progress.
PROGRESS_STEP = 10_000


class ProgressLines:
    """A line on stderr every `PROGRESS_STEP` rows read, then sheets stored: a long import
    shows it is alive, and stdout keeps only the report."""

    def __init__(self) -> None:
        self._shown = 0

    def rows_read(self, rows: int) -> None:
        say(f"Lecture du fichier : {rows:_} lignes…".replace("_", "\u202f"), err=True)

    def sheets_stored(self, done: int, total: int) -> None:
        if done // PROGRESS_STEP > self._shown or (done == total and self._shown):
            self._shown = done // PROGRESS_STEP
            say(
                f"Enregistrement : {done:_} fiches sur {total:_}…".replace("_", "\u202f"),
                err=True,
            )
