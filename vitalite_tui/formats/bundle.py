"""Démarche bundles: one ZIP file holding a manifest and one JSON-lines member per table.

The format knows nothing of the store: it packs tables given as column names and rows of
plain JSON values, and unpacks them after checking everything a damaged, truncated, foreign
or newer file could get wrong. The manifest's schema is `schemas/bundle.schema.json`.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vitalite_tui.errors import InvalidInput
from vitalite_tui.formats.files import megabytes, read_input
from vitalite_tui.formats.schemas import validate

FORMAT = "vitalite-bundle"
#: Bumped when a reader of the previous version could not read what this one writes.
FORMAT_VERSION = 1
SUFFIX = ".vitalite"
MANIFEST = "manifest.json"
BUNDLE_SCHEMA = "bundle.schema.json"

#: A bundle of ten times the large démarche is a few megabytes: far more is not a bundle.
MAX_BUNDLE_BYTES = 200_000_000
#: What its members may unpack to, all together (a small file may unpack to gigabytes).
MAX_UNPACKED_BYTES = 1_000_000_000
MAX_MANIFEST_BYTES = 100_000

JsonValue = str | int | float | bool | None


class BundleRefused(InvalidInput):
    """A file that cannot be read as a bundle; nothing was read from it into the base."""


@dataclass(frozen=True)
class Manifest:
    """Where a bundle comes from and what it holds."""

    program_version: str
    demarche_id: str
    demarche_name: str
    laptop_id: str
    laptop_name: str
    #: ISO 8601, UTC, ending in Z.
    written_at: str
    counts: dict[str, int] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION

    def document(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "program_version": self.program_version,
            "demarche_id": self.demarche_id,
            "demarche_name": self.demarche_name,
            "laptop_id": self.laptop_id,
            "laptop_name": self.laptop_name,
            "written_at": self.written_at,
            "counts": self.counts,
            "checksums": self.checksums,
        }


@dataclass(frozen=True)
class Table:
    """One table of a bundle: its column names and its rows, each a list of values."""

    columns: list[str]
    rows: list[list[JsonValue]]


@dataclass(frozen=True)
class Bundle:
    manifest: Manifest
    tables: dict[str, Table]


def member_name(table: str) -> str:
    return f"{table}.jsonl"


def _encode(columns: Sequence[str], rows: Iterable[Sequence[JsonValue]]) -> bytes:
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    lines = [dumps(list(columns))]
    lines += [dumps(list(row)) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def pack(manifest: Manifest, tables: Mapping[str, Table]) -> bytes:
    """The bytes of a bundle file: the manifest (with counts and checksums filled) first."""
    members = {member_name(name): _encode(t.columns, t.rows) for name, t in tables.items()}
    document = manifest.document()
    document["counts"] = {name: len(t.rows) for name, t in tables.items()}
    document["checksums"] = {
        name: hashlib.sha256(data).hexdigest() for name, data in members.items()
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(MANIFEST, json.dumps(document, ensure_ascii=False, indent=1))
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def read_bundle(path: Path) -> Bundle:
    """The bundle in the file at `path`, checked whole; `BundleRefused` (French) otherwise."""
    data = read_input(path, limit=MAX_BUNDLE_BYTES, what="un paquet de démarche")
    return unpack(data, path.name)


def bundles_in(folder: Path) -> list[Path]:
    """The bundles of a folder (an exchange folder, a USB stick), in name order."""
    try:
        return sorted(path for path in folder.glob(f"*{SUFFIX}") if path.is_file())
    except OSError:
        return []


def peek_manifest(path: Path) -> Manifest | None:
    """Where the bundle at `path` comes from, read from its manifest alone (to list bundles
    in a folder); None when it is not a readable bundle (reading it says why)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            return _manifest(archive, infos, path.name)
    except (OSError, zipfile.BadZipFile, BundleRefused):
        return None


