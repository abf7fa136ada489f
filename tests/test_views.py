"""`cwkg view`: the document view, the actor network and the positions timeline, rendered from the graph of the
example and of the FRUS slice and opened in a real headless Chromium (Debian's `chromium`): no console error, no
network request, the DOM holds what the graph holds, and the screenshot is not blank."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from cwkg.errors import CwkgError
from cwkg.graph.store import GraphStore
from cwkg.pipeline import ingest
from cwkg.views.document import render_document
from cwkg.views.model import EntityRef, PositionView, read_document
from cwkg.views.network import read_network, render_network
from cwkg.views.page import STANCE_COLOURS
from cwkg.views.site import write_site
from cwkg.views.timeline import read_timeline, render_timeline
from support import CORPUS, EXAMPLE, need

FRUS = CORPUS / "frus" / "frus1964-68v17-part1.xml"
ALBANIA = "https://w3id.org/cwkg/id/state/albania"


class Opened:
    def __init__(self, browser, path: Path, root: Path | None = None) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.resolve().as_uri()
        self.own = (root or path.parent).resolve().as_uri() + "/assets/"  # a site's shared scripts
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(300)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url and not u.startswith(("data:", "blob:", self.own))]

    def coloured_pixels(self) -> int:
        from PIL import Image, ImageChops

        image = Image.open(io.BytesIO(self.page.screenshot())).convert("RGB")
        difference = ImageChops.difference(image, Image.new("RGB", image.size, "white")).convert("L")
        return image.size[0] * image.size[1] - difference.histogram()[0]


@pytest.fixture(scope="module")
def example_store(loaded_store):
    return loaded_store


@pytest.fixture(scope="module")
def frus_store(tmp_path_factory):
    store = GraphStore(tmp_path_factory.mktemp("views-frus") / "store")
    assert all(r.ok for r in ingest(store, [EXAMPLE, need(FRUS)]))
    yield store
    store.close()


def quotes(store: GraphStore) -> dict[str, str]:
    """Every position's evidence quote, straight from the graph."""
    return {r["pos"].value: r["q"].value for r in store.query(
        "SELECT ?pos ?q WHERE { ?pos a cw:Position ; cw:quote ?q }")}


def actors(store: GraphStore) -> set[str]:
    """The people and states the network must show: participants, and the people and states who state positions or
    are spoken of, one per owl:sameAs group."""
    rows = store.query("""SELECT DISTINCT ?x WHERE {
        { ?m cw:participant ?e } UNION { ?pos a cw:Position ; cw:speaker ?e . ?e a ?c . VALUES ?c { cw:Person cw:State } }
        UNION { ?pos a cw:Position ; cw:speaker ?sp ; cw:about ?e . ?e a ?c . VALUES ?c { cw:Person cw:State }
                ?sp a ?sc . VALUES ?sc { cw:Person cw:State } }
        OPTIONAL { ?e cw:sameAsGroup ?rep } BIND(COALESCE(?rep, ?e) AS ?x) }""")
    return {r["x"].value for r in rows}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ the document view


def test_every_position_of_the_example_is_one_highlight_holding_exactly_its_quote(example_store, browser, tmp_path):
    view = read_document(example_store, EXAMPLE.name)
    opened = Opened(browser, write(tmp_path, "doc.html", render_document(view)))
    marks = opened.page.eval_on_selector_all("mark.pos", "ms => ms.map(m => [m.dataset.position, m.textContent])")
    expected = {iri: q for iri, q in quotes(example_store).items() if iri in {p.iri for p in view.positions}}
    assert (len(marks), dict(marks)) == (len(expected), expected)
    assert len(expected) == 45


def test_the_document_view_loads_with_no_error_no_request_and_is_not_blank(example_store, browser, tmp_path):
    opened = Opened(browser, write(tmp_path, "doc.html", render_document(read_document(example_store, EXAMPLE.name))))
    assert (opened.errors, opened.foreign_requests()) == ([], [])
    assert opened.coloured_pixels() > 20_000


