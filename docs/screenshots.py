"""Render the three views of the bundled example and take the screenshots the README shows.

    python docs/screenshots.py   (needs Debian's chromium and `pip install ".[test]"` for playwright)

Writes docs/view-document.png, docs/view-network.png and docs/view-timeline.png.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from cwkg.graph.store import GraphStore
from cwkg.ontology.vocab import data_iri
from cwkg.pipeline import ingest
from cwkg.views.document import render_document
from cwkg.views.model import read_document
from cwkg.views.network import read_network, render_network
from cwkg.views.timeline import read_timeline, render_timeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "000_adaeb2830212c886.txt"


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="cwkg-shots-"))
    with GraphStore(work / "store") as store:
        list(ingest(store, [EXAMPLE]))
        pages = {
            "document": render_document(read_document(store, EXAMPLE.name)),
            "network": render_network(read_network(store)),
            "timeline": render_timeline(read_timeline(store, data_iri("state", "albania"))),
        }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu",
                                                                                  "--disable-background-networking"])
        for name, html in pages.items():
            path = work / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(path.as_uri())
            page.wait_for_timeout(800)
            if name == "document":
                page.click("mark.pos >> nth=2")
            elif name == "network":
                page.wait_for_selector("body[data-ready=yes]")
                page.click("#actors li[data-node$='risongun']")
            else:  # a position's quote, as a click shows it
                page.wait_for_selector("body[data-ready=yes]")
                box = page.locator("#timeline .scatterlayer .trace path.point >> nth=3").bounding_box()
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                page.mouse.move(5, 5)
                page.wait_for_timeout(300)
            page.screenshot(path=str(ROOT / "docs" / f"view-{name}.png"))
        browser.close()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
