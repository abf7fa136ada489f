"""English verb inflection, both ways: the forms a lemma is written in, and the lemmas a written form may have.

Reporting words are listed once, by lemma (`lexicon/reporting.tsv`); records write them in the
past ("stated"), the present ("states"), as participles ("it was stated") and as phrases
("pointed out", "expressed the hope"). Only the first word of a phrase inflects.
"""

from __future__ import annotations

from dataclasses import dataclass

# Irregular past and past participle (Quirk et al. 1985, Appendix I: the irregular verbs).
_IRREGULAR = {
    "say": ("said", "said"), "tell": ("told", "told"), "think": ("thought", "thought"), "feel": ("felt", "felt"),
    "hold": ("held", "held"), "make": ("made", "made"), "take": ("took", "taken"), "put": ("put", "put"),
    "understand": ("understood", "understood"), "speak": ("spoke", "spoken"), "write": ("wrote", "written"),
    "read": ("read", "read"), "set": ("set", "set"), "go": ("went", "gone"), "give": ("gave", "given"),
    "bring": ("brought", "brought"), "see": ("saw", "seen"), "know": ("knew", "known"), "mean": ("meant", "meant"),
    "withhold": ("withheld", "withheld"), "forbid": ("forbade", "forbidden"), "foresee": ("foresaw", "foreseen"),
}
# Verbs stressed on a final short syllable double its consonant before -ed ("regretted", "submitted").
_DOUBLING = frozenset({"admit", "commit", "submit", "permit", "omit", "regret", "concur", "refer", "prefer", "confer",
                       "infer", "defer", "rebut", "compel", "expel", "dispel", "occur", "abhor", "deter", "allot", "equip"})
_FROM_IRREGULAR = {form: lemma for lemma, forms in _IRREGULAR.items() for form in forms if form != lemma}


@dataclass(frozen=True)
class Forms:
    base: str
    third: str  # "states"
    past: str  # "stated"
    participle: str  # "stated", "taken"


def _third(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        return word + "es"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _past(word: str) -> str:
    if word.endswith("e"):
        return word + "d"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ied"
    if word in _DOUBLING:
        return word + word[-1] + "ed"
    return word + "ed"


def forms(lemma: str) -> Forms:
    """The written forms of a verb lemma or verb phrase ("point out" -> "pointed out")."""
    first, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    past, participle = _IRREGULAR.get(first, (_past(first), _past(first)))
    return Forms(lemma, _third(first) + tail, past + tail, participle + tail)


def plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun  # "words"
    if len(noun) > 2 and noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


def verb_lemmas(verb: str) -> list[str]:
    """Candidate lemmas of an inflected English verb (or a noun's singular), with any words after it
    ("pointed out" -> "point out")."""
    first, _, rest = verb.lower().strip().partition(" ")
    found = [first, _FROM_IRREGULAR.get(first, first)]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("d", "")):
        if first.endswith(suffix) and len(first) > len(suffix) + 2:
            stem = first[: -len(suffix)] + repl
            found.append(stem)
            if repl == "" and len(stem) > 3 and stem[-1] == stem[-2]:
                found.append(stem[:-1])  # "regretted" -> "regret"
    out = []
    for f in dict.fromkeys(found):
        out += [f"{f} {rest}", f] if rest else [f]
    return out
