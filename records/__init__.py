"""The typed records one stage hands the next (`cwkg.records`): extraction's facts, which the RDF mapping reads.

They sit below both extraction, which writes them, and the graph layer, which maps them, so neither imports the
other.
"""
