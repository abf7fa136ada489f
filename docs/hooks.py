"""mkdocs hook: the site's ontology reference (`ontology.html`) made by pyLODE from the ontology at build time."""

from mkdocs.structure.files import File

from cwkg.reference import reference_html


def on_files(files, config):
    files.append(File.generated(config, "ontology.html", content=reference_html()))
    return files
