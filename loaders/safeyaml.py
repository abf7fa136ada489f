"""YAML a user writes beside their records (Markdown front matter, a `NAME.meta.yaml` sidecar), read so that no file
can abuse the reader: PyYAML's safe loader without anchors and aliases (nested aliases expand without bound), nesting
at most `MAX_DEPTH` levels, no key given twice with different values, at most `MAX_BYTES`. Every refusal is one
ValueError whose message says what was wrong and where, in the words of the kind of file it came from."""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 8
MAX_BYTES = 64 * 1024


class _Refused(yaml.YAMLError):
    """YAML the loader refuses: its message is the whole reason."""


def _loader(what: str, first_line: int) -> type[yaml.SafeLoader]:
    class Loader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise _Refused(f"the {what} uses a YAML alias (*{event.anchor}) at line {event.start_mark.line + first_line}: "
                               f"{what} may not use anchors and aliases")
            self.depth += 1
            try:
                if self.depth > MAX_DEPTH:
                    raise _Refused(f"the {what} is nested more than {MAX_DEPTH} levels deep")
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def construct_mapping(self, node, deep=False):
            seen: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue  # a key that is a list or mapping: the constructor below refuses it
                key = self.construct_object(key_node, deep=True)
                value = self.construct_object(value_node, deep=True)
                if key in seen and seen[key] != value:
                    raise _Refused(f"the {what} gives '{key}' twice with different values")
                seen[key] = value
            return super().construct_mapping(node, deep=deep)

    return Loader


def load_mapping(block: str, what: str, first_line: int = 1) -> dict[Any, Any]:
    """The mapping a block of YAML holds ({} when it is empty); ValueError naming `what` ("front matter", "sidecar")
    and the line (counted from `first_line`, the file's line of the block's first) when it cannot be read."""
    if len(block.encode("utf-8")) > MAX_BYTES:
        raise ValueError(f"the {what} is larger than {MAX_BYTES // 1024} KB")
    try:
        data = yaml.load(block, Loader=_loader(what, first_line))  # noqa: S506 - a SafeLoader, bounded
    except _Refused as exc:
        raise ValueError(str(exc)) from None
    except yaml.MarkedYAMLError as exc:
        where = f" at line {exc.problem_mark.line + first_line}" if exc.problem_mark is not None else ""
        raise ValueError(f"cannot read the {what}: {exc.problem or exc.context}{where}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"cannot read the {what}: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise ValueError(f"the {what} is nested more than {MAX_DEPTH} levels deep") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"the {what} is not a mapping of keys to values")
    return data
