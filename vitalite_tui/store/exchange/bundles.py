"""The exchange part of the store: write a démarche's bundle, read bundles, name this laptop."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from vitalite_tui import __version__
from vitalite_tui.errors import InvalidInput
from vitalite_tui.formats.bundle import (
    SUFFIX,
    Manifest,
    bundles_in,
    pack,
    peek_manifest,
    read_bundle,
)
from vitalite_tui.formats.files import write_bytes
from vitalite_tui.formats.naming import slug
from vitalite_tui.store.base import demarche_row
from vitalite_tui.store.exchange.codes import mark_carried
from vitalite_tui.store.exchange.dump import demarche_tables
from vitalite_tui.store.exchange.known import KnownTables
from vitalite_tui.store.exchange.laptop import rename_laptop, this_laptop
from vitalite_tui.store.exchange.merge import Merge
from vitalite_tui.store.exchange.records import (
    FoundBundle,
    LaptopRecord,
    MergeReport,
    WrittenBundle,
)

BUNDLE_NOT_WRITTEN = "Le paquet n'a pas pu être écrit"


class Exchange:
    """Write a démarche's bundle; read bundles into this base; name this laptop."""

    def laptop(self) -> LaptopRecord:
        return this_laptop()

    def rename_laptop(self, name: str) -> LaptopRecord:
        return rename_laptop(name)

    def bundle_bytes(self, demarche_id: str) -> bytes:
        """The démarche's bundle: every row of it, removed ones included, and its manifest."""
        # Before the rows are read: the bundle carries the record of its own codes.
        mark_carried(demarche_id)
        demarche = demarche_row(demarche_id)
        laptop = this_laptop()
        manifest = Manifest(
            program_version=__version__,
            demarche_id=demarche.id.hex,
            demarche_name=demarche.territory,
            laptop_id=laptop.id,
            laptop_name=laptop.name,
            written_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        )
        return pack(manifest, demarche_tables(demarche.id.hex))

    def default_name(self, demarche_id: str, now: datetime | None = None) -> str:
        """« cc-du-val-d-orbieu-poste-2-20261207-214005.vitalite »: territory, laptop, time."""
        territory = demarche_row(demarche_id).territory
        moment = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        return f"{slug(territory)}-{slug(this_laptop().name)}-{moment}{SUFFIX}"

    def write(self, demarche_id: str, out: Path) -> WrittenBundle:
        """Write the bundle to `out`: a file, or a folder where it gets its default name."""
        out = out.expanduser()
        target = out / self.default_name(demarche_id) if out.is_dir() else out
        if target.suffix.lower() != SUFFIX:
            raise InvalidInput(f"{target.name} : extension {SUFFIX} attendue pour un paquet.")
        data = self.bundle_bytes(demarche_id)

        def write(stream: BinaryIO) -> None:
            stream.write(data)

        written = write_bytes(target, write, what=BUNDLE_NOT_WRITTEN)
        return WrittenBundle(
            path=written,
            demarche_name=demarche_row(demarche_id).territory,
            laptop_name=this_laptop().name,
            size=len(data),
        )

    def read(self, path: Path, known: KnownTables | None = None) -> MergeReport:
        """Merge the bundle at `path` into the base, all of it or nothing.

        `known`: shared by bundles read one after the other with nothing else written in
        between, so that each table the bundles carry alike is compared once."""
        bundle = read_bundle(path)
        return Merge(bundle, path.name, known).run()

    def found(self, folder: Path) -> list[FoundBundle]:
        """The bundles of a folder, newest first, with where each comes from."""
        this = this_laptop().id
        listed = []
        for path in bundles_in(folder):
            manifest = peek_manifest(path)
            listed.append(
                FoundBundle(
                    path=path,
                    demarche_name=manifest.demarche_name if manifest else "",
                    laptop_name=manifest.laptop_name if manifest else "",
                    written_at=manifest.written_at if manifest else "",
                    from_here=manifest is not None and manifest.laptop_id == this,
                    readable=manifest is not None,
                )
            )
        return sorted(listed, key=lambda found: found.written_at, reverse=True)

    def read_all(self, paths: Sequence[Path]) -> list[MergeReport]:
        """Each bundle merged in turn (each its own transaction)."""
        known = KnownTables()
        return [self.read(path, known) for path in paths]
