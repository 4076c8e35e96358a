"""The bundle file: what is written reads back, and every file that is not a sound bundle is
refused with a French sentence before anything of it is used."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from vitalite_tui.errors import InvalidInput
from vitalite_tui.formats import bundle as bundle_format
from vitalite_tui.formats.bundle import (
    FORMAT_VERSION,
    MANIFEST,
    BundleRefused,
    JsonValue,
    Manifest,
    Table,
    pack,
    read_bundle,
)

MANIFEST_FIELDS = Manifest(
    program_version="0.1.0",
    demarche_id="0123456789abcdef0123456789abcdef",
    demarche_name="CC du Val d'Orbieu",
    laptop_id="fedcba9876543210fedcba9876543210",
    laptop_name="Poste sous-groupe 2",
    written_at="2026-12-07T21:40:00.000000Z",
)
TABLES = {
    "demarche": Table(["id", "territory"], [["0123456789abcdef0123456789abcdef", "CC"]]),
    "note": Table(
        ["id", "text", "indicator"],
        [["a" * 32, "Au marché, « on se voit »\nle jeudi", 2], ["b" * 32, "", None]],
    ),
}


def written(tmp_path: Path, data: bytes, name: str = "paquet.vitalite") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def with_manifest(data: bytes, **changes: object) -> bytes:
    files = members(data)
    document = json.loads(files[MANIFEST])
    document.update(changes)
    files[MANIFEST] = json.dumps(document).encode()
    return zipped(files)


def refused(path: Path) -> str:
    with pytest.raises(BundleRefused) as caught:
        read_bundle(path)
    message = caught.value.message
    assert "Traceback" not in message
    assert "Error" not in message
    return message


def test_a_bundle_reads_back_as_written(tmp_path: Path) -> None:
    found = read_bundle(written(tmp_path, pack(MANIFEST_FIELDS, TABLES)))
    assert found.tables == TABLES
    assert found.manifest.counts == {"demarche": 1, "note": 2}
    assert set(found.manifest.checksums) == {"demarche.jsonl", "note.jsonl"}
    assert found.manifest.laptop_name == "Poste sous-groupe 2"
    assert found.manifest.format_version == FORMAT_VERSION


def test_a_file_that_is_not_a_bundle_is_refused(tmp_path: Path) -> None:
    message = refused(written(tmp_path, b"id;texte\n1;note\n", "notes.csv"))
    assert "n'est pas un paquet de démarche vitalite" in message
    assert "la base n'a pas changé" in message


def test_a_truncated_bundle_is_refused(tmp_path: Path) -> None:
    data = pack(MANIFEST_FIELDS, TABLES)
    message = refused(written(tmp_path, data[: len(data) // 2]))
    assert "abîmé ou incomplet" in message


def test_a_damaged_member_is_refused(tmp_path: Path) -> None:
    data = bytearray(pack(MANIFEST_FIELDS, TABLES))
    start = bytes(data).index(b"note.jsonl") + len("note.jsonl")
    data[start + 5] ^= 0xFF  # inside the compressed note rows
    assert "abîmé ou incomplet" in refused(written(tmp_path, bytes(data)))


def test_a_member_changed_after_writing_fails_its_checksum(tmp_path: Path) -> None:
    files = members(pack(MANIFEST_FIELDS, TABLES))
    files["note.jsonl"] = files["note.jsonl"].replace("marché".encode(), b"marche")
    message = refused(written(tmp_path, zipped(files)))
    assert "somme de contrôle" in message
    assert "note.jsonl" in message


def test_rows_missing_from_a_member_are_refused(tmp_path: Path) -> None:
    data = with_manifest(pack(MANIFEST_FIELDS, TABLES), counts={"demarche": 1, "note": 3})
    assert "nombre de lignes" in refused(written(tmp_path, data))


def test_a_member_not_in_the_manifest_is_refused(tmp_path: Path) -> None:
    files = members(pack(MANIFEST_FIELDS, TABLES))
    files["extra.jsonl"] = b'["id"]\n'
    assert "ne correspond pas à son manifeste" in refused(written(tmp_path, zipped(files)))


def test_a_zip_from_another_program_is_refused(tmp_path: Path) -> None:
    other = zipped({"word/document.xml": b"<w:document/>"})
    assert "pas un paquet de démarche vitalite" in refused(written(tmp_path, other, "a.docx"))
    foreign = with_manifest(pack(MANIFEST_FIELDS, TABLES), format="autre-chose")
    assert "vient d'un autre programme" in refused(written(tmp_path, foreign))


def test_a_bundle_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    data = with_manifest(pack(MANIFEST_FIELDS, TABLES), format_version=FORMAT_VERSION + 1)
    message = refused(written(tmp_path, data))
    assert "version plus récente" in message
    assert "mettez le programme à jour" in message


def test_a_manifest_against_its_schema_is_refused(tmp_path: Path) -> None:
    data = with_manifest(pack(MANIFEST_FIELDS, TABLES), demarche_id="pas-un-id")
    message = refused(written(tmp_path, data))
    assert "manifeste invalide" in message
    assert "demarche_id" in message


def test_rows_that_are_not_json_lines_are_refused(tmp_path: Path) -> None:
    files = members(pack(MANIFEST_FIELDS, TABLES))
    files["note.jsonl"] = b'["id","text","indicator"]\n{"id": 1}\n["b","",null]\n'
    document = json.loads(files[MANIFEST])
    document["checksums"]["note.jsonl"] = hashlib.sha256(files["note.jsonl"]).hexdigest()
    files[MANIFEST] = json.dumps(document).encode()
    assert "n'a pas 3 valeurs" in refused(written(tmp_path, zipped(files)))


def test_a_bundle_over_the_size_limit_is_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle_format, "MAX_BUNDLE_BYTES", 100)
    with pytest.raises(InvalidInput, match="c'est trop gros pour un paquet de démarche"):
        read_bundle(written(tmp_path, pack(MANIFEST_FIELDS, TABLES)))


def test_a_bundle_that_unpacks_to_too_much_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle_format, "MAX_UNPACKED_BYTES", 50_000)
    rows: list[list[JsonValue]] = [["c" * 32, "x" * 1000, 1] for _ in range(100)]
    data = pack(MANIFEST_FIELDS, {"note": Table(["id", "text", "indicator"], rows)})
    assert len(data) < 50_000
    assert "se décompresse" in refused(written(tmp_path, data))


def test_a_missing_file_or_a_folder_is_said_in_french(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="introuvable"):
        read_bundle(tmp_path / "absent.vitalite")
    with pytest.raises(InvalidInput, match="est un dossier"):
        read_bundle(tmp_path)
