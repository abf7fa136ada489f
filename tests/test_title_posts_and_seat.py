"""Posts a record's title states, and where a record was written when its dateline does not say."""

from datetime import date

from cwkg.extract.authority import default_authority
from cwkg.extract.extract import _gazetteer, extract
from cwkg.records.facts import PostFact
from cwkg.lang.kinds import document_kind
from cwkg.extract.posts import merge_posts
from cwkg.extract.seat import embassy_seat, post_seat
from cwkg.loaders.source import SourceDocument


def read(title: str, body: str, written=None):
    facts = extract(SourceDocument(doc_id="seat", source="test", format="test", title=title, body=body, date=written,
                                   kind=document_kind(title)))
    return facts, {p.ref: p.label for p in facts.persons}


def short(iri):
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if iri else None


def seat(text: str, title: bool):
    authority = default_authority()
    return short(embassy_seat(text, _gazetteer(authority).find(text, 1965), authority, title=title))


def test_a_post_the_title_states_goes_to_its_named_holder_with_the_title_as_its_source():
    facts, names = read("Memorandum of Conversation between Soviet Ambassador to Poland Pyotr Ivanov and Adam Nowak",
                        "[I] visited comrade Adam Nowak at the ministry. Adam Nowak said that the harvest was good.")
    assert [(names[p.holder], short(p.role), short(p.of), short(p.to), short(p.city), p.rule, p.span)
            for p in facts.posts] == [("Pyotr Ivanov", "AmbassadorRole", "soviet-union", "poland", "warsaw", "post-in-title", None)]


def test_the_titles_post_names_the_holder_the_body_leaves_unnamed():
    facts, names = read("Memorandum of Conversation between Soviet Ambassador to Poland Pyotr Ivanov and Adam Nowak",
                        "Adam Nowak received the ambassador of the USSR in Poland and said that the harvest was good.")
    assert ([names[p.holder] for p in facts.posts], [p.label for p in facts.persons if p.unnamed]) == (["Pyotr Ivanov"], [])


def test_a_state_in_the_possessive_is_the_state_an_envoy_represents():
    facts, names = read("Notes", "Pyotr Ivanov, Hungary's Ambassador to Poland, said that the harvest was good.")
    assert [(names[p.holder], short(p.of), short(p.to)) for p in facts.posts] == [("Pyotr Ivanov", "hungary", "poland")]


def test_a_title_sent_from_an_embassy_in_a_city_was_written_there():
    assert seat("Cryptogram No 1 from the Polish Embassy in Bucharest, the Ambassador's Meeting", title=True) == "bucharest"


def test_a_title_sent_from_an_embassy_in_a_state_was_written_in_its_capital():
    assert seat("Report, Embassy of Hungary in Poland to the Hungarian Foreign Ministry", title=True) == "warsaw"


def test_an_embassy_the_title_names_as_someone_elses_is_not_the_sender():
    assert seat("Conversation with the Counsellor of the Polish Embassy in Bucharest", title=True) is None


def test_a_letterhead_line_names_the_embassy_that_wrote_the_record():
    assert seat("Embassy of the USSR in Poland\nTop secret\n", title=False) == "warsaw"


def test_a_record_whose_dateline_names_no_place_was_written_at_its_authors_post():
    facts, names = read("Journal of Soviet Ambassador to Poland Pyotr Ivanov",
                        "12 May 1958\n\nI received Adam Nowak at his request. Nowak said that the harvest was good.")
    assert (names[facts.author], short(facts.written_at), short(facts.meetings[0].place)) == ("Pyotr Ivanov", "warsaw", "warsaw")


def test_an_author_with_posts_in_two_cities_gives_no_place():
    posts = [PostFact("a", "r", city="https://w3id.org/cwkg/id/place/warsaw"),
             PostFact("a", "r", city="https://w3id.org/cwkg/id/place/moscow")]
    assert post_seat("a", posts) is None


def test_merging_posts_keeps_an_office_known_only_by_its_title():
    merged = merge_posts([PostFact("a", None, "us", title="Attorney General"), PostFact("a", None, "us", title="Senator")])
    assert sorted(p.title for p in merged) == ["Attorney General", "Senator"]


def test_a_meeting_the_record_does_not_place_was_held_where_its_envoy_is_posted():
    facts, names = read("Memorandum of Conversation between Soviet Ambassador to Poland Pyotr Ivanov and Adam Nowak",
                        "14 May 1962\n\nThe Embassy gave a reception. Adam Nowak said that the harvest was good.")
    assert (short(facts.meetings[0].place), "place-of-envoys-post" in facts.meetings[0].rules) == ("warsaw", True)


def test_an_envoy_who_writes_from_a_foreign_capital_is_accredited_there():
    facts, names = read("Memorandum of Conversation with the Foreign Minister",
                        "Moscow, 5 April 1965\n\nOn 4 April I visited the Foreign Minister. He said that the talks would go on.\n\n"
                        "Ambassador of the GDR\nRolf Sieber", date(1965, 4, 5))
    assert [(names[p.holder], short(p.of), short(p.to), short(p.city)) for p in facts.posts if names.get(p.holder) == "Rolf Sieber"] == [
        ("Rolf Sieber", "east-germany", "soviet-union", "moscow")]
