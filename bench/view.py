"""Write the `cwkg view` site of the whole corpus and print how long it takes and how big it is.

    python bench/view.py [--corpus ../shared/corpus] [--store DIR]

Loads the example and the corpus (FRUS slice, POCOM, the people authority) into a fresh
store, or uses --store as it is, then writes the site (index, one page per document, the
network, five topic timelines) and prints seconds, pages, megabytes, actors in the network,
peak memory and how many pages share the one copy of plotly.js. Target: under 30 s. Figures, not assertions.
"""

from __future__ import annotations

import resource
import tempfile
from pathlib import Path

from corpus import arguments, corpus_store

from cwkg.views.page import PLOTLY_FILE
from cwkg.views.site import write_site


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    work = Path(tempfile.mkdtemp(prefix="cwkg-bench-view-"))
    with corpus_store(args, work, reading=True) as store:
        report = write_site(store, work / "site")
    pages = len(list((work / "site").rglob("*.html")))
    shared = work / "site" / PLOTLY_FILE
    loading = sum(1 for p in (work / "site").rglob("*.html") if PLOTLY_FILE in p.read_text(encoding="utf-8"))
    print(f"site of the corpus: {pages} pages ({report.documents} documents, {report.timelines} timelines), "
          f"{report.actors} people and states in the network, {report.bytes / 1e6:.1f} MB, written in {report.seconds:.1f} s; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; in {work / 'site'}")
    print(f"plotly.js: one copy ({shared.stat().st_size / 1e6:.1f} MB) loaded by {loading} pages "
          f"(inlined, it would add {(loading - 1) * shared.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
