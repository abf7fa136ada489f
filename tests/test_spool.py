"""The first load's spool on disk (graph/spool.py)."""

from __future__ import annotations

from pathlib import Path

from cwkg.graph.spool import CLAIMS_FILE, STATEMENTS_FILE, Spool

from support import cut_off_by_a_full_disk


def test_writes_cut_off_again_and_again_leave_the_spool_as_it_was_and_it_takes_the_next(tmp_path: Path):
    spool = Spool(tmp_path)
    spool.add(["<urn:a> <urn:p> <urn:b> <urn:g> .\n"], 1, ["urn:g"])
    for _ in range(3):
        try:
            spool.add(cut_off_by_a_full_disk(["<urn:a> <urn:p> <urn:c> <urn:h> .\n"]), 1, ["urn:h"])
        except OSError:
            pass
    spool.add(["<urn:a> <urn:p> <urn:d> <urn:g> .\n"], 1, ["urn:g"])
    whole = "<urn:a> <urn:p> <urn:b> <urn:g> .\n<urn:a> <urn:p> <urn:d> <urn:g> .\n"
    assert ((tmp_path / STATEMENTS_FILE).read_text(encoding="utf-8"), list(spool.pieces(10)), spool.statements,
            spool.graphs) == (whole, [whole], 2, {"urn:g"})


def test_deferred_positions_cut_off_by_a_full_disk_leave_the_file_as_it_was(tmp_path: Path):
    spool = Spool(tmp_path)
    spool.defer_claims({"urn:d1": [("p1",)]})
    before = (tmp_path / CLAIMS_FILE).read_bytes()

    class Unpicklable:
        def __reduce__(self):
            raise OSError(28, "No space left on device")

    try:  # (frames of the first document's rows reach the disk before the error)
        spool.defer_claims({"urn:d2": [("p" * 70_000 + str(i),) for i in range(3)], "urn:d3": [Unpicklable()]})
    except OSError:
        pass
    after = (tmp_path / CLAIMS_FILE).read_bytes()
    spool.defer_claims({"urn:d4": [("p4",)]})
    assert (after == before, list(spool.claims())) == (True, [{"urn:d1": [("p1",)]}, {"urn:d4": [("p4",)]}])
