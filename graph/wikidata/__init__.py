"""Wikidata: the client that asks it, the queries it is asked, linking our entities to its items and
bringing its facts about them into the store."""