def test_the_document_view_underlines_every_mention_and_shows_the_meeting(example_store, browser, tmp_path):
    view = read_document(example_store, EXAMPLE.name)
    opened = Opened(browser, write(tmp_path, "doc.html", render_document(view)))
    card = opened.page.inner_text(".card")
    assert card.splitlines()[0] == "luncheon · 1962-03-30 · Moscow"
    assert "Ri Song-un — ambassador, North Korea" in card
    underlined = opened.page.eval_on_selector_all("span.m", "ms => new Set(ms.map(m => m.dataset.mention)).size")
    assert underlined == len({(m.start, m.end) for m in view.mentions}) - sum(
        1 for a in view.mentions for b in view.mentions if a is not b and b.start < a.start < b.end < a.end)


def test_clicking_a_position_names_its_speaker_rule_and_confidence(example_store, browser, tmp_path):
    view = read_document(example_store, EXAMPLE.name)
    opened = Opened(browser, write(tmp_path, "doc.html", render_document(view)))
    opened.page.click("mark.pos >> nth=0")
    panel = opened.page.inner_text("#panel")
    first = view.positions[0]
    assert f"speaker {first.speaker.label}" in panel and f"rule {first.rule}" in panel and f"confidence {first.confidence}" in panel


def test_a_mention_holds_the_words_the_document_writes_and_how_they_name_the_entity(example_store):
    view = read_document(example_store, EXAMPLE.name)
    dprk = next(m for m in view.mentions if m.start == view.text.index("DPRK"))
    assert (dprk.words, dprk.form, dprk.entity.label) == ("DPRK", "abbreviation", "North Korea")


def test_clicking_a_mention_shows_it_as_written_and_how_it_names_the_entity(example_store, browser, tmp_path):
    view = read_document(example_store, EXAMPLE.name)
    opened = Opened(browser, write(tmp_path, "doc.html", render_document(view)))
    index = next(i for i, m in enumerate(view.mentions) if m.start == view.text.index("DPRK"))
    opened.page.click(f"span.m[data-mention='{index}']")
    lines = opened.page.inner_text("#panel").splitlines()
    assert ("as written DPRK" in lines, "named by abbreviation" in lines) == (True, True)


def test_a_linked_entity_shows_its_wikidata_id_on_hover(example_store, browser, tmp_path):
    opened = Opened(browser, write(tmp_path, "doc.html", render_document(read_document(example_store, EXAMPLE.name))))
    titles = opened.page.eval_on_selector_all("span.m[data-kind=state]", "ms => ms.map(m => m.title)")
    assert "Albania (state, Q222)" in titles


def test_a_frus_document_view_highlights_each_of_its_positions(frus_store, browser, tmp_path):
    docs = frus_store.query("SELECT ?d (COUNT(?p) AS ?n) WHERE { ?p a cw:Position ; cw:inDocument ?d . "
                            "FILTER(CONTAINS(STR(?d), 'frus')) } GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 1")
    doc = next(iter(docs))["d"].value
    view = read_document(frus_store, doc)
    opened = Opened(browser, write(tmp_path, "frus.html", render_document(view)))
    marks = dict(opened.page.eval_on_selector_all("mark.pos", "ms => ms.map(m => [m.dataset.position, m.textContent])"))
    assert marks == {p.iri: quotes(frus_store)[p.iri] for p in view.positions}
    assert (opened.errors, opened.foreign_requests()) == ([], [])


# ------------------------------------------------------------------ the network


def test_the_network_holds_one_node_per_person_and_state(example_store, browser, tmp_path):
    opened = Opened(browser, write(tmp_path, "net.html", render_network(read_network(example_store))))
    listed = opened.page.eval_on_selector_all("#actors li", "ls => ls.map(l => l.dataset.node)")
    drawn = opened.page.evaluate("document.getElementById('plot').data.at(-1).customdata.length")
    assert (sorted(listed), drawn) == (sorted(actors(example_store)), len(actors(example_store)))
    assert (opened.errors, opened.foreign_requests()) == ([], [])
    assert opened.coloured_pixels() > 5_000


def test_the_frus_network_holds_one_node_per_person_and_state(frus_store, browser, tmp_path):
    opened = Opened(browser, write(tmp_path, "net.html", render_network(read_network(frus_store))))
    listed = opened.page.eval_on_selector_all("#actors li", "ls => ls.map(l => l.dataset.node)")
    assert sorted(listed) == sorted(actors(frus_store))
    assert (opened.errors, opened.foreign_requests()) == ([], [])


