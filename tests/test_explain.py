"""`cwkg explain` shows how extraction read a record: its voice, its turns, each sentence's positions."""

from __future__ import annotations

from datetime import date

from cwkg.explain import Turn, explain
from cwkg.loaders.source import SourceDocument


def _doc(body: str, title: str) -> SourceDocument:
    return SourceDocument(doc_id="x", source="test", format="test", title=title, body=body, date=date(1962, 5, 2))


def test_the_voice_lists_each_speaker_turn_with_its_label_and_holder():
    body = ("Notes of the talks\n\nMoscow, 2 May 1962\n\nPresent: Leonid Brezhnev, Andrei Gromyko.\n\n"
            "BREZHNEV. Albania must be helped now.\n\nGROMYKO. Albania should not be isolated.")
    voice = explain(_doc(body, "Notes of the talks")).voice
    first, second = body.index("BREZHNEV. ") + len("BREZHNEV. "), body.index("GROMYKO. ") + len("GROMYKO. ")
    assert voice.turns == (Turn("BREZHNEV", first, body.index("GROMYKO"), "Leonid Brezhnev"),
                           Turn("GROMYKO", second, len(body), "Andrei Gromyko"))


def test_the_voice_of_a_letter_names_its_author_addressee_and_default_speaker():
    body = "Letter from Pyotr Ivanov to Kim Il Sung\n\nMoscow, 2 May 1962\n\nDear Comrade Kim Il Sung,\n\nAlbania must be helped.\n\nPyotr Ivanov"
    voice = explain(_doc(body, "Letter from Pyotr Ivanov to Kim Il Sung")).voice
    assert (voice.addressee, voice.default_speaker) == ("Kim Il Sung", voice.author)
