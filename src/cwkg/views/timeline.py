"""The positions timeline: every position on a topic in date order, one lane per speaker (or
per state), coloured by stance, positions of one day stacked in their lane so that every one is seen,
the quote on hover and, on a click, in full with a link to its document; the meetings whose records
mention the topic as marks. Drawn by Plotly."""

from __future__ import annotations

import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cwkg.errors import CwkgError
from cwkg.graph.store import GraphStore

from .model import PositionView, Reader, document_key, document_labels, positions, states_of
from .page import STANCE_COLOURS, escape, page, script_json


@dataclass(frozen=True)
class MeetingMark:
    date: str
    label: str
    document: str


@dataclass(frozen=True)
class Timeline:
    topic: str
    topic_label: str
    positions: tuple[PositionView, ...]
    lanes: dict[str, str]  # position IRI -> lane label
    meetings: tuple[MeetingMark, ...]
    documents: dict[str, str] = field(default_factory=dict)  # document IRI -> how lists name it (`document_label`)


def _in_years(date: str | None, years: tuple[int, int] | None) -> bool:
    return years is None or (bool(date) and date[:4].isdigit() and years[0] <= int(date[:4]) <= years[1])


def read_timeline(store: GraphStore, topic: str, years: tuple[int, int] | None = None, by: str = "speaker",
                  reader: Reader | None = None) -> Timeline:
    reader = reader or Reader(store)
    label = reader.ref(topic).label
    found = [p for p in positions(store, reader, f"{{ ?pos cw:about <{topic}> }} UNION {{ ?pos cw:topic <{topic}> }}")
             if p.date and _in_years(p.date, years)]
    if not found:
        span = f" in {years[0]}–{years[1]}" if years else ""
        raise CwkgError(f"no dated positions on '{label}'{span}: nothing to draw (`cwkg query positions-on --param topic=...` "
                        "lists what there is)")
    lanes = {}
    if by == "state":
        states = states_of(store, {p.speaker.iri for p in found if p.speaker})
        lanes = {p.iri: states.get(p.speaker.iri, "state unknown") if p.speaker else "speaker unknown" for p in found}
    else:
        lanes = {p.iri: p.speaker.label if p.speaker else "speaker unknown" for p in found}
    marks = []
    for r in store.query(f"""SELECT DISTINCT ?date ?kind ?place ?doc WHERE {{ ?doc cw:mentions <{topic}> ; cw:records ?m .
            ?m cw:date ?date . OPTIONAL {{ ?m cw:meetingKind/skos:prefLabel ?kind }} OPTIONAL {{ ?m cw:place/skos:prefLabel ?place }} }}"""):
        date = r["date"].value
        if _in_years(date, years):
            what = " · ".join(x.value for x in (r["kind"], r["place"]) if x is not None) or "meeting"
            marks.append(MeetingMark(date[:10], what, r["doc"].value))
    cited = {p.document for p in found} | {m.document for m in marks}
    return Timeline(topic, label, tuple(sorted(found, key=lambda p: (p.date, p.start))), lanes, tuple(sorted(marks, key=lambda m: m.date)),
                    document_labels(store, cited))


def _hover(p: PositionView) -> str:
    quote = "<br>".join(textwrap.wrap(escape(p.quote), 70)[:8])
    who = escape(p.speaker.label) if p.speaker else "unknown"
    chain = f"<br>via {escape(' → '.join(e.label for e in p.chain))}" if p.chain else ""
    return f"<b>{who}</b> {escape(p.stance)} ({p.date[:10]}){chain}<br>“{quote}”"