def test_clicking_an_actor_lists_their_meetings_and_quotes_with_links_to_the_document(example_store, browser, tmp_path):
    opened = Opened(browser, write(tmp_path, "net.html", render_network(read_network(example_store), "documents/{key}.html")))
    opened.page.click("#actors li[data-node$='risongun']")
    panel = opened.page.inner_text("#panel")
    links = opened.page.eval_on_selector_all("#panel a", "as => [...new Set(as.map(a => a.getAttribute('href')))]")
    assert panel.startswith("Ri Song-un\nNorth Korea\n1 meetings")
    assert links == ["documents/wilson-a09fa3adf955d7c4.html"]


def drawn_network(browser, path: Path) -> Opened:
    opened = Opened(browser, path)
    opened.page.wait_for_selector("body[data-ready=yes]")
    return opened


LABELS = """() => {
  const frame = document.querySelector('#plot .nsewdrag').getBoundingClientRect();
  const texts = [...document.querySelectorAll('#plot .scatterlayer .trace:last-child g.textpoint text')].filter(t => t.textContent);
  return {frame: [frame.left, frame.top, frame.right, frame.bottom],
          labels: texts.map(t => { const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.top, r.right, r.bottom]; })};
}"""


def outside_and_overlapping(drawn: dict) -> tuple[list[str], list[tuple[str, str]]]:
    """The labels not wholly inside the plot's frame, and the pairs of labels whose boxes intersect."""
    (left, top, right, bottom), labels = drawn["frame"], drawn["labels"]
    outside = [t for t, a, b, c, d in labels if a < left or b < top or c > right or d > bottom]
    overlapping = [(p[0], q[0]) for i, p in enumerate(labels) for q in labels[i + 1:]
                   if p[1] < q[3] and q[1] < p[3] and p[2] < q[4] and q[2] < p[4]]
    return outside, overlapping


def test_the_network_shows_a_legend_of_the_states_drawn_the_shapes_and_the_stances(example_store, browser, tmp_path):
    network = read_network(example_store)
    opened = drawn_network(browser, write(tmp_path, "net.html", render_network(network)))
    states = opened.page.eval_on_selector_all("#legend [data-state]:not([hidden])", "ss => ss.map(s => s.dataset.state)")
    shapes = opened.page.eval_on_selector_all("#legend > div:nth-child(2) span", "ss => ss.map(s => s.textContent)")
    stances = opened.page.eval_on_selector_all("#legend > div:nth-child(3) span", "ss => ss.map(s => s.textContent)")
    assert sorted(states) == sorted({n.state for n in network.nodes if n.state})
    assert shapes == ["●person", "■state", "━meeting", "◆a meeting's date, kind, place (hover)", "→position, speaker to subject"]
    assert stances == [s for s in STANCE_COLOURS if s in {p.stance for p in network.positions}]


@pytest.mark.parametrize("which", ["example", "frus"])
def test_every_network_label_lies_inside_the_frame_and_touches_no_other(which, example_store, frus_store, browser, tmp_path):
    network = read_network(example_store if which == "example" else frus_store)
    opened = drawn_network(browser, write(tmp_path, "net.html", render_network(network)))
    first = opened.page.evaluate(LABELS)
    opened.page.evaluate("Plotly.relayout('plot', {'xaxis.range': plot._fullLayout.xaxis.range.map((v, i, r) => "
                         "(r[0] + r[1]) / 2 + (v - (r[0] + r[1]) / 2) / 3)})")
    opened.page.wait_for_timeout(300)
    zoomed = opened.page.evaluate(LABELS)
    most_connected = opened.page.evaluate("JSON.parse(document.getElementById('view-data').textContent).nodes[0].label")
    assert (outside_and_overlapping(first), outside_and_overlapping(zoomed)) == (([], []), ([], []))
    assert most_connected in [t for t, *_ in first["labels"]]
    assert len(first["labels"]) >= min(10, len(network.nodes))


