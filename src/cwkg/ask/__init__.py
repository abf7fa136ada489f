"""`cwkg ask`: a historian's question in plain words read into a kind with typed slots (`reader`), its names
resolved through the store (`names`), answered by canned queries (`answer`, `running`) and printed (`render`).
A question it cannot read, or a name it cannot pin down, is refused (`model.Refusal`)."""

from __future__ import annotations

from .answer import answer
from .model import Answer, Refusal
from .reader import read
from .running import Runner

__all__ = ["Answer", "Refusal", "ask", "read"]


def ask(store, question: str) -> Answer:
    """The answer to one question from the store (embedded or remote)."""
    return answer(Runner(store), question, read(question))