SCRIPT = """
(function () {
  var plot = document.getElementById('timeline'), data = JSON.parse(document.getElementById('view-data').textContent);
  var panel = document.getElementById('quote');
  function esc(s) { var d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }
  function link(key, text) { return '<a href="' + esc(data.href.replace('{key}', encodeURIComponent(key))) + '">' + esc(text) + '</a>'; }
  plot.on('plotly_click', function (ev) {
    var pt = ev.points[0], what = pt && pt.customdata;
    if (!what) return;
    var kind = what.charAt(0), x = (kind === 'p' ? data.positions : data.meetings)[+what.slice(2)];
    if (kind === 'p') {
      // the chosen position ringed, the others as drawn
      var traces = plot.data.map(function (t, i) { return i; }).filter(function (i) { return plot.data[i].name !== 'meetings'; });
      Plotly.restyle(plot, {
        'marker.line.width': traces.map(function (i) { return plot.data[i].x.map(function (v, j) { return i === pt.curveNumber && j === pt.pointNumber ? 3 : 1; }); }),
        'marker.line.color': traces.map(function (i) { return plot.data[i].x.map(function (v, j) { return i === pt.curveNumber && j === pt.pointNumber ? '#222222' : '#ffffff'; }); })
      }, traces);
      panel.innerHTML = '<div><b>' + esc(x.speaker) + '</b> <b style="color:' + x.colour + '">' + esc(x.stance) + '</b> · ' + esc(x.date) +
        (x.via ? ' · via ' + esc(x.via) : '') + '</div><blockquote>“' + esc(x.quote) + '”</blockquote><div>' + link(x.doc, x.label) + '</div>';
    } else {
      panel.innerHTML = '<div><b>meeting</b> · ' + esc(x.date) + ' · ' + esc(x.what) + '</div><div>' + link(x.doc, x.label) + '</div>';
    }
    panel.style.color = '#222';
  });
  document.body.dataset.ready = 'yes';
})();
"""

CSS = """
#quote { margin: 0 1.5em 0.5em; padding: 0.5em 1em; border: 1px solid #ccc; background: #fafafa; font: 0.9em Helvetica, Arial, sans-serif;
         max-width: 60em; height: 6.5em; overflow-y: auto; color: #555; }
#quote blockquote { margin: 0.3em 0; font: 1.05em Georgia, 'Times New Roman', serif; }
"""

ROW_PX = 22  # one row of a lane: room for a marker and a gap
MARKER_PX = 12
MAX_ROWS = 8  # a day's positions in one lane fill columns of this many
PLOT_PX = 1000  # the width of the plotted area on a common screen, to know how close in time two markers may be


@dataclass(frozen=True)
class Placed:
    """Where a position is drawn: its moment on the time axis and its row in its lane (0 = the lane's first)."""

    moment: datetime
    row: int