def test_the_network_starts_from_the_thirty_most_connected_actors_and_draws_more_on_demand(frus_store, browser, tmp_path):
    network = read_network(frus_store)
    opened = drawn_network(browser, write(tmp_path, "net.html", render_network(network)))
    drawn = "document.getElementById('plot').data.at(-1).customdata"
    nodes = opened.page.evaluate("JSON.parse(document.getElementById('view-data').textContent).nodes"
                                 ".map(n => [n.id, n.meetings + n.positions])")
    first = opened.page.evaluate(drawn)
    opened.page.click("#more")
    opened.page.wait_for_timeout(300)
    more = opened.page.evaluate(drawn)
    assert [w for _, w in nodes] == sorted((w for _, w in nodes), reverse=True)
    assert (first, more) == ([i for i, _ in nodes[:30]], [i for i, _ in nodes[:50]])
    assert opened.page.inner_text("#count") == f"50 of {len(network.nodes)} actors drawn"


def test_the_network_page_is_the_same_on_every_run(frus_store):
    assert render_network(read_network(frus_store)) == render_network(read_network(frus_store))


def test_an_actors_quotes_name_their_document_by_title_and_date(example_store, browser, tmp_path):
    from cwkg.views.model import document_labels

    opened = Opened(browser, write(tmp_path, "net.html", render_network(read_network(example_store))))
    opened.page.click("#actors li[data-node$='risongun']")
    named = opened.page.eval_on_selector_all("#panel h4 + ul + h4 + ul a", "as => [...new Set(as.map(a => a.textContent))]")
    meetings = opened.page.eval_on_selector_all("#panel h4 + ul:not(h4 + ul + h4 + ul) a", "as => as.map(a => a.title)")
    label = document_labels(example_store)["https://w3id.org/cwkg/id/document/wilson-a09fa3adf955d7c4"]
    assert named == [f"[{label}]"]
    assert meetings == [label]
    assert label.endswith(" · 1962-04-02")


def test_the_name_filter_in_the_page_keeps_only_matching_actors(example_store, browser, tmp_path):
    opened = Opened(browser, write(tmp_path, "net.html", render_network(read_network(example_store))))
    opened.page.fill("#search", "korea")
    opened.page.wait_for_timeout(200)
    shown = opened.page.eval_on_selector_all("#actors li:not([hidden])", "ls => ls.map(l => l.textContent)")
    assert shown == ["North Korea [state]", "South Korea [state]"]


# ------------------------------------------------------------------ the timeline


def test_the_timeline_draws_every_dated_position_on_the_topic(example_store, browser, tmp_path):
    timeline = read_timeline(example_store, ALBANIA)
    opened = Opened(browser, write(tmp_path, "tl.html", render_timeline(timeline)))
    points = opened.page.evaluate("document.getElementById('timeline').data.filter(t => t.name !== 'meetings')"
                                  ".reduce((n, t) => n + t.x.length, 0)")
    about = example_store.query(f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ {{ ?p cw:about <{ALBANIA}> }} UNION {{ ?p cw:topic <{ALBANIA}> }} "
                                "?p cw:statedOn ?d }")
    assert points == int(next(iter(about))["n"].value) == len(timeline.positions)
    assert opened.page.eval_on_selector_all("#timeline g.points path.point", "ps => ps.length") >= points
    assert (opened.errors, opened.foreign_requests()) == ([], [])
    assert opened.coloured_pixels() > 5_000


MARKERS = """() => {
  const frame = document.querySelector('#timeline .nsewdrag').getBoundingClientRect();
  const traces = [...document.querySelectorAll('#timeline .scatterlayer .trace')].filter((t, i) => document.getElementById('timeline').data[i].name !== 'meetings');
  return {frame: [frame.left, frame.top, frame.right, frame.bottom],
          markers: traces.flatMap(t => [...t.querySelectorAll('path.point')]).map(p => { const r = p.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })};
}"""


def hidden_or_outside(drawn: dict) -> tuple[int, int]:
    """How many pairs of position markers overlap (one hiding part of the other), and how many lie outside the frame."""
    (left, top, right, bottom), boxes = drawn["frame"], drawn["markers"]
    overlapping = sum(1 for i, a in enumerate(boxes) for b in boxes[i + 1:] if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1)
    outside = sum(1 for a in boxes if a[0] < left or a[1] < top or a[2] > right or a[3] > bottom)
    return overlapping, outside


