"""The language of the records: from a SourceDocument to the facts it states (cwkg.extract).

Loaders know formats, this package knows English: segmentation, mentions, persons, posts,
meetings, attribution of speech and stated positions, plus the parsing model trained on
UD English-EWT (`model/`).
"""
