"""`vitalite charter`: the charter as Markdown, read back; where it lands; its French errors."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest
from support.charter import make_thread
from support.cli import assert_clean_error, run

from vitalite_tui.store import open_store
from vitalite_tui.store.charter.records import ArticleDraft, CharterHeading, SignatoryDraft

TERRITORY = "CC du Val d'Orbieu"
FILE = f"charte-cc-du-val-d-orbieu-{date.today()}.md"


def make_charter(path: Path, *, written: bool = True) -> str:
    """A base with one démarche; its charter written (or not)."""
    store = open_store(path)
    try:
        demarche_id = store.demarches.create(TERRITORY, "Lagrasse, Ribaute")
        if written:
            thread = make_thread(demarche_id)
            store.charter.save_heading(
                demarche_id,
                CharterHeading(
                    "Charte du Val d'Orbieu", "Nous, habitants et élus,", date(2026, 12, 11)
                ),
            )
            cafe, _ = store.charter.draft_articles(demarche_id)
            store.charter.update_article(
                cafe, ArticleDraft("Un café itinérant", "Nous le soutenons.")
            )
            follow = store.charter.add_article(demarche_id, ArticleDraft("Suivi"))
            store.charter.set_origins(follow, {thread.axes["meet"]})
            store.charter.add_signatory(
                demarche_id,
                SignatoryDraft(
                    name="Anne | Roux", organisation="ADMR", signed_on=date(2026, 12, 11)
                ),
            )
    finally:
        store.close()
    return demarche_id


def test_writes_the_markdown_into_exports_and_reads_back(db_path: Path, tmp_path: Path) -> None:
    make_charter(db_path)
    result = run("charter", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    target = tmp_path / "exports" / FILE
    assert result.stdout.splitlines() == [
        f"Charte écrite : {target}",
        "  3 articles · 1 signataire",
    ]
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Charte du Val d'Orbieu\n")
    assert "**Territoire :** CC du Val d'Orbieu" in text
    assert "**Adoptée le :** 11/12/2026" in text
    assert "## Préambule\n\nNous, habitants et élus,\n" in text
    assert "### Article 1 — Un café itinérant\n\nNous le soutenons.\n\n" in text
    assert "*Issu de : Un café itinérant ; axe : Se retrouver*" in text
    assert "### Article 2 — Un guide des services" in text
    assert "### Article 3 — Suivi\n\n*Issu de l'axe : Se retrouver*" in text
    assert "| Anne \\| Roux | ADMR | 11/12/2026 |" in text
    # No temporary file left beside it.
    assert [p.name for p in target.parent.iterdir()] == [FILE]


def test_out_names_a_file_or_a_folder_or_the_terminal(db_path: Path, tmp_path: Path) -> None:
    make_charter(db_path)
    named = tmp_path / "imprimer" / "charte.md"
    result = run("--db", str(db_path), "charter", "--out", str(named))
    assert result.exit_code == 0, result.output
    assert named.read_text(encoding="utf-8").startswith("# Charte du Val d'Orbieu")
    folder = tmp_path / "cle"
    folder.mkdir()
    result = run("charter", "--db", str(db_path), "--out", str(folder))
    assert result.exit_code == 0, result.output
    assert (folder / FILE).exists()
    shown = run("charter", "--db", str(db_path), "--out", "-")
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == named.read_text(encoding="utf-8")


def test_no_charter_yet(db_path: Path) -> None:
    make_charter(db_path, written=False)
    assert_clean_error(run("charter", "--db", str(db_path)), "Pas encore de charte", TERRITORY)


def test_unknown_demarche(db_path: Path) -> None:
    make_charter(db_path)
    assert_clean_error(
        run("charter", "--db", str(db_path), "--demarche", "Corbières"),
        "Démarche introuvable : « Corbières »",
    )


def test_wrong_extension_and_unwritable_folder(db_path: Path, tmp_path: Path) -> None:
    make_charter(db_path)
    assert_clean_error(
        run("charter", "--db", str(db_path), "--out", str(tmp_path / "charte.pdf")),
        "charte.pdf : extension .md",
    )
    # A folder that cannot be made (a file stands in the way): no root privilege helps.
    blocker = tmp_path / "fichier.txt"
    blocker.write_text("pas un dossier", encoding="utf-8")
    assert_clean_error(
        run("charter", "--db", str(db_path), "--out", str(blocker / "charte.md")),
        "Impossible de créer le dossier",
        "choisissez-en un autre avec --out",
    )


def test_a_failed_write_names_the_charter_and_keeps_the_previous_file(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_charter(db_path)
    assert run("charter", "--db", str(db_path)).exit_code == 0
    target = tmp_path / "exports" / FILE
    before = target.read_bytes()

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert_clean_error(
        run("charter", "--db", str(db_path)),
        "La charte n'a pas pu être écrite dans",
        "disque plein",
    )
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == [FILE]


def test_no_base(tmp_path: Path) -> None:
    assert_clean_error(
        run("charter", "--db", str(tmp_path / "absente.sqlite")), "Aucune base à l'emplacement"
    )