@pytest.mark.parametrize("which", ["example", "frus"])
def test_every_position_on_the_timeline_is_a_marker_no_other_hides(which, example_store, frus_store, browser, tmp_path):
    from cwkg.views.model import Reader
    from cwkg.views.site import top_topics

    store = example_store if which == "example" else frus_store
    topic = ALBANIA if which == "example" else top_topics(store, Reader(store), 1)[0][0]
    timeline = read_timeline(store, topic)
    opened = Opened(browser, write(tmp_path, "tl.html", render_timeline(timeline)))
    opened.page.wait_for_selector("body[data-ready=yes]")
    drawn = opened.page.evaluate(MARKERS)
    days = {p.date[:10] for p in timeline.positions}
    assert len(drawn["markers"]) == len(timeline.positions)
    assert hidden_or_outside(drawn) == (0, 0)
    assert len(days) < len(timeline.positions)  # some day holds more than one position: the case being checked


def position(n: int, who: str, day: str) -> PositionView:
    speaker = EntityRef(f"https://w3id.org/cwkg/id/person/{who.lower().replace(' ', '-')}", who, "person")
    return PositionView(f"urn:test:{who}:{n}", n * 10, n * 10 + 5, f"Quote {n} of {who}", speaker, "informs", (), ("Ruritania",), (),
                        None, None, None, day, "https://w3id.org/cwkg/id/document/strelsau-memo")


def test_a_days_positions_fill_columns_of_eight_around_noon_and_a_neighbouring_block_goes_below(tmp_path):
    from datetime import datetime, timedelta

    from cwkg.views.timeline import Placed, Timeline, place

    found = [position(n, "Pyotr Ivanov", "1962-03-30") for n in range(10)] + [position(10, "Pyotr Ivanov", "1962-03-31"),
                                                                              position(11, "Adam Nowak", "1962-03-30")]
    timeline = Timeline("urn:test:ruritania", "Ruritania", tuple(found), {p.iri: p.speaker.label for p in found}, ())
    placed = place(timeline, timedelta(hours=6))
    noon = datetime(1962, 3, 30, 12)
    assert [placed[p.iri] for p in found] == (
        [Placed(noon - timedelta(hours=3), row) for row in range(8)] + [Placed(noon + timedelta(hours=3), row) for row in range(2)]
        + [Placed(noon + timedelta(hours=24), 0), Placed(noon, 0)])
    assert place(timeline, timedelta(hours=20))[found[10].iri] == Placed(noon + timedelta(hours=24), 8)


def test_clicking_a_position_on_the_timeline_shows_its_quote_and_a_link_to_its_document(example_store, browser, tmp_path):
    timeline = read_timeline(example_store, ALBANIA)
    opened = Opened(browser, write(tmp_path, "tl.html", render_timeline(timeline, "documents/{key}.html")))
    opened.page.wait_for_selector("body[data-ready=yes]")
    point = opened.page.evaluate("(() => { const p = document.querySelector('#timeline .scatterlayer .trace path.point');"
                                 " const r = p.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2,"
                                 " document.getElementById('timeline').data[0].customdata[0]]; })()")
    opened.page.mouse.move(point[0], point[1])
    opened.page.mouse.click(point[0], point[1])
    opened.page.wait_for_timeout(200)
    shown = timeline.positions[int(point[2].split(":")[1])]
    quote = opened.page.inner_text("#quote blockquote")
    link = opened.page.eval_on_selector("#quote a", "a => [a.getAttribute('href'), a.textContent]")
    ringed = opened.page.evaluate("document.getElementById('timeline').data.flatMap((t, i) => t.name === 'meetings' ? [] : "
                                  "(t.marker.line.width || []).map((w, j) => w === 3 ? t.customdata[j] : null)).filter(Boolean)")
    assert quote == f"“{shown.quote}”"
    assert link == ["documents/wilson-a09fa3adf955d7c4.html", timeline.documents[shown.document]]
    assert ringed == [point[2]]


