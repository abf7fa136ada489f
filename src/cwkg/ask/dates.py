"""Dates in a question: a day ("24 April 1968", "April 24, 1968"), a month ("in March 1974"), a year or a range
("between 1960 and 1965", "1960-1965"). The phrase is taken out of the question, so the rest reads without it."""

from __future__ import annotations

import calendar
import re
from datetime import date

from .model import DateWindow

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_M = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_Y = r"(?P<year>1[89]\d\d|20\d\d)"
_LEAD = r"(?:(?:,\s*)?\b(?:in|on|of|during|from|dated|since|by)\s+(?:the\s+)?)?"
_DAY_FIRST = re.compile(rf"{_LEAD}\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_M},?\s+{_Y}\b", re.I)
_MONTH_FIRST = re.compile(rf"{_LEAD}\b{_M}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_Y}\b", re.I)
_ISO = re.compile(rf"{_LEAD}\b{_Y}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b", re.I)
_MONTH_YEAR = re.compile(rf"{_LEAD}\b{_M},?\s+(?:of\s+)?{_Y}\b", re.I)
_RANGE = re.compile(r"(?:(?:,\s*)?\b(?:in|during|from|over)\s+(?:the\s+)?(?:years\s+)?)?\b(?:between\s+)?"
                    r"(?P<a>1[89]\d\d|20\d\d)\s*(?:-|–|to|and|until|\.\.)\s*(?P<b>1[89]\d\d|20\d\d)\b", re.I)
_YEAR = re.compile(rf"{_LEAD}\b{_Y}\b(?!-\d)", re.I)


def _month(name: str) -> int:
    return int(name) if name.isdigit() else _MONTHS[name.lower().rstrip(".")]


def _window(kind: str, m: re.Match[str]) -> DateWindow | None:
    try:
        if kind == "range":
            a, b = int(m["a"]), int(m["b"])
            return DateWindow(date(min(a, b), 1, 1), date(max(a, b), 12, 31), "range") if a != b else DateWindow(date(a, 1, 1), date(a, 12, 31), "year")
        year = int(m["year"])
        if kind == "day":
            day = date(year, _month(m["month"]), int(m["day"]))
            return DateWindow(day, day, "day")
        if kind == "month":
            month = _month(m["month"])
            return DateWindow(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")
        return DateWindow(date(year, 1, 1), date(year, 12, 31), "year")
    except ValueError:
        return None


def take_date(text: str) -> tuple[DateWindow | None, str]:
    """The first date phrase of the question, most precise form first, and the question without it."""
    for kind, pattern in (("day", _DAY_FIRST), ("day", _MONTH_FIRST), ("day", _ISO), ("month", _MONTH_YEAR),
                          ("range", _RANGE), ("year", _YEAR)):
        m = pattern.search(text)
        if m and (window := _window(kind, m)):
            rest = (text[:m.start()] + " " + text[m.end():]).strip()
            return window, re.sub(r"\s+", " ", re.sub(r"\s+([,?.])", r"\1", rest))
    return None, text