def place(timeline: Timeline, gap: timedelta) -> dict[str, Placed]:
    """Every position where no other hides it. The positions of one lane and day form a block at noon of that day,
    in the record's order, column by column of at most MAX_ROWS, columns `gap` (a marker's width) apart; a block
    that would touch an earlier one of its lane goes below it."""
    groups: dict[tuple[str, str], list[PositionView]] = defaultdict(list)
    for p in timeline.positions:
        groups[(timeline.lanes[p.iri], p.date[:10])].append(p)
    out: dict[str, Placed] = {}
    taken: dict[str, list[tuple[datetime, datetime, int, int]]] = defaultdict(list)  # lane -> (from, to, first row, rows)
    for (lane, day), mine in sorted(groups.items()):
        noon = datetime.fromisoformat(day) + timedelta(hours=12)
        rows = min(len(mine), MAX_ROWS)
        columns = -(-len(mine) // rows)
        start, end = noon - gap * (columns / 2), noon + gap * (columns / 2)
        near = [(r, n) for a, b, r, n in taken[lane] if a < end and start < b]
        base = min(b for b in [0] + [r + n for r, n in near] if all(b + rows <= r or r + n <= b for r, n in near))
        taken[lane].append((start, end, base, rows))
        for i, p in enumerate(sorted(mine, key=lambda p: (p.document, p.start, p.iri))):
            out[p.iri] = Placed(noon + gap * (i // rows - (columns - 1) / 2), base + i % rows)
    return out


def _when(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="minutes")


def render_timeline(timeline: Timeline, href: str = "{key}.html", nav: str = "", plotly_src: str | None = None) -> str:
    import plotly.graph_objects as go

    days = [datetime.fromisoformat(p.date[:10]) + timedelta(hours=12) for p in timeline.positions]
    pad = max((max(days) - min(days)) * 0.05, timedelta(days=3))
    gap = (max(days) - min(days) + 2 * pad) * (MARKER_PX + 4) / PLOT_PX
    placed = place(timeline, gap)
    first, last = min(p.moment for p in placed.values()) - gap, max(p.moment for p in placed.values()) + gap
    lanes = sorted(set(timeline.lanes.values()))
    rows = {lane: 1 + max(placed[p.iri].row for p in timeline.positions if timeline.lanes[p.iri] == lane) for lane in lanes}
    base, top = {}, 1 if timeline.meetings else 0  # row 0 holds the meetings' marks
    for lane in lanes:
        base[lane], top = top, top + rows[lane]
    index = {p.iri: i for i, p in enumerate(timeline.positions)}
    figure = go.Figure()
    for stance, colour in STANCE_COLOURS.items():
        mine = [p for p in timeline.positions if p.stance == stance]
        if not mine:
            continue
        figure.add_trace(go.Scatter(
            x=[_when(placed[p.iri].moment) for p in mine], y=[base[timeline.lanes[p.iri]] + placed[p.iri].row for p in mine],
            mode="markers", name=stance, marker={"color": colour, "size": MARKER_PX, "line": {"width": 1, "color": "#ffffff"}},
            hovertext=[_hover(p) for p in mine], hoverinfo="text", customdata=[f"p:{index[p.iri]}" for p in mine]))
    if timeline.meetings:
        figure.add_trace(go.Scatter(
            x=[f"{m.date} 12:00" for m in timeline.meetings], y=[0] * len(timeline.meetings), mode="markers", name="meetings",
            marker={"symbol": "line-ns-open", "size": 18, "color": "#555555"},
            hovertext=[f"{m.date}: {escape(m.label)}" for m in timeline.meetings], hoverinfo="text",
            customdata=[f"m:{i}" for i in range(len(timeline.meetings))]))
        for m in timeline.meetings:
            figure.add_vline(x=f"{m.date} 12:00", line={"color": "#cccccc", "width": 1, "dash": "dot"})
    for lane in lanes[1:]:
        figure.add_hline(y=base[lane] - 0.5, line={"color": "#e4e4e4", "width": 1})
    figure.update_layout(
        margin={"l": 10, "r": 10, "t": 30, "b": 40}, hovermode="closest", dragmode="pan", plot_bgcolor="#ffffff",
        height=max(360, 110 + ROW_PX * top), legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#eeeeee", "range": [_when(first - pad), _when(last + pad)]},
        yaxis={"range": [top - 0.5, -0.5], "zeroline": False, "showgrid": False, "automargin": True, "fixedrange": True,
               "tickvals": ([0] if timeline.meetings else []) + [base[lane] + (rows[lane] - 1) / 2 for lane in lanes],
               "ticktext": (["meetings"] if timeline.meetings else []) + lanes})
    div = figure.to_html(full_html=False, include_plotlyjs=False, div_id="timeline",
                         config={"displaylogo": False, "scrollZoom": True, "responsive": True})
    label = timeline.documents.get
    data = {"href": href,
            "positions": [{"speaker": p.speaker.label if p.speaker else "unknown speaker", "stance": p.stance, "date": p.date[:10],
                           "colour": STANCE_COLOURS.get(p.stance, "#999999"), "quote": p.quote,
                           "via": " → ".join(e.label for e in p.chain), "doc": document_key(p.document),
                           "label": label(p.document) or document_key(p.document)} for p in timeline.positions],
            "meetings": [{"date": m.date, "what": m.label, "doc": document_key(m.document),
                          "label": label(m.document) or document_key(m.document)} for m in timeline.meetings]}
    count = len(timeline.positions)
    body = (f'<p class="sans" style="padding:0 1.5em">{count} position{"s" if count != 1 else ""} on '
            f'<b>{escape(timeline.topic_label)}</b> from {timeline.positions[0].date[:10]} to {timeline.positions[-1].date[:10]}, '
            f'{len(lanes)} lane{"s" if len(lanes) != 1 else ""}; the positions of one day are stacked around it in their lane.</p>'
            f'<div id="quote">Click a position for its quote and its document, a meeting mark for its record.</div><div style="padding:0 1em">{div}</div>'
            f'<script type="application/json" id="view-data">{script_json(data)}</script>')
    return page(f"Positions on {timeline.topic_label}", body, CSS, (SCRIPT,), nav, plotly=True, plotly_src=plotly_src)