def test_the_frus_timeline_of_its_most_discussed_topic_loads_cleanly(frus_store, browser, tmp_path):
    from cwkg.views.model import Reader
    from cwkg.views.site import top_topics

    (topic, _), = top_topics(frus_store, Reader(frus_store), 1)
    opened = Opened(browser, write(tmp_path, "tl.html", render_timeline(read_timeline(frus_store, topic))))
    assert (opened.errors, opened.foreign_requests()) == ([], [])


# ------------------------------------------------------------------ messages


def test_an_unknown_document_is_a_clear_error(example_store):
    with pytest.raises(CwkgError, match=r"^no document 'nothing-here' in the store \(give its IRI, its id or its file's name"):
        read_document(example_store, "nothing-here")


def test_a_topic_with_no_positions_is_a_clear_error(example_store):
    with pytest.raises(CwkgError, match=r"^no dated positions on 'Cuba': nothing to draw"):
        read_timeline(example_store, "https://w3id.org/cwkg/id/state/cuba")


def cwkg(*args: str, store: Path, cwd: Path):
    return subprocess.run([sys.executable, "-m", "cwkg", "--store", str(store), *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_the_view_commands_write_pages_and_say_so(tmp_path):
    store = tmp_path / "store"
    assert cwkg("ingest", str(EXAMPLE), store=store, cwd=tmp_path).returncode == 0
    done = cwkg("view", "document", EXAMPLE.name, store=store, cwd=tmp_path)
    assert (done.returncode, done.stderr.startswith("wrote document-wilson-a09fa3adf955d7c4.html (")) == (0, True)
    assert cwkg("view", "network", "--year", "1962", store=store, cwd=tmp_path).returncode == 0
    assert cwkg("view", "timeline", "--topic", "Albania", store=store, cwd=tmp_path).returncode == 0
    assert sorted(p.name for p in tmp_path.glob("*.html")) == ["document-wilson-a09fa3adf955d7c4.html", "network.html",
                                                                "timeline-albania.html"]


def test_the_view_commands_fail_in_one_line_without_writing(tmp_path):
    store = tmp_path / "store"
    assert cwkg("ingest", str(EXAMPLE), store=store, cwd=tmp_path).returncode == 0
    unknown = cwkg("view", "document", "nothing-here", store=store, cwd=tmp_path)
    no_positions = cwkg("view", "timeline", "--topic", "Cuba", store=store, cwd=tmp_path)
    no_entity = cwkg("view", "network", "--person", "Nobody Atall", store=store, cwd=tmp_path)
    assert [(d.returncode, d.stderr.count("\n")) for d in (unknown, no_positions, no_entity)] == [(1, 1)] * 3
    assert no_positions.stderr.startswith("error: no dated positions on 'Cuba'")
    assert no_entity.stderr == "error: no entity called 'Nobody Atall' in the store (--person)\n"
    assert list(tmp_path.glob("*.html")) == []


def test_a_document_without_positions_says_so_on_the_page_and_on_the_terminal(tmp_path):
    from datetime import date

    from cwkg.loaders.source import SourceDocument
    from cwkg.pipeline import record_graph

    doc = SourceDocument(doc_id="quiet", source="test", format="test", title="Memorandum for the Record",
                         body="Memorandum for the Record\n\nWashington, April 24, 1968.\n\nThe meeting was postponed.",
                         date=date(1968, 4, 24), kind="memorandum for the record")
    with GraphStore(tmp_path / "store") as store:
        store.ensure_static()
        store.replace_graph(*record_graph(doc)[:2])
    done = cwkg("view", "document", "quiet", store=tmp_path / "store", cwd=tmp_path)
    page = (tmp_path / "document-quiet.html").read_text(encoding="utf-8")
    assert done.stderr.startswith("note: https://w3id.org/cwkg/id/document/quiet has no stated positions")
    assert "No stated positions were found in this document" in page


# ------------------------------------------------------------------ the site


def test_the_site_links_its_pages_and_every_page_loads_cleanly(frus_store, browser, tmp_path):
    report = write_site(frus_store, tmp_path / "site", topics=2)
    pages = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*.html"))
    assert report.documents == len([p for p in pages if p.startswith("documents/")]) and report.timelines == 2
    assert {"index.html", "network.html"} <= set(pages)
    index = Opened(browser, tmp_path / "site" / "index.html")
    first = index.page.eval_on_selector("td a", "a => a.getAttribute('href')")
    assert (tmp_path / "site" / first).is_file()
    for name in ("index.html", "network.html", first):
        opened = Opened(browser, tmp_path / "site" / name, tmp_path / "site")
        assert (name, opened.errors, opened.foreign_requests()) == (name, [], [])


def test_the_pages_of_a_site_share_one_copy_of_plotly_js(frus_store, browser, tmp_path):
    from cwkg.views.page import plotly_js

    write_site(frus_store, tmp_path / "site", topics=2)
    site = tmp_path / "site"
    banner = plotly_js()[:200]
    copies = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and banner in p.read_text(encoding="utf-8")]
    drawing = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "Plotly." in p.read_text(encoding="utf-8"))
    sources = {name: Opened(browser, site / name).page.evaluate(
        "[typeof Plotly, [...document.scripts].filter(s => s.src).map(s => s.getAttribute('src'))]") for name in drawing}
    assert copies == ["assets/plotly.min.js"]
    assert len(drawing) == 3
    assert sources == {name: ["object", ["../" * name.count("/") + "assets/plotly.min.js"]] for name in drawing}


