"""The ontology's browsable HTML reference, made with pyLODE (the package's docs extra)."""

from __future__ import annotations

import logging
from pathlib import Path

from cwkg.errors import CwkgError


def write_reference(out: Path) -> int:
    """Write the reference to `out` (through `safewrite`); its length in characters."""
    from cwkg import ontology

    try:
        from pylode import OntPub
    except ImportError:
        raise CwkgError("pyLODE is not installed: pip install 'cwkg[docs]'") from None
    from cwkg.safewrite import write_bytes

    logging.disable(logging.INFO)  # pyLODE and rdflib log INFO and DEBUG lines that mean nothing to the user
    try:
        html = OntPub(ontology=str(ontology.ontology_file())).make_html()
    finally:
        logging.disable(logging.NOTSET)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(out, html.encode("utf-8"))
    return len(html)
