"""The positions timeline: every position on a topic in date order, one lane per speaker (or
per state), coloured by stance, the quote on hover, and the meetings whose records mention
the topic as marks. Drawn by Plotly (its wheel ships plotly.js, inlined here)."""

from __future__ import annotations

import textwrap
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from cwkg.errors import CwkgError
from cwkg.graph.store import GraphStore

from .model import PositionView, Reader, document_key, positions, states_of
from .page import STANCE_COLOURS, escape, page


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
    return Timeline(topic, label, tuple(sorted(found, key=lambda p: (p.date, p.start))), lanes, tuple(sorted(marks, key=lambda m: m.date)))


def _hover(p: PositionView) -> str:
    quote = "<br>".join(textwrap.wrap(escape(p.quote), 70)[:8])
    who = escape(p.speaker.label) if p.speaker else "unknown"
    chain = f"<br>via {escape(' → '.join(e.label for e in p.chain))}" if p.chain else ""
    return f"<b>{who}</b> {escape(p.stance)} ({p.date[:10]}){chain}<br>“{quote}”"


SCRIPT = """
(function () {
  var plot = document.getElementById('timeline'), href = JSON.parse(document.getElementById('href').textContent);
  plot.on('plotly_click', function (ev) {
    var pt = ev.points[0];
    if (pt && pt.customdata) window.location.href = href.replace('{key}', encodeURIComponent(pt.customdata));
  });
})();
"""


def _moments(timeline: Timeline) -> dict[str, datetime]:
    """Where each position sits on the time axis: its day, positions of one lane and day spread across it in the order
    the record gives them, so none hides another."""
    groups: dict[tuple[str, str], list[PositionView]] = defaultdict(list)
    for p in timeline.positions:
        groups[(timeline.lanes[p.iri], p.date[:10])].append(p)
    out = {}
    for (_, day), mine in groups.items():
        start = datetime.fromisoformat(day)
        for i, p in enumerate(sorted(mine, key=lambda p: (p.document, p.start))):
            out[p.iri] = start + timedelta(hours=24 * (i + 1) / (len(mine) + 1))
    return out


def render_timeline(timeline: Timeline, href: str = "{key}.html", nav: str = "", plotly_src: str | None = None) -> str:
    import plotly.graph_objects as go

    lanes = sorted(set(timeline.lanes.values()))
    moments = _moments(timeline)
    first, last = min(moments.values()), max(moments.values())
    pad = max((last - first) * 0.05, timedelta(days=3))
    figure = go.Figure()
    for stance, colour in STANCE_COLOURS.items():
        mine = [p for p in timeline.positions if p.stance == stance]
        if not mine:
            continue
        figure.add_trace(go.Scatter(
            x=[moments[p.iri].isoformat(sep=" ", timespec="minutes") for p in mine], y=[timeline.lanes[p.iri] for p in mine],
            mode="markers", name=stance,
            marker={"color": colour, "size": 12, "line": {"width": 1, "color": "#ffffff"}},
            hovertext=[_hover(p) for p in mine], hoverinfo="text", customdata=[document_key(p.document) for p in mine]))
    if timeline.meetings:
        figure.add_trace(go.Scatter(
            x=[m.date for m in timeline.meetings], y=["meetings"] * len(timeline.meetings), mode="markers", name="meetings",
            marker={"symbol": "line-ns-open", "size": 18, "color": "#555555"},
            hovertext=[f"{m.date}: {escape(m.label)}" for m in timeline.meetings], hoverinfo="text",
            customdata=[document_key(m.document) for m in timeline.meetings]))
        for m in timeline.meetings:
            figure.add_vline(x=m.date, line={"color": "#cccccc", "width": 1, "dash": "dot"})
    figure.update_layout(
        margin={"l": 10, "r": 10, "t": 30, "b": 40}, hovermode="closest", dragmode="pan", plot_bgcolor="#ffffff",
        height=max(360, 70 + 38 * (len(lanes) + 1)), legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#eeeeee",
               "range": [(first - pad).isoformat(sep=" ", timespec="minutes"), (last + pad).isoformat(sep=" ", timespec="minutes")]},
        yaxis={"categoryorder": "array", "categoryarray": (["meetings"] if timeline.meetings else []) + lanes[::-1],
               "automargin": True})
    div = figure.to_html(full_html=False, include_plotlyjs=False, div_id="timeline",
                         config={"displaylogo": False, "scrollZoom": True, "responsive": True})
    count = len(timeline.positions)
    body = (f'<p class="sans" style="padding:0 1.5em">{count} position{"s" if count != 1 else ""} on '
            f'<b>{escape(timeline.topic_label)}</b> from {timeline.positions[0].date[:10]} to {timeline.positions[-1].date[:10]}, '
            f'{len(lanes)} lane{"s" if len(lanes) != 1 else ""}; click a mark to open its document.</p>'
            f'<div style="padding:0 1em">{div}</div><script type="application/json" id="href">"{escape(href)}"</script>')
    return page(f"Positions on {timeline.topic_label}", body, "", (SCRIPT,), nav, plotly=True, plotly_src=plotly_src)