def test_a_single_view_page_carries_its_own_plotly_js(example_store, browser, tmp_path):
    opened = Opened(browser, write(tmp_path, "net.html", render_network(read_network(example_store))))
    assert opened.page.evaluate("[typeof Plotly, [...document.scripts].filter(s => s.src).length]") == ["object", 0]


def numbered_store(path: Path) -> GraphStore:
    """Three records of one title, told apart only by their number in the volume and their date."""
    from datetime import date

    from cwkg.loaders.source import SourceDocument
    from cwkg.pipeline import record_graph

    store = GraphStore(path)
    store.ensure_static()
    for number, day in (("10", 30), ("9", 30), ("2", 12)):
        doc = SourceDocument(doc_id=f"ruritania-d{number}", source="test", format="test", title="Memorandum of Conversation",
                             body=f"Memorandum of Conversation\n\nStrelsau, March {day}, 1962.\n\nThe talks were postponed.",
                             date=date(1962, 3, day), kind="memorandum of conversation", number=number)
        store.replace_graph(*record_graph(doc)[:2])
    return store


def test_the_site_index_lists_documents_by_number_title_and_date_in_date_then_number_order(browser, tmp_path):
    with numbered_store(tmp_path / "store") as store:
        write_site(store, tmp_path / "site")
    index = Opened(browser, tmp_path / "site" / "index.html")
    assert index.page.eval_on_selector_all("td a", "as => as.map(a => [a.textContent, a.getAttribute('href')])") == [
        ["Document 2 · Memorandum of Conversation · 1962-03-12", "documents/ruritania-d2.html"],
        ["Document 9 · Memorandum of Conversation · 1962-03-30", "documents/ruritania-d9.html"],
        ["Document 10 · Memorandum of Conversation · 1962-03-30", "documents/ruritania-d10.html"]]


def test_the_network_page_of_a_site_with_no_meetings_or_positions_loads_and_says_none_are_drawn(browser, tmp_path):
    with numbered_store(tmp_path / "store") as store:
        write_site(store, tmp_path / "site")
    opened = drawn_network(browser, tmp_path / "site" / "network.html")
    assert (opened.page.inner_text("#count"), opened.errors) == ("0 of 0 actors drawn", [])


def test_a_document_page_is_headed_by_its_number_title_and_date(tmp_path):
    with numbered_store(tmp_path / "store") as store:
        view = read_document(store, "ruritania-d9")
    assert view.label == "Document 9 · Memorandum of Conversation · 1962-03-30"
    assert "<h1>Document 9 · Memorandum of Conversation · 1962-03-30</h1>" in render_document(view)


def test_a_folder_that_is_no_site_is_not_overwritten(example_store, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(CwkgError, match="exists and is not a site cwkg wrote"):
        write_site(example_store, tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"
