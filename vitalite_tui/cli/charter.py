"""`vitalite charter`: the démarche's charter as a printable Markdown document.

Without `--out`, the file lands in `exports/` (like the workbooks) as
`charte-<territoire>-<date>.md`; `--out FICHIER.md` names it, `--out DOSSIER` puts it there,
`--out -` prints it on the standard output instead.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from vitalite_tui.cli.common import DbOption, DemarcheOption, database_path, pick_demarche
from vitalite_tui.cli.output import say
from vitalite_tui.cli.stores import writing_store

#: What `--out` accepts as a file name.
SUFFIXES = (".md", ".markdown", ".txt")
#: `--out -`: print the charter instead of writing a file.
STDOUT = Path("-")


def default_name(territory: str, day: date) -> str:
    """« charte-communaute-de-communes-du-pays-de-lambrenne-2026-12-11.md »."""
    from vitalite_tui.formats.naming import slug

    return f"charte-{slug(territory)}-{day.isoformat()}.md"


def charter_command(
    ctx: typer.Context,
    db: DbOption = None,
    demarche: DemarcheOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=(
                "Fichier Markdown à écrire (.md), ou un dossier, ou « - » pour l'afficher "
                "(par défaut : dans le dossier exports/)."
            ),
            metavar="FICHIER",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Écrire la charte de la démarche en Markdown, prête à imprimer."""
    from vitalite_tui.domain.text import plural
    from vitalite_tui.formats.charter_markdown import render_markdown

    with writing_store(database_path(ctx, db), "charter") as store:
        document = store.charter.document(pick_demarche(store, demarche))
    text = render_markdown(document)
    if out == STDOUT:
        say(text, lines=True, nl=False)
        return
    from vitalite_tui.formats.files import output_path, write_bytes

    target = output_path(out, default_name(document.territory, date.today()), SUFFIXES)

    def write(stream: BinaryIO) -> None:
        stream.write(text.encode("utf-8"))

    written = write_bytes(target, write, what="La charte n'a pas pu être écrite")
    say(f"Charte écrite : {written}")
    say(
        f"  {plural(len(document.articles), 'article')} · "
        f"{plural(len(document.signatories), 'signataire')}"
    )
