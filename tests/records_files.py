"""Builders for the record files the tests make: the example generator's minimal PDF writer and its Word writer
(`bench/make_examples.py`), loaded by path so the tests exercise the same code that rebuilds `examples/`."""

from __future__ import annotations

import importlib.util

from support import ROOT

_spec = importlib.util.spec_from_file_location("cwkg_make_examples", ROOT / "bench" / "make_examples.py")
make_examples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_examples)

write_pdf = make_examples.write_pdf
pdf_bytes = make_examples.pdf_bytes
write_docx = make_examples.write_docx
