"""The document view: the record's own text, every mention underlined in its kind's colour,
every stated position highlighted in its stance's colour with its speaker (and who passed it
on) in the margin, the meetings it records on top. Offsets are the graph's
character ranges, so what is highlighted is exactly what the graph cites."""

from __future__ import annotations

from .model import DocumentView, MentionView, PositionView
from .page import KIND_COLOURS, STANCE_COLOURS, escape, legend, page, script_json

CSS = """
main { display: flex; gap: 1.5em; padding: 1em 1.5em; }
#text { position: relative; white-space: pre-wrap; line-height: 1.7; max-width: 46em; margin-right: 15em; flex: 1 1 auto; }
.note { position: absolute; right: -15em; width: 14em; font: 0.72em/1.3 Helvetica, Arial, sans-serif; color: #333;
        user-select: none; border-left: 3px solid #999; padding-left: 0.4em; white-space: normal; margin-top: 0.3em; }
mark.pos { border-radius: 2px; cursor: pointer; color: inherit; }
mark.quoted { outline: 3px solid #B2182B; outline-offset: 1px; scroll-margin-top: 4em; }
span.m { cursor: pointer; border-bottom: 2px solid; }
#panel { position: sticky; top: 1em; align-self: flex-start; width: 19em; min-height: 6em; font: 0.85em Helvetica, Arial, sans-serif;
         border: 1px solid #ccc; padding: 0.6em 0.8em; background: #fafafa; }
#panel h3 { margin: 0 0 0.4em 0; font-size: 1em; }
.cards { padding: 0.5em 1.5em 0; font-family: Helvetica, Arial, sans-serif; font-size: 0.9em; }
.card { border: 1px solid #ccc; border-radius: 4px; padding: 0.5em 0.8em; margin-bottom: 0.5em; background: #f6f8fb; }
.card ul { margin: 0.3em 0 0 1.2em; padding: 0; }
.legend { padding: 0 1.5em; }
"""

SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById('view-data').textContent);
  var panel = document.getElementById('panel');
  function line(k, v) { return v ? '<div><b>' + k + '</b> ' + v + '</div>' : ''; }
  function esc(s) { var d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }
  function entity(e) {
    return esc(e.label) + ' <i>(' + esc(e.kind) + ')</i>' + (e.wikidata ? ' · <a href="https://www.wikidata.org/wiki/' + esc(e.wikidata) + '">' + esc(e.wikidata) + '</a>' : '');
  }
  // margin notes of positions that start on one line are stacked, not drawn over each other
  var bottom = -1;
  Array.prototype.forEach.call(document.querySelectorAll('#text .note'), function (n) {
    var top = n.offsetTop;
    if (top < bottom) { n.style.top = bottom + 'px'; top = bottom; }
    bottom = top + n.offsetHeight + 2;
  });
  document.getElementById('text').addEventListener('click', function (ev) {
    var m = ev.target.closest('span.m'), p = ev.target.closest('mark.pos');
    if (m) {
      var x = data.mentions[+m.dataset.mention];
      panel.innerHTML = '<h3>Mention</h3>' + line('entity', entity(x.entity)) + line('as written', esc(x.words)) +
        line('named by', esc(x.form)) +
        line('rule', esc(x.rule)) + line('confidence', x.confidence == null ? '' : esc(x.confidence));
      ev.stopPropagation();
    } else if (p) {
      var y = data.positions[+p.dataset.index];
      panel.innerHTML = '<h3>Position: ' + esc(y.stance) + '</h3>' + line('speaker', y.speaker ? entity(y.speaker) : 'unknown') +
        line('passed on by', y.chain.map(entity).join(' → ')) + line('about', y.subjects.map(entity).join('; ')) +
        line('topics', esc(y.topics.join('; '))) + line('reported as', esc(y.expression)) + line('date', esc(y.date)) +
        line('rule', esc(y.rule)) + line('confidence', y.confidence == null ? '' : esc(y.confidence)) +
        '<div style="margin-top:.4em;color:#555">' + esc(y.iri) + '</div>';
    }
  });
})();
"""


def _tint(colour: str) -> str:
    """A stance colour light enough to read text on."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},0.22)"


def _entity_json(e) -> dict:
    return {"label": e.label, "kind": e.kind, "wikidata": e.wikidata, "iri": e.iri}


def _nest(mentions: list[tuple[int, MentionView]], start: int, end: int) -> list[tuple[int, MentionView, list]]:
    """Mentions inside [start, end) as a forest: a mention inside another nests in it; one that crosses another is
    cut at the edge of the range it lies in."""
    inside = sorted(((i, m) for i, m in mentions if m.start < end and m.end > start), key=lambda x: (max(x[1].start, start), -x[1].end))
    forest, cursor = [], start
    for k, (i, m) in enumerate(inside):
        a, b = max(m.start, start), min(m.end, end)
        if a < cursor or a >= b:
            continue
        children = [x for x in inside[k + 1:] if x[1].start >= a and x[1].end <= b and (x[1].start, x[1].end) != (m.start, m.end)]
        forest.append((i, m, _nest(children, a, b), a, b))
        cursor = b
    return forest


