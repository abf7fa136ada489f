"""A store says whether every graph in it is whole, and an ingest cut off by a kill is found and completed."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from cwkg.graph.integrity import check
from cwkg.ontology.vocab import ID, META_GRAPH
from cwkg.graph.store import GraphStore

from support import CORPUS, EXAMPLE, FIXTURES, cut_off_by_a_full_disk, need

ROOT = Path(__file__).resolve().parent.parent


def cwkg(store: Path, *args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cwkg", "--store", str(store), *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=600, **kw)


def content(store: Path) -> tuple[int, int]:
    """Quads outside the store's own bookkeeping, and a hash of them (blank node labels, which every load draws anew,
    set aside)."""
    code = ("import re,sys,hashlib,pyoxigraph as ox; s=ox.Store(sys.argv[1]); m=ox.NamedNode(sys.argv[2]); "
            "q=sorted(re.sub(r'_:\\w+', '_:b', str(x)) for x in s if x.graph_name != m); "
            "print(len(q), int(hashlib.sha256('\\n'.join(q).encode()).hexdigest()[:12], 16))")
    out = subprocess.run([sys.executable, "-c", code, str(store), META_GRAPH.value], capture_output=True, text=True, check=True)
    n, h = out.stdout.split()
    return int(n), int(h)


def test_a_store_just_loaded_checks_whole(tmp_path):
    store = tmp_path / "store"
    assert cwkg(store, "ingest", str(EXAMPLE)).returncode == 0
    result = cwkg(store, "check-store")
    assert (result.returncode, result.stdout, result.stderr.strip().endswith("0 problems")) == (0, "", True)


def test_a_graph_that_lost_a_triple_is_named_as_damaged(tmp_path):
    with GraphStore(tmp_path / "store") as store:
        store.replace_graph(ox.NamedNode("http://example.org/g"), [ox.Triple(ox.NamedNode("http://example.org/s"),
                            ox.NamedNode("http://example.org/p"), ox.Literal(str(i))) for i in range(3)])
        store._store.remove(next(iter(store._store.quads_for_pattern(None, None, None, ox.NamedNode("http://example.org/g")))))
        _, problems = check(store)
    assert [p.line() for p in problems] == ["http://example.org/g: holds 2 triples, written with 3: damaged; ingest its source again"]


def test_a_file_begun_and_not_finished_is_reported_by_check_store_and_stats_and_completed_by_the_next_ingest(tmp_path):
    store_path = tmp_path / "store"
    volume = FIXTURES / "frus_mini.xml"
    with GraphStore(store_path) as store:
        store.ensure_static()
        store.begin_load(volume)  # as an ingest killed between two transactions leaves it
    checked = cwkg(store_path, "check-store")
    assert (checked.returncode, "partly loaded" in checked.stdout, str(volume.resolve()) in checked.stdout) == (1, True, True)
    assert "partly loaded" in cwkg(store_path, "stats").stderr
    again = cwkg(store_path, "ingest", str(volume))
    assert (again.returncode, "completing" in again.stderr) == (0, True)
    assert cwkg(store_path, "check-store").returncode == 0


def test_a_first_load_writes_a_volume_in_one_burst_and_a_reload_in_batches_of_graphs(tmp_path, monkeypatch):
    from cwkg import pipeline

    monkeypatch.setattr(pipeline, "BATCH", 1)
    writes: list[list[str]] = []  # the graphs of each write
    replace = GraphStore.replace_graphs
    monkeypatch.setattr(GraphStore, "replace_graphs", lambda self, graphs, bulk=False: (
        writes.append([g.value for g, _ in graphs]), replace(self, graphs, bulk))[1])
    volume = FIXTURES / "frus_mini.xml"
    with GraphStore(tmp_path / "store") as store:
        (first,) = pipeline.ingest(store, [volume])
        bursts, writes[:] = [w for w in writes if set(w) & set(first.graphs)], []
        (again,) = pipeline.ingest(store, [volume])
    assert (bursts, [w for w in writes if set(w) & set(again.graphs)]) == \
        ([list(first.graphs)], [[g] for g in again.graphs])


def _volumes(folder: Path, count: int) -> list[Path]:
    """`count` volumes of the mini FRUS, each with a volume id of its own (so their documents are others)."""
    text = (FIXTURES / "frus_mini.xml").read_text(encoding="utf-8")
    out = []
    for n in range(1, count + 1):
        out.append(folder / f"volume{n}.xml")
        out[-1].write_text(text.replace('xml:id="frus-test-v1"', f'xml:id="frus-test-v{n}"'), encoding="utf-8")
    return out


def _ingest_seeing(store: GraphStore, volumes: list[Path]) -> list[tuple[bool, int, list[str]]]:
    """Each file's result as it comes: whether it is ok, how many document graphs the store then holds, and how many
    statements then wait in the spool."""
    from cwkg import pipeline

    return [(r.ok, len(store.document_graphs()), store.spooled()) for r in pipeline.ingest(store, volumes)]


def test_a_first_load_gathers_its_graphs_in_a_spool_and_loads_them_when_its_last_file_is_read(tmp_path, monkeypatch):
    from cwkg import pipeline

    monkeypatch.setattr(pipeline, "BULK_QUADS", 1)  # (the mini volume is far smaller than a real one)
    volumes = _volumes(tmp_path, 3)

    def indexed(store: GraphStore) -> list[tuple[str, str]]:
        return sorted(store.claim_index()._db.execute("SELECT position, stance FROM positions").fetchall())

    with GraphStore(tmp_path / "store") as store:
        seen = _ingest_seeing(store, volumes)
        after = (sorted(f.name for f in store.path.glob("first-load*")), store.claim_index().pending(), indexed(store))
        list(pipeline.ingest(store, volumes))  # again: no first load, each batch written and indexed at once
        again = indexed(store)
    assert (seen, after) == ([(True, 6, 0), (True, 6, 0), (True, 6, 0)], ([], [], again))


def test_a_first_load_loads_its_spool_between_files_once_it_is_full(tmp_path, monkeypatch):
    from cwkg import pipeline

    monkeypatch.setattr(pipeline, "BULK_QUADS", 1)
    monkeypatch.setattr(pipeline, "SPOOL_LIMIT", 1)  # full after any file
    with GraphStore(tmp_path / "store") as store:
        assert _ingest_seeing(store, _volumes(tmp_path, 3)) == [(True, 2, 0), (True, 4, 0), (True, 6, 0)]


def test_a_spool_that_cannot_be_loaded_fails_its_files_and_leaves_them_noted_as_partly_loaded(tmp_path, monkeypatch):
    from cwkg import pipeline
    from cwkg.graph.spool import Spool

    def disk_full(self, size):
        raise OSError(28, "No space left on device")
        yield  # (a generator, as the real one)

    monkeypatch.setattr(pipeline, "BULK_QUADS", 1)
    monkeypatch.setattr(Spool, "pieces", disk_full)
    volumes = _volumes(tmp_path, 2)
    with GraphStore(tmp_path / "store") as store:
        results = list(pipeline.ingest(store, volumes))
        assert ([r.error for r in results], [len(r.graphs) for r in results], store.document_graphs(),
                sorted(Path(f).name for f, _ in store.partial_loads()), [p.what.split(" (")[0] for p in check(store)[1]]) == \
            ([f"{v}: the store could not be written: [Errno 28] No space left on device" for v in volumes], [0, 0], [],
             ["volume1.xml", "volume2.xml"], ["partly loaded", "partly loaded"])


def test_a_spool_write_cut_off_by_a_full_disk_fails_its_file_alone_and_the_spool_still_loads(tmp_path, monkeypatch):
    from cwkg import pipeline
    from cwkg.graph.spool import Spool

    real = Spool.add

    def add(self, nquads, statements, graphs):
        cut = graphs == [f"{ID}document/frus-test-v2-d1"]
        return real(self, cut_off_by_a_full_disk(nquads) if cut else nquads, statements, graphs)

    monkeypatch.setattr(pipeline, "BULK_QUADS", 1)
    monkeypatch.setattr(Spool, "add", add)
    volumes = _volumes(tmp_path, 3)
    with GraphStore(tmp_path / "store") as store:
        errors = [r.error for r in pipeline.ingest(store, volumes)]
        assert (errors, [g.value.removeprefix(ID) for g in store.document_graphs()], store.partial_loads()) == (
            [None, f"{volumes[1]}: no space left on the device written to; free some space and run the command again", None],
            ["document/frus-test-v1-d1", "document/frus-test-v1-d2", "document/frus-test-v3-d1", "document/frus-test-v3-d2"],
            [])


def test_a_first_load_cut_short_gives_up_its_spool_and_notes_its_files_as_partly_loaded(tmp_path, monkeypatch):
    from cwkg import pipeline

    monkeypatch.setattr(pipeline, "BULK_QUADS", 1)
    volumes = _volumes(tmp_path, 2)
    with GraphStore(tmp_path / "store") as store:
        run = pipeline.ingest(store, volumes)
        calls = iter(range(100))
        monkeypatch.setattr(pipeline, "ingest_file", lambda *a, _real=pipeline.ingest_file, **k: (
            _real(*a, **k) if next(calls) == 0 else (_ for _ in ()).throw(KeyboardInterrupt)))
        with pytest.raises(KeyboardInterrupt):
            list(run)
        assert (store.document_graphs(), [Path(f).name for f, _ in store.partial_loads()],
                sorted(f.name for f in store.path.glob("first-load*"))) == ([], ["volume1.xml"], [])


def test_the_spool_a_killed_first_load_left_is_removed_when_the_store_is_next_opened_for_writing(tmp_path, caplog):
    from cwkg.graph.spool import CLAIMS_FILE, STATEMENTS_FILE

    folder = tmp_path / "store"
    GraphStore(folder).close()
    (folder / STATEMENTS_FILE).write_text("<urn:s> <urn:p> <urn:o> <urn:g> .\n" * 10)  # (what a SIGKILL leaves)
    (folder / CLAIMS_FILE).write_bytes(b"\x80")
    with caplog.at_level(logging.WARNING, logger="cwkg"), GraphStore(folder):
        left = sorted(f.name for f in folder.glob("first-load*"))
    assert (left, [r.getMessage() for r in caplog.records]) == (
        [], [f"{folder}: removed the spool of an ingest that stopped before loading it (341 bytes); "
             "its files are noted as partly loaded"])


def test_a_volume_that_fails_halfway_through_a_first_load_leaves_nothing_behind(tmp_path, monkeypatch):
    from lxml import etree

    from cwkg import pipeline

    tree = etree.parse(str(FIXTURES / "frus_mini.xml"))
    tei = "{http://www.tei-c.org/ns/1.0}"
    second = tree.getroot().findall(f".//{tei}div[@type='document']")[1]
    etree.SubElement(second, f"{tei}p").text = "word " * 25_000  # a paragraph longer than cwkg reads
    volume = tmp_path / "volume.xml"
    tree.write(str(volume), encoding="UTF-8", xml_declaration=True)
    monkeypatch.setattr(pipeline, "BULK_BURST", 1)  # the first document is stored (by the bulk loader) before the second fails
    monkeypatch.setattr(pipeline, "BULK_QUADS", 1)
    with GraphStore(tmp_path / "store") as store:
        (result,) = pipeline.ingest(store, [volume])
        assert ("paragraph of" in result.error, store.document_graphs(), store.partial_loads(), check(store)[1]) == \
            (True, [], [], [])


def test_a_second_part_of_a_volume_that_fails_in_a_first_load_leaves_the_first_part_and_the_volume_graph(tmp_path, monkeypatch):
    from lxml import etree

    from cwkg import pipeline

    tei, xml_id = "{http://www.tei-c.org/ns/1.0}", "{http://www.w3.org/XML/1998/namespace}id"
    first = tmp_path / "part1.xml"
    first.write_bytes((FIXTURES / "frus_mini.xml").read_bytes())
    tree = etree.parse(str(first))  # the same volume's second part: other documents, the second failing
    documents = tree.getroot().findall(f".//{tei}div[@type='document']")
    for div in documents:
        div.set(xml_id, "part2-" + div.get(xml_id))
    etree.SubElement(documents[1], f"{tei}p").text = "word " * 25_000  # a paragraph longer than cwkg reads
    second = tmp_path / "part2.xml"
    tree.write(str(second), encoding="UTF-8", xml_declaration=True)
    monkeypatch.setattr(pipeline, "BULK_BURST", 1)  # each graph a bulk batch of its own
    monkeypatch.setattr(pipeline, "BULK_QUADS", 1)
    with GraphStore(tmp_path / "store") as store:
        results = list(pipeline.ingest(store, [first, second]))
        volume = next(g for g in results[0].graphs if "/volume/" in g)
        assert ([r.ok for r in results], sorted(g.value for g in store.document_graphs()), store.has_graph(ox.NamedNode(volume)),
                results[1].graphs, [Path(f).name for f, _ in store.partial_loads()]) == \
            ([True, False], sorted(g for g in results[0].graphs if "/document/" in g), True, (volume,), ["part2.xml"])


def test_an_ingest_killed_at_any_moment_leaves_whole_documents_and_a_rerun_gives_the_same_store(tmp_path):
    volume = need(CORPUS / "frus" / "frus1964-68v17-part1.xml")
    # Many small writes (to the spool in a first load, to the store in a run completing one that holds documents), so
    # a kill falls between or inside them, or inside the spool's load.
    small = {"CWKG_INGEST_BATCH": "2", "CWKG_BULK_BURST": "3000", "CWKG_BULK_QUADS": "3000"}
    reference = tmp_path / "reference"
    assert cwkg(reference, "ingest", str(volume), env=small).returncode == 0
    for delay in (2.0, 4.0, 6.0):
        store = tmp_path / f"killed-{delay}"
        process = subprocess.Popen([sys.executable, "-m", "cwkg", "--store", str(store), "ingest", str(volume)], cwd=ROOT,
                                   env={**os.environ, **small}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        checked = cwkg(store, "check-store")
        damaged = [line for line in checked.stdout.splitlines() if "partly loaded" not in line]
        assert damaged == [], delay
        assert cwkg(store, "ingest", str(volume), env=small).returncode == 0
        assert (cwkg(store, "check-store").returncode, content(store), sorted(store.glob("first-load*"))) == \
            (0, content(reference), []), delay


def test_after_an_ingest_the_write_ahead_log_is_retired_into_the_tables(tmp_path):
    store = tmp_path / "store"
    volume = need(CORPUS / "frus" / "frus1964-68v17-part1.xml")  # without it, the log alone held 58 of 83 MB
    assert cwkg(store, "ingest", str(volume)).returncode == 0
    assert sum(p.stat().st_size for p in store.glob("*.log")) < 1024 * 1024


def test_a_store_that_cannot_be_written_is_opened_read_only_for_reading(tmp_path, monkeypatch):
    path = tmp_path / "store"
    with GraphStore(path) as store:
        store.ensure_static()
        before = store.count()

    def refuse(*args, **kwargs):
        raise OSError("IO error: While open a file for appending: Permission denied")

    monkeypatch.setattr(ox, "Store", type("Refusing", (), {"__new__": refuse, "read_only": staticmethod(ox.Store.read_only)}))
    with GraphStore(path, reading=True) as store:
        assert (store.read_only, store.count(), store.ensure_static()) == (True, before, False)
    with pytest.raises(Exception, match="check the folder's permissions"):
        GraphStore(path)


def test_documents_extracted_by_worker_processes_give_the_same_store_as_one_process(tmp_path):
    volume = need(CORPUS / "frus" / "frus1964-68v17-part1.xml")  # large enough for the workers to be used
    one, two = tmp_path / "one", tmp_path / "two"
    assert cwkg(one, "ingest", "--jobs", "1", str(volume)).returncode == 0
    assert cwkg(two, "ingest", "--jobs", "2", str(volume)).returncode == 0
    assert content(two) == content(one)


def _held(store: Path) -> bool:
    """Whether some process holds the store's lock (Linux: /proc/locks), found without taking it."""
    inode = (store / "LOCK").stat().st_ino
    locks = Path("/proc/locks").read_text() if Path("/proc/locks").exists() else ""
    return any(line.split()[5].endswith(f":{inode}") for line in locks.splitlines() if len(line.split()) > 5)


