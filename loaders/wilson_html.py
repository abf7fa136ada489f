"""Wilson Center Digital Archive pages saved as HTML.

The HTML is linearised into the lines a reader sees (one per block element, chrome
such as scripts and navigation dropped) and read by the same page parser as copied
text. lxml parses without network access or entity expansion.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from .source import SourceDocument
from .wilson_page import PUBLISHER_MARK, parse_page

NAME = "wilson-html"
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "header",
    "footer", "blockquote", "pre", "tr", "dt", "dd", "br", "time", "main", "nav", "ul", "ol",
}
_DROP = ("script", "style", "noscript", "template", "svg", "button", "form", "iframe", "footer")


def sniff(head: str) -> bool:
    lowered = head.lstrip()[:2000].lower()
    return (lowered.startswith("<!doctype html") or lowered.startswith("<html")) and PUBLISHER_MARK in head


def linearise(html: str) -> str:
    """The page's visible text, one block element per line."""
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    etree.strip_elements(root, *_DROP, with_tail=False)
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCKS
        if block:
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if block:
            out.append("\n")

    body = root.find("body")
    walk(body if body is not None else root)
    text = "".join(out).replace("\xa0", " ")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    # Paragraphs are separated by a blank line, as in the copied text.
    return "\n\n".join(line for line in lines if line) + "\n"


def load(path: Path, text: str) -> SourceDocument:
    return parse_page(linearise(text), str(path), NAME)
