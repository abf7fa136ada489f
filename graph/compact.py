"""A graph written by a cwkg before compact provenance, rewritten in this version's form, for the once-only
upgrade of an older store: each Web Annotation target (a SpecificResource with a quote and a position selector,
eleven triples) becomes one IRI with an RFC 5147 character range and a `cw:quote` (a mention keeps none), and a node that named its
document twice (prov:wasDerivedFrom beside cw:inDocument or cw:attestedIn) names it once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Triple

from cwkg.ontology.vocab import CW, OA, PROV, RDF
from .textfragment import char_target


def has_full_selectors(triples: Iterable[Triple]) -> bool:
    """Whether a graph holds evidence in the older, full Web Annotation form."""
    return any(t.predicate == OA.hasSelector for t in triples)


def compact_evidence(triples: Iterable[Triple]) -> list[Triple]:
    """The same facts with every full target compact; a target whose selectors lack a source, offsets or a quote is
    kept as it was (nothing is dropped that cannot be said again). Quads are read as their triples."""
    triples = [Triple(t.subject, t.predicate, t.object) for t in triples]
    about: dict = defaultdict(dict)
    selectors: dict = defaultdict(list)
    for t in triples:
        if t.predicate == OA.hasSelector:
            selectors[t.subject].append(t.object)
        elif t.predicate in (OA.hasSource, OA.start, OA.end, OA.exact, CW.page):
            about[t.subject][t.predicate] = t.object
    replaced: dict = {}
    for target, chosen in selectors.items():
        facts = {p: o for s in chosen for p, o in about[s].items()}
        source = about[target].get(OA.hasSource)
        if isinstance(source, NamedNode) and {OA.start, OA.end, OA.exact} <= facts.keys():
            replaced[target] = (char_target(source, int(facts[OA.start].value), int(facts[OA.end].value)),
                                facts[OA.exact], facts.get(CW.page), {target, *chosen})
    gone = {n for *_, nodes in replaced.values() for n in nodes}
    mentions = {t.subject for t in triples if t.predicate == RDF.type and t.object == CW.Mention}  # (no quote kept)
    named_once = {t.subject for t in triples if t.predicate in (CW.inDocument, CW.attestedIn)}
    out: list[Triple] = []
    for t in triples:
        if t.subject in gone or (t.predicate == PROV.wasDerivedFrom and t.subject in named_once):
            continue
        if t.predicate == OA.hasTarget and t.object in replaced:
            iri, quote, page, _ = replaced[t.object]
            out.append(Triple(t.subject, OA.hasTarget, iri))
            if t.subject not in mentions:
                out.append(Triple(t.subject, CW.quote, Literal(quote.value)))
            if page is not None:
                out.append(Triple(t.subject, CW.page, page))
            continue
        out.append(t)
    return list(dict.fromkeys(out))
