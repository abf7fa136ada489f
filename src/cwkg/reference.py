"""The ontology's browsable HTML reference, made with pyLODE (the package's docs extra).

Made from the ontology file whenever it is wanted (`cwkg docs`, and the docs site's build through
`docs/hooks.py`), never kept beside it, so no reference describes an older ontology than the code's.
"""

from __future__ import annotations

import logging
from pathlib import Path

from cwkg.errors import CwkgError


def reference_html() -> str:
    """The reference of the ontology shipped with cwkg, as one HTML page."""
    from cwkg import ontology

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    logging.disable(logging.INFO)  # pyLODE and rdflib log INFO and DEBUG lines that mean nothing to the user
    try:
        try:
            from pylode import OntPub
        except ImportError:
            raise CwkgError("pyLODE is not installed: pip install 'cwkg[docs]'") from None
        return OntPub(ontology=str(ontology.ontology_file())).make_html()
    finally:
        logging.disable(logging.NOTSET)
        root.setLevel(level)  # pyLODE sets the root logger to DEBUG when imported: the caller's logging is its own
        root.handlers[:] = handlers


def write_reference(out: Path) -> int:
    """Write the reference to `out` (through `safewrite`); its length in characters."""
    from cwkg.safewrite import write_bytes

    html = reference_html()
    out.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(out, html.encode("utf-8"))
    return len(html)