def test_a_query_runs_while_an_ingest_writes_to_the_same_store(tmp_path):
    volume = need(CORPUS / "frus" / "frus1964-68v17-part1.xml")
    store = tmp_path / "store"
    assert cwkg(store, "ingest", str(EXAMPLE)).returncode == 0
    writer = subprocess.Popen([sys.executable, "-m", "cwkg", "--store", str(store), "ingest", "--jobs", "1", str(volume)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _held(store):  # until the writer holds the store's lock
            time.sleep(0.1)
        assert writer.poll() is None, "the ingest ended before a query could run beside it"
        result = cwkg(store, "query", "documents", "--format", "tsv")
        assert (result.returncode, "Traceback" in result.stderr, len(result.stdout.strip().splitlines()) >= 2) == (0, False, True)
    finally:
        assert writer.wait(timeout=300) == 0


def test_an_ingest_of_a_folder_of_200_files_says_a_few_lines(tmp_path):
    record = (FIXTURES / "hsg" / "113537.xml").read_text(encoding="utf-8")
    folder = tmp_path / "people"
    folder.mkdir()
    for n in range(200):
        (folder / f"{900000 + n}.xml").write_text(record.replace("<id>113537</id>", f"<id>{900000 + n}</id>"), encoding="utf-8")
    result = cwkg(tmp_path / "store", "ingest", str(folder))
    assert (result.returncode, result.stdout, len(result.stderr.strip().splitlines())) == (0, "", 1), result.stderr
    assert result.stderr.startswith("200 files loaded")
