"""The restitution booklet read back: PDF (pypdf) and editable ODT (its content.xml), against
the base: the method, the barometer's numbers, kept actions, the charter, and no names but
consenting signatories'."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from support.pdf import flat, pages_text, render_first_page

from vitalite_tui.domain.indicators import INDICATORS
from vitalite_tui.domain.privacy import MIN_GROUP_SIZE
from vitalite_tui.formats.document import PoleChart, position_text
from vitalite_tui.print.booklet import booklet, print_booklet
from vitalite_tui.store import Store
from vitalite_tui.store.preparation.records import ParticipantDraft

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def only(store: Store) -> str:
    (demarche,) = store.demarches.all()
    return demarche.id


def named_signatories(store: Store, demarche_id: str) -> tuple[set[str], set[str]]:
    """The registry's names of signatories who agreed to be named, and of those who did not."""
    people = {p.id: p for p in store.participants.all(demarche_id)}
    agreed: set[str] = set()
    refused: set[str] = set()
    for signatory in store.charter.signatories(demarche_id):
        person = people.get(signatory.participant_id or "")
        if person is not None:
            (agreed if person.consent_named else refused).add(person.display_name)
    return agreed, refused


@pytest.mark.demo("small")
def test_the_booklet_holds_the_demarche_and_names_only_consenting_signatories(
    store: Store, tmp_path: Path
) -> None:
    demarche_id = only(store)
    # One signatory withdraws their consent to be named: the booklet must stop naming them.
    people = {p.id: p for p in store.participants.all(demarche_id)}
    signing = [
        people[s.participant_id] for s in store.charter.signatories(demarche_id) if s.participant_id
    ]
    withdrawn = signing[0]
    store.participants.update(
        withdrawn.id,
        ParticipantDraft(
            withdrawn.display_name,
            withdrawn.college,
            withdrawn.commune,
            withdrawn.organisation,
            withdrawn.contact,
            consent_data=True,
            consent_named=False,
        ),
    )
    printed = print_booklet(store, demarche_id, out=tmp_path)
    pages = pages_text(printed.path)
    text = " ".join(pages)
    assert printed.pages == len(pages) < 40
    for shown in INDICATORS:
        assert flat(shown.vitality) in text
        assert flat(shown.depression) in text
    walk = store.restitution.walk(demarche_id)
    assert walk.kept_actions
    for action in walk.kept_actions:
        assert flat(action.title) in text
    for article in store.charter.articles(demarche_id):
        assert flat(article.title) in text
    agreed, refused = named_signatories(store, demarche_id)
    assert agreed
    assert refused == {withdrawn.display_name}
    for name in agreed:
        assert flat(name) in text
    everyone = {p.display_name for p in store.participants.all(demarche_id)}
    for name in everyone - agreed:
        assert flat(name) not in text, f"{name} is named in the booklet"
    render_first_page(printed.path, tmp_path)


@pytest.mark.demo("small")
def test_the_bars_are_the_workbooks_numbers(store: Store) -> None:
    """One source of truth: the measured bars are the Baromètre sheet's positions."""
    demarche_id = only(store)
    document = booklet(store, demarche_id)
    charts = [block for block in document.blocks if isinstance(block, PoleChart)]
    assert len(charts) == len(INDICATORS)
    measured = store.exports.questionnaire(demarche_id).barometer
    for chart, result in zip(charts, measured.indicators, strict=True):
        bar = chart.bars[0]
        assert bar.n == result.n
        assert bar.position == result.position
        assert position_text(bar) == f"{result.position:.0f} (n = {result.n})"
        for small in chart.bars:
            # A group too small to be shown without risk has no position drawn.
            assert small.position is None or small.n >= MIN_GROUP_SIZE


@pytest.mark.demo("small")
def test_the_editable_booklet_says_the_same(store: Store, tmp_path: Path) -> None:
    demarche_id = only(store)
    printed = print_booklet(store, demarche_id, out=tmp_path, editable=True)
    assert printed.path.suffix == ".odt"
    with zipfile.ZipFile(printed.path) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        # A line break inside a paragraph reads as a space.
        xml = archive.read("content.xml").replace(b"<text:line-break/>", b" ")
        content = ET.fromstring(xml)
        pictures = [n for n in archive.namelist() if n.startswith("Pictures/")]
        assert all(archive.read(n).startswith(b"\x89PNG") for n in pictures)
    paragraphs = [
        "".join(element.itertext())
        for element in content.iter()
        if element.tag in (f"{TEXT}p", f"{TEXT}h")
    ]
    written = flat(" ".join(paragraphs))
    document = booklet(store, demarche_id)
    charts = [block for block in document.blocks if isinstance(block, PoleChart)]
    assert len(pictures) == len(charts)
    drawn = {text for c in charts for text in (c.title, c.low, c.high, *(b.label for b in c.bars))}
    for text in document.texts():
        if text and text not in drawn:  # what charts say is in their images
            assert flat(text) in written, text
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("lowriter") is None:
        pytest.skip("LibreOffice Writer absent (lowriter introuvable) : .odt non ouvert.")
    profile = tmp_path / "profil-libreoffice"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(printed.path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    converted = tmp_path / "pdf" / printed.path.with_suffix(".pdf").name
    assert converted.exists(), done.stdout + done.stderr
    assert flat(document.cover.title) in " ".join(pages_text(converted))
