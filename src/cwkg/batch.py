"""What an ingest run loads, and the account it gives: the files it takes from what the user named, and the tally of
what each file gave, up to the one summary line that ends the run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cwkg.inputs import absolute, binary
from cwkg.loaders import binary_format
from cwkg.pipeline import IngestResult, expand


@dataclass(frozen=True)
class Batch:
    """The files to load; the binary files met in folders (skipped, as a README is); the files named one by one."""

    files: list[Path]
    binaries: list[Path]
    named: set[Path]

    def resumed(self, partial: list[tuple[str, str]]) -> list[Path]:
        """The files of this batch whose earlier load was cut off (`GraphStore.partial_loads`)."""
        begun = {p for p, _ in partial}
        return [path for path in self.files if str(absolute(path)) in begun]


def batch_of(paths: list[Path]) -> Batch:
    """The files of `paths`, folders walked. An image or an archive met in a folder is no record: skipped, not "not
    UTF-8 text" (named, it fails); a PDF or Word file is read."""
    found = expand(paths)
    binaries = [path for path, explicit in found if not explicit and binary(path) and not binary_format(path)]
    skip = set(binaries)
    return Batch([path for path, _ in found if path not in skip], binaries, {path for path, explicit in found if explicit})


@dataclass
class Tally:
    """The running account of an ingest: documents, meetings, positions and refusals of the files loaded; the files
    that failed and those skipped (a note or licence beside the records in a folder)."""

    documents: int = 0
    meetings: int = 0
    positions: int = 0
    refused: int = 0
    failed: int = 0
    skipped: int = 0
    skipped_notes: list[str] = field(default_factory=list)

    def add(self, result: IngestResult, batch: Batch) -> str:
        """Count one file's result; what it was: "loaded", "skipped" or "failed"."""
        self.refused += len(result.refused)
        if result.ok:
            self.documents += result.documents
            self.meetings += result.meetings
            self.positions += result.positions
            return "loaded"
        if result.unrecognised and result.path not in batch.named:
            self.skipped += 1
            return "skipped"
        self.failed += 1
        return "failed"

    def summary(self, batch: Batch, verbose: bool, store: Path, triples: int) -> str:
        loaded, skipped = len(batch.files) - self.failed - self.skipped, self.skipped + len(batch.binaries)
        refused = f", {self.refused} refused" if self.refused else ""
        hint = " (--verbose names them)" if skipped and not verbose else ""
        return (f"{loaded} files loaded ({self.documents} documents, {self.meetings} meetings, {self.positions} positions"
                f"{refused}), {self.failed} failed, {skipped} skipped{hint}; store {store} holds {triples} triples")


def loaded_line(result: IngestResult) -> str:
    """What `ingest --verbose` says of a file it loaded."""
    where = f" -> {result.document}" if result.documents == 1 else ""
    return (f"{result.path}: {result.documents} documents, {result.triples} triples, {result.persons} persons, "
            f"{result.meetings} meetings, {result.mentions} mentions, {result.positions} positions{where}")


def binary_line(path: Path) -> str:
    return f"skipped: {path}: not text (an image or another binary file cwkg does not read)"
