"""The actor network: people and states as nodes (sized by the meetings they took part in,
coloured by the state they belong to), meetings as edges between their participants, stated
positions as arrows from the speaker to the person or state they are about, coloured by
stance. The layout comes from networkx; plotly.js draws it. The page starts from the most connected actors
(a control draws more), names as many as fit without one label touching another, carries a legend of its
colours and shapes, and filters by year, stance and name without going back to the graph."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from cwkg.graph.store import GraphStore

from .model import PositionView, Reader, document_key, document_labels, positions, states_of
from .labels import FONT_FAMILY, FONT_SIZE
from .labels import SCRIPT as LABELS
from .page import STANCE_COLOURS, STATE_CYCLE, escape, legend, page, script_json, state_colour


@dataclass(frozen=True)
class Filters:
    topic: str | None = None  # an entity or topic IRI
    years: tuple[int, int] | None = None
    person: str | None = None  # a person IRI (its sameAs group's representative is used)


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str  # person | state
    state: str | None  # the state a person belongs to (its label), a state's own label
    wikidata: str | None
    meetings: int


@dataclass(frozen=True)
class MeetingEdge:
    meeting: str
    document: str
    date: str | None
    kind: str | None
    place: str | None
    participants: tuple[str, ...]


@dataclass(frozen=True)
class Network:
    nodes: tuple[Node, ...]
    meetings: tuple[MeetingEdge, ...]
    positions: tuple[PositionView, ...]
    speakers: dict[str, str]  # position IRI -> speaker node
    subjects: dict[str, tuple[str, ...]]  # position IRI -> subject nodes
    documents: dict[str, str] = field(default_factory=dict)  # document IRI -> how lists name it (`document_label`)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _in_years(date: str | None, years: tuple[int, int] | None) -> bool:
    y = _year(date)
    return years is None or (y is not None and years[0] <= y <= years[1])


def read_network(store: GraphStore, filters: Filters = Filters(), reader: Reader | None = None) -> Network:
    reader = reader or Reader(store)
    rep = reader.representative
    topic_docs: set[str] | None = None
    if filters.topic:
        topic_docs = {r["d"].value for r in store.query(f"SELECT DISTINCT ?d WHERE {{ ?d cw:mentions <{filters.topic}> }}")}
    meetings: dict[str, dict] = {}
    for r in store.query("""SELECT ?m ?doc ?date ?kind ?place ?p WHERE { ?doc cw:records ?m . ?m cw:participant ?p .
            OPTIONAL { ?m cw:date ?date } OPTIONAL { ?m cw:meetingKind/skos:prefLabel ?kind } OPTIONAL { ?m cw:place/skos:prefLabel ?place } }"""):
        m = meetings.setdefault(r["m"].value, {"doc": r["doc"].value, "date": r["date"].value if r["date"] else None,
                                               "kind": r["kind"].value if r["kind"] else None,
                                               "place": r["place"].value if r["place"] else None, "people": set()})
        m["people"].add(rep(r["p"].value))
    found = positions(store, reader, "")
    about_topic = {p.iri for p in found if filters.topic and (filters.topic in {s.iri for s in p.subjects}
                                                              or reader.ref(filters.topic).label in p.topics)}
    person = rep(filters.person) if filters.person else None
    chosen_meetings = [MeetingEdge(m, v["doc"], v["date"], v["kind"], v["place"], tuple(sorted(v["people"])))
                       for m, v in sorted(meetings.items())
                       if _in_years(v["date"], filters.years) and (topic_docs is None or v["doc"] in topic_docs)
                       and (person is None or person in v["people"])]
    kinds = reader.refs({rep(s.iri) for p in found for s in p.subjects} | {rep(p.speaker.iri) for p in found if p.speaker})
    speakers, subjects, chosen_positions = {}, {}, []
    for p in found:
        if not p.speaker or not _in_years(p.date, filters.years) or (filters.topic and p.iri not in about_topic):
            continue
        who = rep(p.speaker.iri)
        if kinds[who].kind not in ("person", "state"):
            continue  # a party or body speaking: its quote is listed, it is no node
        targets = tuple(sorted({rep(s.iri) for s in p.subjects if kinds[rep(s.iri)].kind in ("person", "state")} - {who}))
        if person is not None and person != who and person not in targets:
            continue
        speakers[p.iri], subjects[p.iri] = who, targets
        chosen_positions.append(p)
    actors = set(speakers.values()) | {t for ts in subjects.values() for t in ts}
    people = {x for m in chosen_meetings for x in m.participants} | {a for a in actors if kinds[a].kind == "person"}
    states = {a for a in actors if kinds[a].kind == "state"}
    refs = reader.refs(people | states)
    people = {p for p in people if refs[p].kind == "person"}
    home = states_of(store, people)
    count = defaultdict(int)
    for m in chosen_meetings:
        for x in m.participants:
            count[x] += 1
    nodes = [Node(p, refs[p].label, "person", home.get(p), refs[p].wikidata, count[p]) for p in people]
    nodes += [Node(s, refs[s].label, "state", refs[s].label, refs[s].wikidata, count[s]) for s in states]
    cited = {m.document for m in chosen_meetings} | {p.document for p in chosen_positions}
    return Network(tuple(sorted(nodes, key=lambda n: (n.kind, n.label, n.id))), tuple(chosen_meetings),
                   tuple(chosen_positions), speakers, subjects, document_labels(store, cited))


def layout(network: Network) -> dict[str, tuple[float, float]]:
    """Spring layout (networkx), deterministic; meetings pull harder than positions."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in network.nodes)
    for m in network.meetings:
        for i, a in enumerate(m.participants):
            for b in m.participants[i + 1:]:
                w = graph.get_edge_data(a, b, {"weight": 0})["weight"]
                graph.add_edge(a, b, weight=w + 2)
    for p in network.positions:
        for t in network.subjects[p.iri]:
            a = network.speakers[p.iri]
            w = graph.get_edge_data(a, t, {"weight": 0})["weight"]
            graph.add_edge(a, t, weight=w + 1)
    if not graph:
        return {}
    n = graph.number_of_nodes()
    spread = nx.spring_layout(graph, k=2.0 / math.sqrt(n), iterations=60 if n < 1500 else 25, seed=7, weight="weight")
    return {k: (round(float(v[0]), 4), round(float(v[1]), 4)) for k, v in spread.items()}


