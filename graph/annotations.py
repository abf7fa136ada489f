"""Evidence in full Web Annotation form, for `cwkg export --annotations full`: annotation tools (Hypothesis, Recogito,
an IIIF/W3C annotation server) read a target as a SpecificResource with a TextQuoteSelector (the quote, with the
words before and after it, so it can be found again in a re-typed text) and a TextPositionSelector, not as an
RFC 5147 fragment. The store keeps the compact form; this makes the full one graph by graph as it is written."""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Triple

from cwkg.ontology.vocab import CW, OA, RDF, XSD
from .textfragment import char_range

CONTEXT = 32  # characters of prefix and suffix kept with each quote


def _integer(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)


def full_annotations(triples: Iterable[Triple]) -> list[Triple]:
    """A graph's triples with every character-range target (and its `cw:quote`) said as Web Annotation selectors.
    The words before and after come from the document's `cw:text` in the same graph; without it, none are given."""
    triples = [Triple(t.subject, t.predicate, t.object) for t in triples]
    texts = {t.subject.value: t.object.value for t in triples if t.predicate == CW.text}
    quotes = {t.subject: t.object for t in triples if t.predicate == CW.quote}
    compact = {t.subject for t in triples if t.predicate == OA.hasTarget and char_range(t.object.value) is not None}
    out: list[Triple] = []
    for t in triples:
        if t.subject in compact and t.predicate == CW.quote:
            continue
        if t.subject not in compact or t.predicate != OA.hasTarget or (at := char_range(t.object.value)) is None:
            out.append(t)
            continue
        node, text = t.subject.value, texts.get(at.document)
        target, quote, position = NamedNode(node + "#target"), NamedNode(node + "#quote"), NamedNode(node + "#position")
        exact = quotes.get(t.subject) or (Literal(text[at.start:at.end]) if text is not None else None)  # (a mention's)
        out += [Triple(t.subject, OA.hasTarget, target), Triple(target, RDF.type, OA.SpecificResource),
                Triple(target, OA.hasSource, NamedNode(at.document)),
                Triple(target, OA.hasSelector, quote), Triple(target, OA.hasSelector, position),
                Triple(quote, RDF.type, OA.TextQuoteSelector)]
        if exact is not None:
            out.append(Triple(quote, OA.exact, exact))
        if text is not None:
            out += [Triple(quote, OA.prefix, Literal(text[max(0, at.start - CONTEXT):at.start])),
                    Triple(quote, OA.suffix, Literal(text[at.end:at.end + CONTEXT]))]
        out += [Triple(position, RDF.type, OA.TextPositionSelector),
                Triple(position, OA.start, _integer(at.start)), Triple(position, OA.end, _integer(at.end))]
    return list(dict.fromkeys(out))