def unpack(data: bytes, name: str) -> Bundle:
    """The bundle in `data` (`name`: the file's, for messages)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise _not_a_bundle(name, data) from None
    with archive:
        infos = {info.filename: info for info in archive.infolist()}
        manifest = _manifest(archive, infos, name)
        unpacked = sum(info.file_size for info in infos.values())
        if unpacked > MAX_UNPACKED_BYTES:
            raise BundleRefused(
                f"{name} se décompresse en {megabytes(unpacked)}, c'est trop pour un paquet "
                f"de démarche (au plus {megabytes(MAX_UNPACKED_BYTES)}) : il n'a pas été lu."
            )
        expected = set(manifest.checksums) | {MANIFEST}
        if set(infos) != expected or set(manifest.counts) != {
            member.removesuffix(".jsonl") for member in manifest.checksums
        }:
            raise damaged(name, "son contenu ne correspond pas à son manifeste")
        tables = {
            member.removesuffix(".jsonl"): _table(archive, member, checksum, name)
            for member, checksum in manifest.checksums.items()
        }
    for table, content in tables.items():
        if len(content.rows) != manifest.counts[table]:
            raise damaged(name, f"la table « {table} » n'a pas le nombre de lignes annoncé")
    return Bundle(manifest, tables)


def damaged(name: str, why: str) -> BundleRefused:
    return BundleRefused(
        f"Le paquet {name} est abîmé ou incomplet ({why}) : il n'a pas été lu et la base "
        "n'a pas changé ; demandez au poste qui l'a écrit de l'écrire à nouveau."
    )


def _not_a_bundle(name: str, data: bytes) -> BundleRefused:
    if data.startswith(b"PK"):
        # A ZIP whose end is missing: a copy cut short, or a stick pulled out too soon.
        return damaged(name, "la fin du fichier manque")
    return BundleRefused(
        f"{name} n'est pas un paquet de démarche vitalite : il n'a pas été lu et la base "
        "n'a pas changé ; choisissez un fichier écrit par « vitalite bundle write »."
    )


def _foreign(name: str) -> BundleRefused:
    return BundleRefused(
        f"{name} est une archive ZIP, mais pas un paquet de démarche vitalite (son manifeste "
        "manque ou vient d'un autre programme) : il n'a pas été lu et la base n'a pas changé."
    )


def _read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    try:
        return archive.read(member)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        # A bad CRC, a cut deflate stream, an encrypted or unknown compression.
        raise damaged(name, f"le membre « {member} » est illisible") from None


def _manifest(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], name: str) -> Manifest:
    info = infos.get(MANIFEST)
    if info is None or info.file_size > MAX_MANIFEST_BYTES:
        raise _foreign(name)
    try:
        document = json.loads(_read_member(archive, MANIFEST, name).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _foreign(name) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _foreign(name)
    version = document.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise BundleRefused(
            f"Le paquet {name} a été écrit par une version plus récente de vitalite (format "
            f"{version}, ce programme lit le format {FORMAT_VERSION}) : mettez le programme à "
            "jour pour le lire ; la base n'a pas changé."
        )
    try:
        validate(document, BUNDLE_SCHEMA, f"Manifeste du paquet {name}")
    except InvalidInput as exc:
        raise damaged(name, f"manifeste invalide : {exc.message}") from None
    return Manifest(
        program_version=document["program_version"],
        demarche_id=document["demarche_id"],
        demarche_name=document["demarche_name"],
        laptop_id=document["laptop_id"],
        laptop_name=document["laptop_name"],
        written_at=document["written_at"],
        counts=document["counts"],
        checksums=document["checksums"],
        format_version=document["format_version"],
    )


def _table(archive: zipfile.ZipFile, member: str, checksum: str, name: str) -> Table:
    data = _read_member(archive, member, name)
    if hashlib.sha256(data).hexdigest() != checksum:
        raise damaged(name, f"la somme de contrôle du membre « {member} » ne correspond pas")
    try:
        text = data.decode("utf-8")
        # One parse for the whole member: a raw line break only ever ends a row (JSON
        # escapes those inside strings), so the lines joined by commas make one array.
        parsed = json.loads(f"[{text.rstrip().replace(chr(10), ',')}]") if text.strip() else []
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise damaged(name, f"le membre « {member} » n'est pas en lignes JSON") from None
    columns = parsed[0] if parsed else None
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise damaged(name, f"le membre « {member} » ne nomme pas ses colonnes")
    rows = parsed[1:]
    width = len(columns)
    for row in rows:
        if not isinstance(row, list) or len(row) != width:
            raise damaged(name, f"une ligne du membre « {member} » n'a pas {width} valeurs")
    # Values are checked column by column by whoever reads the table (lists and objects
    # pass no check there).
    return Table(columns, rows)