SCRIPT = r"""
(function () {
  var data = JSON.parse(document.getElementById('view-data').textContent);
  var byId = {}; data.nodes.forEach(function (n, i) { n.index = i; byId[n.id] = n; });
  var panel = document.getElementById('panel'), plot = document.getElementById('plot'), top = document.getElementById('top');
  var from = document.getElementById('from'), to = document.getElementById('to'), search = document.getElementById('search');
  var pinned = {}, drawn = [];
  function esc(s) { var d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }
  function year(d) { return d ? parseInt(d.slice(0, 4), 10) : null; }
  function inYears(d) { var y = year(d); if (y === null) return true; return y >= +from.value && y <= +to.value; }
  function stanceOn(s) { var box = document.querySelector('input[data-stance="' + s + '"]'); return !box || box.checked; }
  function docLink(key, text) {
    return '<a href="' + esc(data.href.replace('{key}', encodeURIComponent(key))) + '" title="' + esc(data.documents[key] || key) + '">' + esc(text) + '</a>';
  }
  function size(n) { return 8 + 4 * Math.sqrt(n.meetings); }
  function labels() {
    return cwkgPlaceLabels(plot, plot.data.length - 1, drawn.map(function (n) { return {x: n.x, y: n.y, size: size(n), label: n.label}; }));
  }
  function draw() {
    var needle = search.value.trim().toLowerCase();
    var meetings = document.getElementById('show-meetings').checked ? data.meetings.filter(function (m) { return inYears(m.date); }) : [];
    var positions = document.getElementById('show-positions').checked ? data.positions.filter(function (p) { return inYears(p.date) && stanceOn(p.stance); }) : [];
    var seen = {};
    meetings.forEach(function (m) { m.people.forEach(function (id) { seen[id] = true; }); });
    positions.forEach(function (p) { seen[p.speaker] = true; p.targets.forEach(function (t) { seen[t] = true; }); });
    // nodes are in the order of how connected they are: the first `top` of those the filters keep are drawn
    var kept = data.nodes.filter(function (n) { return (seen[n.id] || n.isolated) && (!needle || n.label.toLowerCase().indexOf(needle) >= 0); });
    var listed = {}; kept.forEach(function (n) { listed[n.id] = true; });
    drawn = needle ? kept : kept.filter(function (n, i) { return i < +top.value || pinned[n.id]; });
    var shown = {}; drawn.forEach(function (n) { shown[n.id] = true; });
    var ex = [], ey = [], mx = [], my = [], mt = [];
    meetings.forEach(function (m) {
      for (var i = 0; i < m.people.length; i++) for (var j = i + 1; j < m.people.length; j++) {
        var a = byId[m.people[i]], b = byId[m.people[j]];
        if (!a || !b || !shown[a.id] || !shown[b.id]) continue;
        ex.push(a.x, b.x, null); ey.push(a.y, b.y, null);
        mx.push((a.x + b.x) / 2); my.push((a.y + b.y) / 2); mt.push(esc([m.date, m.kind, m.place].filter(Boolean).join(' · ')));
      }
    });
    var traces = [{x: ex, y: ey, mode: 'lines', line: {color: '#bbbbbb', width: 1}, hoverinfo: 'skip', name: 'meetings', showlegend: false},
                  {x: mx, y: my, mode: 'markers', marker: {size: 5, color: '#999999', symbol: 'diamond'}, text: mt, hoverinfo: 'text', name: 'meeting', showlegend: false}];
    data.stances.forEach(function (s) {
      var px = [], py = [], tx = [];
      positions.forEach(function (p) {
        if (p.stance !== s) return;
        p.targets.forEach(function (t) {
          var a = byId[p.speaker], b = byId[t];
          if (!a || !b || !shown[a.id] || !shown[b.id]) return;
          px.push(a.x, a.x + (b.x - a.x) * 0.92, null); py.push(a.y, a.y + (b.y - a.y) * 0.92, null); tx.push('', esc(p.quote), '');
        });
      });
      traces.push({x: px, y: py, mode: 'lines+markers', line: {color: data.colours[s], width: 1.5}, showlegend: false,
                   marker: {symbol: 'arrow', size: px.map(function (v, i) { return i % 3 === 1 ? 10 : 0; }), angleref: 'previous', color: data.colours[s]},
                   text: tx, hoverinfo: 'text', name: s});
    });
    traces.push({x: drawn.map(function (n) { return n.x; }), y: drawn.map(function (n) { return n.y; }), mode: 'markers+text',
      // every name first (plotly draws no text layer for a trace whose texts are all empty), then `labels` keeps those that fit
      text: drawn.map(function (n) { return n.label; }), textposition: 'top center', cliponaxis: false,
      textfont: {size: data.font.size, family: data.font.family, color: '#222222'},
      hovertext: drawn.map(function (n) { return esc(n.label) + (n.state ? ' (' + esc(n.state) + ')' : '') + '<br>' + n.meetings + ' meetings, ' + n.positions + ' positions'; }),
      hoverinfo: 'text', customdata: drawn.map(function (n) { return n.id; }), name: 'actors', showlegend: false,
      marker: {size: drawn.map(size), color: drawn.map(function (n) { return n.colour; }),
               symbol: drawn.map(function (n) { return n.kind === 'state' ? 'square' : 'circle'; }), line: {width: 1, color: '#ffffff'}}});
    Array.prototype.forEach.call(document.querySelectorAll('#actors li'), function (li) { li.hidden = !listed[li.dataset.node]; });
    var states = {}; drawn.forEach(function (n) { states[data.coloured.indexOf(n.state) >= 0 ? n.state : '*'] = true; });
    Array.prototype.forEach.call(document.querySelectorAll('#legend [data-state]'), function (el) { el.hidden = !states[el.dataset.state]; });
    document.getElementById('count').textContent = drawn.length + ' of ' + kept.length + ' actors drawn';
    document.getElementById('more').disabled = needle !== '' || drawn.length >= kept.length;
    document.getElementById('top-value').textContent = top.value;
    return Plotly.react(plot, traces, {margin: {l: 10, r: 10, t: 10, b: 10}, hovermode: 'closest', dragmode: 'pan', showlegend: false,
      xaxis: {visible: false}, yaxis: {visible: false, scaleanchor: 'x'}}, {displaylogo: false, scrollZoom: true, responsive: true}).then(labels);
  }
  function show(id) {
    var n = byId[id]; if (!n) return;
    var ms = data.meetings.filter(function (m) { return m.people.indexOf(id) >= 0; });
    var ps = data.positions.filter(function (p) { return p.speaker === id || p.targets.indexOf(id) >= 0; });
    panel.innerHTML = '<h3>' + esc(n.label) + '</h3>' + (n.state ? '<div>' + esc(n.state) + '</div>' : '') +
      (n.wikidata ? '<div>Wikidata: ' + esc(n.wikidata) + '</div>' : '') +
      '<h4>' + ms.length + ' meetings</h4><ul>' + ms.map(function (m) { return '<li>' + docLink(m.doc, [m.date, m.kind, m.place].filter(Boolean).join(' · ') || 'meeting') + '</li>'; }).join('') + '</ul>' +
      '<h4>' + ps.length + ' positions</h4><ul>' + ps.map(function (p) { return '<li><b style="color:' + data.colours[p.stance] + '">' + esc(p.stance) + '</b> ' + esc(byId[p.speaker] ? byId[p.speaker].label : '') + ': “' + esc(p.quote) + '” ' + docLink(p.doc, '[' + (data.documents[p.doc] || p.date || 'document') + ']') + '</li>'; }).join('') + '</ul>';
  }
  [from, to, search, top, document.getElementById('show-meetings'), document.getElementById('show-positions')].forEach(function (el) { el.addEventListener('input', draw); });
  Array.prototype.forEach.call(document.querySelectorAll('input[data-stance]'), function (el) { el.addEventListener('change', draw); });
  document.getElementById('more').addEventListener('click', function () { top.value = Math.min(+top.max, +top.value + data.step); draw(); });
  document.getElementById('actors').addEventListener('click', function (ev) {
    var li = ev.target.closest('li'); if (!li) return;
    show(li.dataset.node);
    if (!pinned[li.dataset.node]) { pinned[li.dataset.node] = true; draw(); }
  });
  draw().then(function () {
    plot.on('plotly_click', function (ev) { var pt = ev.points[0]; if (pt && pt.customdata) show(pt.customdata); });
    plot.on('plotly_relayout', labels);
    document.body.dataset.ready = 'yes';
  });
})();
"""


