"""Pipeline components with contracts: the layers each reads, adds and revises, checked when a pipeline is built.

As spaCy's components declare what they `assigns` and `requires`, each of cwkg's extraction components says which
layers of the annotated document it reads, which new ones it adds and which earlier ones it revises. A pipeline is
built only if every layer a component reads is a base layer or one an earlier component added, no layer is added
twice, and a layer is revised only after it was added; so the order can be read (and checked) from the declarations,
and a revision of another component's layer is stated, never silent. A component may be left out (`without`): its
layers keep their empty values, and the components after it read them so; those every other component stands on
(the text's parts, its entities) are marked required and cannot be.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class PipelineError(ValueError):
    """A pipeline whose components' declarations do not fit together, or a component name that is not one of them."""


@dataclass(frozen=True)
class Component(Generic[T]):
    name: str
    run: Callable[[T], None]
    reads: frozenset[str]
    adds: frozenset[str]
    revises: frozenset[str] = frozenset()
    doc: str = ""
    required: bool = False  # the layers every later component stands on (the text's parts, its entities)

    @property
    def writes(self) -> frozenset[str]:
        return self.adds | self.revises


def component(name: str, run: Callable[[T], None], reads: Iterable[str], adds: Iterable[str],
              revises: Iterable[str] = (), required: bool = False) -> Component[T]:
    summary = (run.__doc__ or "").strip().split("\n\n")[0]
    return Component(name, run, frozenset(reads), frozenset(adds), frozenset(revises), " ".join(summary.split()), required)


def check(components: Sequence[Component], base: Iterable[str]) -> None:
    """Raise PipelineError unless every component reads and revises only what is there before it, and each layer is
    added once."""
    present = set(base)
    for c in components:
        if missing := sorted(c.reads - present):
            raise PipelineError(f"component '{c.name}' reads {', '.join(missing)}, which no component before it adds")
        if twice := sorted(c.adds & present):
            raise PipelineError(f"component '{c.name}' adds {', '.join(twice)}, which is there already (declare it revised)")
        if early := sorted(c.revises - present):
            raise PipelineError(f"component '{c.name}' revises {', '.join(early)} before any component adds it")
        present |= c.adds


def without(components: Sequence[Component], names: Iterable[str]) -> list[Component]:
    """The components but those named; an unknown name is an error that lists the known ones."""
    names = list(names)
    known = [c.name for c in components]
    if unknown := [n for n in names if n not in known]:
        raise PipelineError(f"no component {', '.join(repr(n) for n in unknown)}; the components are {', '.join(known)}")
    if required := [c.name for c in components if c.name in names and c.required]:
        raise PipelineError(f"component {', '.join(repr(n) for n in required)} cannot be left out: the others read its layers")
    return [c for c in components if c.name not in names]
