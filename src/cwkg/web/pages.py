"""The site's own pages as HTML strings: the question box and its answer, the canned-query forms and their
results, the timeline chooser and error pages. Every value from the store or the visitor goes through `escape`
(URLs through `urllib.parse` first); the views' pages are rendered by the views themselves (`app`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import quote, urlencode

from cwkg.ask.model import KINDS, Answer, Entry
from cwkg.ontology.vocab import DOCUMENT_BASE
from cwkg.queries.catalog import CannedQuery
from cwkg.queries.runner import Result
from cwkg.views.model import document_key
from cwkg.views.page import escape, page

from . import forms

EXAMPLE = "Which ambassadors discussed Albania in 1962?"
MAX_QUESTION = 1000  # characters
MAX_ROWS = 1000  # rows of a canned query shown on a page

CSS = """
main.site { padding: 0.5em 1.5em 2em; font-family: Helvetica, Arial, sans-serif; max-width: 80em; }
form.ask input[name=q] { width: 40em; max-width: 90%; font-size: 1.05em; padding: 0.3em; }
form.ask button, form.query button { font-size: 1em; padding: 0.25em 0.9em; }
table.rows { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
table.rows th { text-align: left; border-bottom: 2px solid #ccc; padding: 3px 8px; }
table.rows td { border-bottom: 1px solid #eee; padding: 4px 8px; vertical-align: top; }
td.quote q { font-family: Georgia, 'Times New Roman', serif; }
td.name, td.date { white-space: nowrap; }
form.query { border: 1px solid #ddd; border-radius: 4px; padding: 0.4em 0.9em 0.7em; margin: 0.8em 0; background: #fafbfc; }
form.query h3 { margin: 0.3em 0; font-size: 1em; } form.query div { margin: 0.25em 0; }
form.query input { width: 18em; } form.query small { color: #555; }
.muted { color: #666; font-size: 0.9em; }
"""


def nav(endpoint: str | None = None) -> str:
    links = [("/", "Ask"), ("/queries", "Canned queries"), ("/network", "Network"), ("/timeline", "Timelines")]
    if endpoint:
        links.append((endpoint, "SPARQL endpoint"))
    return "<nav>" + "".join(f'<a href="{escape(href)}">{escape(text)}</a>' for href, text in links) + "</nav>"


def site_page(title: str, body: str, endpoint: str | None = None) -> str:
    return page(title, f'<main class="site">{body}</main>', CSS, nav=nav(endpoint))


def document_href(document: str, quote_text: str | None = None) -> str:
    """The live document view of a document IRI; with the quote an answer cites, singled out and scrolled to."""
    href = f"/document/{quote(document_key(document), safe='')}"
    return href + "?" + urlencode({"quote": quote_text}) + "#quoted" if quote_text else href


def question_box(question: str = "") -> str:
    return (f'<form class="ask" method="get" action="/ask"><label for="q">Ask in plain words</label><br>'
            f'<input id="q" name="q" type="search" value="{escape(question)}" placeholder="{escape(EXAMPLE)}" '
            f'maxlength="{MAX_QUESTION}" required autofocus> <button type="submit">Ask</button></form>')


def home(endpoint: str | None = None) -> str:
    kinds = "".join(f"<li>{escape(k)}</li>" for k in KINDS)
    body = (f'{question_box()}<p class="muted">It understands questions of these kinds, and answers each with the names, '
            f'the sentence each rests on, the meeting and the document:</p><ul class="muted">{kinds}</ul>'
            f'<p>Or run a <a href="/queries">canned query</a> with its parameters; see the <a href="/network">network</a> '
            f'of people and states, or the <a href="/timeline">positions on a topic over time</a>.</p>')
    return site_page("cwkg: ask the graph", body, endpoint)


def _entry_row(e: Entry, ranked: bool, documents: Mapping[str, str]) -> str:
    doc = ""
    if e.document:
        named = documents.get(e.document) or e.title or document_key(e.document)
        doc = f'<a class="doc" href="{escape(document_href(e.document, e.quote))}">{escape(named)}</a>'
    score = f"<td>{e.score:.2f}</td>" if ranked and e.score is not None else ("<td></td>" if ranked else "")
    quoted = f"<q>{escape(e.quote)}</q>" if e.quote else ""
    return (f'<tr><td class="name">{escape(e.name)}</td>{score}<td class="date">{escape(e.date)}</td><td>{escape(e.meeting)}</td>'
            f'<td class="quote">{quoted}</td><td class="document">{doc}</td></tr>')


def _ran(answer: Answer) -> str:
    items = "".join(f'<li><a href="{escape(forms.action(r.query) + "?" + urlencode({**r.params, forms.RUN: "1"}))}">'
                    f'{escape(r.query)}</a> <span class="muted">{escape(" ".join(f"{k}={v}" for k, v in r.params.items()))}</span></li>'
                    for r in answer.ran)
    return f'<details><summary class="muted">The canned queries it ran</summary><ul>{items}</ul></details>' if items else ""


def answer_page(answer: Answer, endpoint: str | None = None, documents: Mapping[str, str] | None = None) -> str:
    """`documents`: how to name each document (`views.model.document_labels`: number, title, date), by IRI."""
    head = question_box(answer.question)
    if not answer.entries:
        body = (f'{head}<p class="notice">{escape(answer.note)}: the question was read as '
                f'<b>{escape(answer.kind)}</b>, and no record in the store answers it.</p>{_ran(answer)}')
        return site_page("cwkg: no answer", body, endpoint)
    ranked = any(e.score is not None for e in answer.entries)
    columns = ["name"] + (["score"] if ranked else []) + ["date", "meeting", "quote", "document"]
    rows = "".join(_entry_row(e, ranked, documents or {}) for e in answer.entries)
    n = len(answer.entries)
    body = (f'{head}<p>Read as <b>{escape(answer.kind)}</b>: {n} answer{"s" if n != 1 else ""}.</p>'
            f'<table class="rows answer"><tr>{"".join(f"<th>{c}</th>" for c in columns)}</tr>{rows}</table>{_ran(answer)}')
    return site_page("cwkg: answer", body, endpoint)


def refusal_page(question: str, why: str, nearest: Iterable[CannedQuery], endpoint: str | None = None) -> str:
    near = "".join(f'<li><a href="{escape(forms.action(q.name))}">{escape(q.title)}</a> <code>{escape(q.name)}</code></li>'
                   for q in nearest)
    body = (f'{question_box(question)}<p class="notice refusal">Cannot answer: {escape(why)}</p>'
            f'{"<p>Nearest canned queries:</p><ul>" + near + "</ul>" if near else ""}')
    return site_page("cwkg: cannot answer", body, endpoint)


def queries_page(catalog: Mapping[str, CannedQuery], endpoint: str | None = None) -> str:
    index = "".join(f'<li><a href="#{escape(q.name)}">{escape(q.title)}</a></li>' for q in catalog.values())
    body = (f'<p>Each canned query with its parameters (* required); the answer names the document of each row.</p>'
            f'<ul class="muted">{index}</ul>{"".join(forms.form(q) for q in catalog.values())}')
    return site_page("cwkg: canned queries", body, endpoint)


def _cell(column: str, term, row: Mapping) -> str:
    if term is None:
        return "<td></td>"
    value = term.value
    if column == "document" and value.startswith(DOCUMENT_BASE):
        said = row.get("quote")
        return f'<td><a class="doc" href="{escape(document_href(value, said.value if said is not None and said.value else None))}">{escape(document_key(value))}</a></td>'
    if column == "quote" and value:
        return f'<td class="quote"><q>{escape(value)}</q></td>'
    return f"<td>{escape(value)}</td>"


def result_page(query: CannedQuery, values: Mapping[str, str], result: Result, endpoint: str | None = None) -> str:
    shown = result.rows[:MAX_ROWS]
    head = "".join(f"<th>{escape(c)}</th>" for c in result.columns)
    rows = "".join("<tr>" + "".join(_cell(c, row.get(c), row) for c in result.columns) + "</tr>" for row in shown)
    warnings = "".join(f'<p class="notice">{escape(u)} names no entity in the graph; no rows match it</p>' for u in result.unresolved)
    count = len(result.rows)
    cut = f" (the first {MAX_ROWS} shown)" if count > MAX_ROWS else ""
    body = (f'{forms.form(query, values)}{warnings}<p>{count} row{"s" if count != 1 else ""}{cut}.</p>'
            f'<table class="rows result"><tr>{head}</tr>{rows}</table>')
    return site_page(f"cwkg: {query.title}", body, endpoint)


def timeline_chooser(topics: Iterable[tuple[str, str]], endpoint: str | None = None) -> str:
    links = "".join(f'<li><a href="/timeline?{escape(urlencode({"topic": iri}))}">{escape(label)}</a></li>' for iri, label in topics)
    body = ('<form method="get" action="/timeline"><label>topic <input name="topic" required></label> '
            '<label>years <input name="year" placeholder="1962 or 1960-1965"></label> '
            '<label>lanes <select name="by"><option>speaker</option><option>state</option></select></label> '
            f'<button type="submit">Draw</button></form>{"<p>The topics most positions are about:</p><ul>" + links + "</ul>" if links else ""}')
    return site_page("cwkg: positions on a topic over time", body, endpoint)


def problem_page(status: str, message: str, endpoint: str | None = None) -> str:
    return site_page(f"cwkg: {status}", f'<p class="notice">{escape(message)}</p>', endpoint)