CSS = """
.layout { display: flex; height: calc(100vh - 8em); }
#plot { flex: 1 1 auto; min-width: 0; }
#side { width: 22em; overflow-y: auto; border-left: 1px solid #ddd; padding: 0.5em 0.8em; font: 0.85em Helvetica, Arial, sans-serif; }
#side h3 { margin: 0.2em 0; } #side h4 { margin: 0.6em 0 0.2em 0; } #side ul { padding-left: 1.1em; margin: 0; }
#actors { max-height: 30vh; overflow-y: auto; list-style: none; padding: 0; border-top: 1px solid #eee; margin-top: 0.6em; }
#actors li { cursor: pointer; padding: 1px 0; } #actors li:hover { background: #eef; }
.filters { padding: 0.4em 1.5em; font: 0.85em Helvetica, Arial, sans-serif; border-bottom: 1px solid #eee; }
.filters label { margin-right: 0.8em; } .filters input[type=number] { width: 5em; } #top { vertical-align: middle; width: 9em; }
#legend { padding-bottom: 0.4em; border-bottom: 1px solid #eee; margin-bottom: 0.4em; line-height: 1.5; }
#legend > div { margin-bottom: 0.2em; } #legend b { margin-right: 0.4em; } #legend span[hidden] { display: none; }
#legend .shape { font-size: 1.1em; margin-right: 0.2em; vertical-align: -0.05em; }
"""

