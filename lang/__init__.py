"""Plain helpers over text and the words of names, dates and document titles, shared by loaders, extraction and the
graph layer (`cwkg.lang`).

A loader reads a heading's date and a title's document kind; extraction reads the same dates and kinds in the
body; the graph layer folds labels into lookup keys. Kept here, below all three and knowing nothing of formats or
RDF, the same reading serves each without an import running back from a loader into extraction or from the graph
layer into it. Each module is pure or reads only the data tables shipped in `cwkg.ontology`.
"""
