"""The scores of `cwkg eval` as a terminal shows them: one row per measure, one column per file (or archive, or
the total); and a FRUS volume's scores against its own markup."""

from __future__ import annotations

FRUS_DISAGREEMENTS_SHOWN = 20  # marked spans the text does not bear out, listed under a volume's scores


def short_name(name: str) -> str:
    """A column's heading: the file name's last part; an archive's initials when its name is long."""
    if name.startswith("archive: "):  # "History and Public Policy Program Digital Archive": HPPPDA
        archive = name.removeprefix("archive: ")
        initials = "".join(w[0] for w in archive.split() if w[0].isupper())
        return archive if len(archive) <= 12 or len(initials) < 2 else initials
    return name.rsplit("-", 1)[-1]


def score_lines(reports: list) -> list[str]:
    """P/R/F1 for found items, accuracy for the rest; a heading cut short is spelt out above the table."""
    from cwkg.evaluate import Score

    short = [short_name(r.name) for r in reports]
    if len(set(short)) < len(short):
        short = [r.name for r in reports]
    heads = [h if len(h) <= 12 else h[:11] + "…" for h in short]
    rows = [("measure", heads)]
    for name in reports[0].measures():
        cells = [r.measures()[name] for r in reports]
        if isinstance(cells[0], Score):
            for label, attr in (("P", "precision"), ("R", "recall"), ("F1", "f1")):
                rows.append((f"{name} {label}", [f"{getattr(c, attr):.3f}" if c.tp + c.fp + c.fn else "-" for c in cells]))
        else:
            rows.append((f"{name} acc", [f"{c.value:.3f}" if c.total else "-" for c in cells]))
    width = max(8, max(len(h) for h in heads) + 2)
    lines = [f"{head}: {name}" for name, head in zip((r.name for r in reports), heads) if head != name]
    return lines + [f"{label:<22}" + "".join(f"{v:>{width}}" for v in values) for label, values in rows]


def frus_rows(r) -> list[dict[str, str]]:  # noqa: ANN001 - evaluate_frus.FrusReport
    """A volume's measures as table rows (measure, P, R, F1, tp/fp/fn)."""
    rows = [{"measure": name, "P": f"{s.precision:.3f}", "R": f"{s.recall:.3f}", "F1": f"{s.f1:.3f}", "tp/fp/fn": f"{s.tp}/{s.fp}/{s.fn}"}
            for name, s in (("person mentions", r.person_mentions), ("person mentions, checked", r.person_mentions_checked),
                            ("participants", r.participants))]
    return rows + [{"measure": name, "P": "", "R": "", "F1": f"{a.value:.3f}", "tp/fp/fn": f"{a.correct}/{a.total}"}
                   for name, a in (("dateline date", r.dateline_date), ("dateline place", r.dateline_place))]


def disagreement_lines(r) -> list[str]:  # noqa: ANN001 - evaluate_frus.FrusReport
    """The marked persons the text does not bear out: a count by reason, then the first few."""
    reasons = ", ".join(f"{reason}: {n}" for reason, n in r.by_reason().items())
    lines = [f"disagreements (marked persons the text does not bear out): {len(r.disagreements)}"
             + (f" ({reasons})" if reasons else "")]
    lines += [f"  {d.line()}" for d in r.disagreements[:FRUS_DISAGREEMENTS_SHOWN]]
    if len(r.disagreements) > FRUS_DISAGREEMENTS_SHOWN:
        lines.append(f"  ... and {len(r.disagreements) - FRUS_DISAGREEMENTS_SHOWN} more (--format json lists the first "
                     f"{FRUS_DISAGREEMENTS_SHOWN} too)")
    return lines