DEFAULT_ACTORS = 30  # drawn at first; the page's control shows more
STEP = 20  # how many more "show more" adds
OTHER_STATES = "#777777"


def _ranked(network: Network) -> list[tuple[Node, int]]:
    """The nodes, most connected first (meetings attended plus positions stated or spoken of), then by name: the
    order in which the page draws them and labels them, the same on every run."""
    involved: dict[str, int] = defaultdict(int)
    for p in network.positions:
        involved[network.speakers[p.iri]] += 1
        for t in network.subjects[p.iri]:
            involved[t] += 1
    return sorted(((n, involved[n.id]) for n in network.nodes), key=lambda x: (-(x[0].meetings + x[1]), x[0].label, x[0].id))


def state_colours(ranked: list[tuple[Node, int]]) -> dict[str, str]:
    """One colour of the cycle for each of the states whose actors weigh most; the rest share grey, so that no two
    states in the legend look alike."""
    weight: dict[str, int] = defaultdict(int)
    for n, positions in ranked:
        if n.state:
            weight[n.state] += 1 + n.meetings + positions
    states = sorted(weight, key=lambda s: (-weight[s], s))
    return {s: state_colour(i) for i, s in enumerate(states[:len(STATE_CYCLE)])}


def _legend(colours: dict[str, str], stances: list[str], others: bool) -> str:
    def item(mark: str, colour: str, text: str, state: str | None = None) -> str:
        data = f' data-state="{escape(state)}"' if state is not None else ""
        return f'<span{data}><i class="shape" style="color:{colour}">{mark}</i>{escape(text)}</span>'

    states = "".join(item("●", c, s, s) for s, c in colours.items())
    if others:
        states += item("●", OTHER_STATES, "other or unknown state", "*")
    kinds = item("●", "#555555", "person") + item("■", "#555555", "state") + item("━", "#bbbbbb", "meeting") + \
        item("◆", "#999999", "a meeting's date, kind, place (hover)") + item("→", "#555555", "position, speaker to subject")
    return (f'<div id="legend" class="legend"><div><b>states</b>{states}</div><div><b>shapes</b>{kinds}</div>'
            f'<div><b>stances</b>{legend(STANCE_COLOURS, stances)}</div></div>')


