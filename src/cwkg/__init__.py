"""cwkg: a knowledge graph of Cold War diplomacy built from memoranda of conversation."""

__version__ = "0.1.0"
