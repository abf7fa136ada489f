"""Dates as archival documents write them: "2 April 1962", "April 02, 1962", "On 30 March", "the 2nd of
April 1962", "2.IV.1962" and numeric "2/4/1962" or "2.4.1962", read day first unless the document's
convention is month first (an American record); and, from the day a record was written, "yesterday", "last
night" and "the 25th of this month"."""

from __future__ import annotations

import re
from datetime import date

from .spans import Taken
from .text import paragraphs

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"

DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
ISO = re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
ROMAN_MONTHS = {r: i + 1 for i, r in enumerate(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])}
ROMAN = re.compile(r"\b(?P<day>[0-3]?\d)\.\s?(?P<month>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?(?P<year>1[89]\d\d|20\d\d)\b")
NUMERIC = re.compile(r"(?<![\d./])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep)(?P<year>1[89]\d\d|20\d\d)(?![\d./]|\.\d)")
DAY_OF_MONTH = re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:day\s+)?of\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)
DAY_OF_MONTH_PARTIAL = re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:day\s+)?of\s+{_MONTH}(?!\w)(?!,?\s+1[89]\d\d)", re.IGNORECASE)
DAY_MONTH = re.compile(rf"\b{_DAY}\s+{_MONTH}(?!\w)(?!,?\s+1[89]\d\d)", re.IGNORECASE)
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+1[89]\d\d)", re.IGNORECASE)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def _numeric(m: re.Match[str], day_first: bool) -> date | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if a > 12 or (day_first and b <= 12):
        return _make(year, b, a)
    return _make(year, a, b) if a <= 12 and b > 12 or not day_first else None


def find_full_dates(text: str, day_first: bool = True) -> list[tuple[int, int, date]]:
    """Every complete date in the text as (start, end, date), in text order."""
    found: list[tuple[int, int, date]] = []
    taken = Taken(size=len(text))  # the characters of the dates found: looked up, not read whole for each match

    def add(m: re.Match[str], d: date | None) -> None:
        if d and not taken.covers(m.start()):
            found.append((m.start(), m.end(), d))
            taken.add(m.start(), m.end())

    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, DAY_OF_MONTH, ISO):
        for m in pattern.finditer(text):
            add(m, _make(int(m["year"]), _month(m["month"]), int(m["day"])))
    for m in ROMAN.finditer(text):
        add(m, _make(int(m["year"]), ROMAN_MONTHS[m["month"]], int(m["day"])))
    for m in NUMERIC.finditer(text):
        add(m, _numeric(m, day_first))
    return sorted(found)


def parse_date(text: str, day_first: bool = True) -> date | None:
    """The first complete date in the text."""
    found = find_full_dates(text, day_first)
    return found[0][2] if found else None


def find_partial_dates(text: str, anchor: date) -> list[tuple[int, int, date]]:
    """Day-and-month dates ("On 30 March") resolved to the year of the anchor date.

    A memorandum is written shortly after the meeting, so a day-month later in the
    calendar than the document date belongs to the previous year.
    """
    found: list[tuple[int, int, date]] = []
    taken = Taken(size=len(text))  # the characters of the dates found: looked up, not read whole for each match
    for pattern in (DAY_OF_MONTH_PARTIAL, DAY_MONTH, MONTH_DAY):
        for m in pattern.finditer(text):
            if taken.covers(m.start()):
                continue
            month, day = _month(m["month"]), int(m["day"])
            d = _make(anchor.year, month, day)
            if d and d > anchor:
                d = _make(anchor.year - 1, month, day)
            if d:
                found.append((m.start(), m.end(), d))
                taken.add(m.start(), m.end())
    return sorted(found)


def find_dates(text: str, anchor: date | None, day_first: bool = True) -> list[tuple[int, int, date]]:
    """Complete dates, plus partial ones when an anchor date resolves them."""
    full = find_full_dates(text, day_first)
    if anchor is None:
        return full
    within = Taken(((s, e) for s, e, _ in full), len(text))
    partial = [p for p in find_partial_dates(text, anchor) if not within.covers(p[0])]
    within = Taken(((s, e) for s, e, _ in full + partial), len(text))
    relative = [r for r in find_relative_dates(text, anchor) if not within.covers(r[0])]
    return sorted(full + partial + relative)