def render_network(network: Network, href: str = "{key}.html", nav: str = "", title: str = "Actor network",
                   plotly_src: str | None = None) -> str:
    positions_xy = layout(network)
    ranked = _ranked(network)
    colour_of = state_colours(ranked)
    linked = {x for m in network.meetings for x in m.participants} | set(network.speakers.values())
    linked |= {t for ts in network.subjects.values() for t in ts}
    years = [y for y in ([_year(m.date) for m in network.meetings] + [_year(p.date) for p in network.positions]) if y]
    low, high = (min(years), max(years)) if years else (1945, 1991)
    stances = [s for s in STANCE_COLOURS if any(p.stance == s for p in network.positions)]
    data = {
        "href": href, "colours": STANCE_COLOURS, "stances": stances, "step": STEP, "coloured": sorted(colour_of),
        "font": {"size": FONT_SIZE, "family": FONT_FAMILY},
        "documents": {document_key(d): label for d, label in sorted(network.documents.items())},
        "nodes": [{"id": n.id, "label": n.label, "kind": n.kind, "state": n.state, "wikidata": n.wikidata, "meetings": n.meetings,
                   "positions": involved, "x": positions_xy.get(n.id, (0.0, 0.0))[0], "y": positions_xy.get(n.id, (0.0, 0.0))[1],
                   "colour": colour_of.get(n.state, OTHER_STATES), "isolated": n.id not in linked} for n, involved in ranked],
        "meetings": [{"id": m.meeting, "doc": document_key(m.document), "date": m.date, "kind": m.kind, "place": m.place,
                      "people": list(m.participants)} for m in network.meetings],
        "positions": [{"id": p.iri, "doc": document_key(p.document), "date": p.date, "stance": p.stance, "quote": p.quote,
                       "speaker": network.speakers[p.iri], "targets": list(network.subjects[p.iri])} for p in network.positions],
    }
    actors = "".join(f'<li data-node="{escape(n.id)}" data-kind="{n.kind}"><i class="swatch" style="background:'
                     f'{colour_of.get(n.state, OTHER_STATES)}"></i>{escape(n.label)}{" (" + escape(n.state) + ")" if n.kind == "person" and n.state else ""}'
                     f'{" [state]" if n.kind == "state" else ""}</li>' for n in network.nodes)
    boxes = "".join(f'<label><input type="checkbox" data-stance="{s}" checked><i class="swatch" style="background:{STANCE_COLOURS[s]}">'
                    f'</i>{s}</label>' for s in stances)
    body = (f'<div class="filters">years <input id="from" type="number" value="{low}" min="{low}" max="{high}"> to '
            f'<input id="to" type="number" value="{high}" min="{low}" max="{high}"> &nbsp; '
            f'<label><input id="show-meetings" type="checkbox" checked> meetings</label>'
            f'<label><input id="show-positions" type="checkbox" checked> positions</label> {boxes} '
            f'<input id="search" type="search" placeholder="name"> &nbsp; <label>most connected <input id="top" type="range" '
            f'min="1" max="{max(1, len(ranked))}" step="1" value="{min(DEFAULT_ACTORS, max(1, len(ranked)))}"> '
            f'<span id="top-value"></span></label><button id="more" type="button">show {STEP} more</button> <span id="count"></span></div>'
            f'<div class="layout"><div id="plot"></div><div id="side">'
            f'{_legend(colour_of, stances, any(n.state not in colour_of for n in network.nodes))}<div id="panel">Click a person or a state.</div>'
            f'<ul id="actors">{actors}</ul></div></div>'
            f'<script type="application/json" id="view-data">{script_json(data)}</script>')
    return page(title, body, CSS, (LABELS, SCRIPT), nav, plotly=True, plotly_src=plotly_src)
