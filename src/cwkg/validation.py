"""`cwkg validate`'s checks and the report they give: the SHACL data rules and HermiT's consistency check over
the chosen graphs, as one dict (the JSON form) and as the lines a terminal shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

SHOWN_PER_RULE = 20  # violations listed under a rule in the table form; the rest are counted


@dataclass
class Checked:
    """The report (`shacl` and `reasoning` keys, as the JSON form has them); whether anything failed; and the
    errors that stopped a check (Java missing), for standard error."""

    report: dict = field(default_factory=dict)
    failed: bool = False
    errors: list[str] = field(default_factory=list)


def check(store, graphs, shacl: bool, reasoning: bool, progress: Callable[[str], None] = lambda line: None) -> Checked:  # noqa: ANN001
    """Run the checks asked for over `graphs` (None: all) of the embedded store."""
    from cwkg.graph.reason import JavaMissing, reason
    from cwkg.graph.validate import validate_store

    out = Checked()
    if shacl:
        progress(f"checking the SHACL data rules over {len(graphs) if graphs else 'all the'} graphs ...")
        violations = validate_store(store, graphs)
        out.report["shacl"] = {"conforms": not violations, "violations": [v.as_dict() for v in violations]}
        out.failed |= bool(violations)
    if reasoning:
        try:
            progress("checking OWL consistency with HermiT (Java) ...")
            result = reason(store, graphs)
            out.report["reasoning"] = result.as_dict()
            out.failed |= not result.consistent
        except JavaMissing as exc:
            out.errors.append(str(exc))
            out.report["reasoning"] = {"error": str(exc)}
            out.failed = True
    return out


def report_lines(report: dict) -> list[str]:
    """The report as a terminal shows it: violations grouped by rule, then the reasoner's verdict."""
    lines: list[str] = []
    if "shacl" in report:
        lines += _shacl_lines(report["shacl"])
    if "reasoning" in report:
        lines += _reasoning_lines(report["reasoning"])
    return lines


def _shacl_lines(shacl: dict) -> list[str]:
    if shacl["conforms"]:
        return ["SHACL: the graph conforms to every data rule."]
    lines = [f"SHACL: {len(shacl['violations'])} violations"]
    by_rule: dict[str, list[dict]] = {}
    for v in shacl["violations"]:
        by_rule.setdefault(v["rule"], []).append(v)
    for rule, items in by_rule.items():
        lines.append(f"  {rule} ({len(items)}){' [blocking]' if items[0]['blocking'] else ''}")
        lines += [f"    - {v['label'] or v['focus']}  ({v['document'] or 'no document'})" for v in items[:SHOWN_PER_RULE]]
        if len(items) > SHOWN_PER_RULE:
            lines.append(f"    ... and {len(items) - SHOWN_PER_RULE} more")
    return lines


def _reasoning_lines(r: dict) -> list[str]:
    if "error" in r:
        return [f"Reasoning: not run ({r['error']})"]
    if r["consistent"]:
        return [f"Reasoning: HermiT finds the graph consistent; {r['inferred']} facts inferred into the "
                f"inferred graph ({r['documents']} documents in {r['batches']} batches, {r['seconds']} s)."]
    return ["Reasoning: HermiT finds the graph INCONSISTENT:", *(f"  - {e}" for e in r["explanations"])]