# Days named from the day a record was written: "yesterday", "last night", "the day before yesterday".
_DAYS_AGO = {"today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0, "yesterday": -1,
             "last night": -1, "last evening": -1, "the day before yesterday": -2, "tomorrow": 1}
_DEICTIC = re.compile(r"\b(?:" + "|".join(sorted((re.escape(k) for k in _DAYS_AGO), key=len, reverse=True)) + r")\b", re.I)
# A day of the month the record is written in: "the 25th of this month", "27th this month", "the 3rd inst.", "on the 25th,".
_MONTH_DAY_ONLY = re.compile(
    r"\b(?:(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+(?:of\s+)?(?:this|the\s+current)\s+month\b|"
    r"(?:the\s+)?(?P<inst>[0-3]?\d)(?:st|nd|rd|th)\s+inst(?:ant)?\b\.?|"
    r"\bon\s+the\s+(?P<bare>[0-3]?\d)(?:st|nd|rd|th)(?=\s*[,;:.)]|\s+(?:he|she|they|we|I|in|at)\b))", re.I)


def find_relative_dates(text: str, anchor: date) -> list[tuple[int, int, date]]:
    """Days the text names from the day it was written (`anchor`): "yesterday", "last night", "the 25th of this
    month" (a bare "on the 25th" later than the anchor's day is of the month before)."""
    found = []
    for m in _DEICTIC.finditer(text):
        found.append((m.start(), m.end(), date.fromordinal(anchor.toordinal() + _DAYS_AGO[m.group(0).lower()])))
    for m in _MONTH_DAY_ONLY.finditer(text):
        day = int(m["day"] or m["inst"] or m["bare"])
        d = _make(anchor.year, anchor.month, day)
        if d and m["bare"] and d > anchor:
            d = _make(anchor.year - (anchor.month == 1), anchor.month - 1 or 12, day)
        if d:
            found.append((m.start(), m.end(), d))
    return sorted(found)


def date_lines(body: str) -> list[tuple[int, date]]:
    """Paragraphs that are only a date (a journal's entries: "12 May 1958"), by where they start."""
    out = []
    for p in paragraphs(body):
        if len(p.text.split()) <= 6:
            found = find_full_dates(p.text)
            if found:
                out.append((p.start, found[0][2]))
    return out


_PERIOD_MONTH = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True) if len(m) > 3)


def _point(n: int) -> str:
    return rf"(?:(?P<m{n}>{_PERIOD_MONTH})\.?\s+(?:(?P<d{n}>[0-3]?\d),?\s+)?)?(?P<y{n}>1[89]\d\d)"


_TRAILING_PERIOD = re.compile(
    rf"(?:,\s*|\s+)(?:(?P<prep>from|to|until|till|through|after|since|as of)\s+)?{_point(1)}"
    rf"(?:\s*(?:[–-]|\b(?:to|until|till|through)\b)\s*{_point(2)})?\s*\.?$")


def trailing_period(text: str) -> tuple[str | None, str | None, str]:
    """Start, end (ISO dates of the precision written) and the rest of a description ending in its period:
    "... from August 1966", "... to December 1964", "..., 1964–1967", "..., September 1, 1965–December 6, 1968"."""
    m = _TRAILING_PERIOD.search(text)
    if not m:
        return None, None, text

    def iso(n: int) -> str | None:
        year, month, day = m[f"y{n}"], m[f"m{n}"], m[f"d{n}"]
        if not year:
            return None
        if not month:
            return year
        return f"{year}-{MONTHS[month.lower()]:02d}" + (f"-{int(day):02d}" if day else "")

    rest = text[:m.start()]
    if m["y2"]:
        return iso(1), iso(2), rest
    if m["prep"] in ("from", "after", "since", "as of"):
        return iso(1), None, rest
    if m["prep"] in ("to", "until", "till", "through"):
        return None, iso(1), rest
    return iso(1), iso(1), rest