def _render_range(text: str, forest, start: int, end: int) -> str:
    out, cursor = [], start
    for i, m, children, a, b in forest:
        out.append(escape(text[cursor:a]))
        colour = KIND_COLOURS.get(m.entity.kind, KIND_COLOURS["other"])
        tip = f"{m.entity.label} ({m.entity.kind}{', ' + m.entity.wikidata if m.entity.wikidata else ''})"
        out.append(f'<span class="m" data-mention="{i}" data-kind="{escape(m.entity.kind)}" style="border-color:{colour}" '
                   f'title="{escape(tip)}">{_render_range(text, children, a, b)}</span>')
        cursor = b
    out.append(escape(text[cursor:end]))
    return "".join(out)


def _note(p: PositionView) -> str:
    chain = " → ".join(e.label for e in p.chain)
    who = p.speaker.label if p.speaker else "unknown speaker"
    colour = STANCE_COLOURS.get(p.stance, "#999999")
    return (f'<span class="note" style="border-color:{colour}">{escape(who)} <b>{escape(p.stance)}</b>'
            f'{"<br>via " + escape(chain) if chain else ""}</span>')


def _same_words(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.split() == b.split()


def body_html(view: DocumentView, focus: str | None = None) -> str:
    """The text with its marks; the first position whose quote is `focus` (a quote an answer cites) is also marked
    `quoted`, with the id `quoted` so that a link ending in #quoted scrolls to it."""
    text = view.text
    mentions = list(enumerate(view.mentions))
    parts, cursor, focused = [], 0, False
    for index, p in enumerate(view.positions):
        if p.start < cursor or p.end > len(text):
            continue  # overlapping or out of range: never drawn twice
        parts.append(_render_range(text, _nest(mentions, cursor, p.start), cursor, p.start))
        colour = STANCE_COLOURS.get(p.stance, "#999999")
        speaker = p.speaker.label if p.speaker else "unknown speaker"
        parts.append(_note(p))
        quoted = not focused and _same_words(p.quote, focus)
        focused = focused or quoted
        marked = 'pos quoted" id="quoted' if quoted else "pos"
        parts.append(f'<mark class="{marked}" data-position="{escape(p.iri)}" data-index="{index}" data-stance="{escape(p.stance)}" '
                     f'style="background:{_tint(colour)};box-shadow:inset 0 -2px 0 {colour}" '
                     f'title="{escape(speaker)}: {escape(p.stance)}">{_render_range(text, _nest(mentions, p.start, p.end), p.start, p.end)}</mark>')
        cursor = p.end
    parts.append(_render_range(text, _nest(mentions, cursor, len(text)), cursor, len(text)))
    return "".join(parts)


def _cards(view: DocumentView) -> str:
    cards = []
    for m in view.meetings:
        people = "".join(f"<li>{escape(p.person.label)}{' — ' + escape('; '.join(p.posts)) if p.posts else ''}</li>" for p in m.participants)
        head = " · ".join(x for x in (m.kind, m.date, m.place) if x) or "meeting"
        cards.append(f'<div class="card"><b>{escape(head)}</b>{"<ul>" + people + "</ul>" if people else ""}</div>')
    return f'<section class="cards">{"".join(cards)}</section>' if cards else ""


def render_document(view: DocumentView, nav: str = "", focus: str | None = None) -> str:
    """The page; `focus`: a quote to single out (see `body_html`)."""
    data = {"mentions": [{"entity": _entity_json(m.entity), "words": m.words, "form": m.form, "rule": m.rule, "confidence": m.confidence}
                         for m in view.mentions],
            "positions": [{"iri": p.iri, "stance": p.stance, "speaker": _entity_json(p.speaker) if p.speaker else None,
                           "chain": [_entity_json(e) for e in p.chain], "subjects": [_entity_json(e) for e in p.subjects],
                           "topics": list(p.topics), "expression": p.expression, "date": p.date, "rule": p.rule,
                           "confidence": p.confidence} for p in view.positions]}
    notice = "" if view.positions else ('<p class="notice">No stated positions were found in this document; '
                                         'its mentions and meetings are shown.</p>')
    kinds = sorted({m.entity.kind for m in view.mentions})
    stances = [s for s in STANCE_COLOURS if any(p.stance == s for p in view.positions)]
    body = (f'{_cards(view)}{notice}<p class="legend">{legend(STANCE_COLOURS, stances)} &nbsp; '
            f'{legend(KIND_COLOURS, kinds)}</p>'
            f'<main><div id="text">{body_html(view, focus)}</div><aside id="panel">Click a highlighted passage or an '
            f'underlined name.</aside></main>'
            f'<script type="application/json" id="view-data">{script_json(data)}</script>')
    return page(view.label, body, CSS, (SCRIPT,), nav)
