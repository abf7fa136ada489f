"""`cwkg explain`'s output: the record's voice, then each sentence with the positions drawn from it, as text lines
or as one JSON document."""

from __future__ import annotations

import json
from dataclasses import asdict

from cwkg.explain import Explanation, Voice


def voice_lines(voice: Voice) -> list[str]:
    """The voice decision, printed before the sentences."""
    speaker = (f"{voice.default_speaker} (the record is its author's own statement)" if voice.default_speaker
               else "none (the record reports what others said; each sentence needs a cue or a turn)")
    lines = [f"author: {voice.author or 'not found'}" + (f" ({voice.author_why})" if voice.author_why else ""),
             f"addressee: {voice.addressee or 'not named'}",
             f"default speaker: {speaker}"]
    return lines + [f"turn [{t.start}-{t.end}] '{t.label}': {t.speaker}" for t in voice.turns]


def text_lines(doc_id: str, title: str, explained: Explanation, all_sentences: bool = False) -> list[str]:
    """The explanation as text; a sentence that gave no position only with `all_sentences`."""
    lines = [f"{doc_id}: {title}", *voice_lines(explained.voice)]
    for s in explained.sentences:
        if not s.positions and not all_sentences:
            continue
        lines.append(f"\n[{s.start}-{s.end}] {s.text}")
        if not s.positions:
            lines.append("    (no position: narration, procedure, or no speaker found)")
        for p in s.positions:
            via = f" via {p.reporter}" if p.reporter else ""
            words = f" '{p.verb}'" if p.verb else ""
            lines.append(f"    {p.speaker}{via}: {p.stance} ({p.why_stance}); rule {p.rule}{words}, confidence {p.confidence}")
            if p.about:
                lines.append(f"      about: {', '.join(p.about)}")
    return lines


def as_json(doc_id: str, title: str, explained: Explanation) -> str:
    return json.dumps({"document": doc_id, "title": title, "voice": asdict(explained.voice),
                       "sentences": [asdict(s) for s in explained.sentences]}, indent=2, ensure_ascii=False)
