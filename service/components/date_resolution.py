"""Date expressions resolved against an anchor date (the publication date, or a date
the text states), with the verb's tense deciding between the last and the next
occurrence; `granularity` says how precise the ISO value is.
"""
from __future__ import annotations

from datetime import date, timedelta

from service.components.date_grammar import DateExpression, valid

# -- resolution ---------------------------------------------------------------------


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The `weekday` on or before the anchor (direction <= 0) or on or after it."""
    if direction > 0:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


_GRANULARITY = {"date": "day", "day_of_month": "day", "month": "month", "year": "year", "year_span": "year",
               "decade": "decade", "weekday": "day"}


def granularity(expr: DateExpression) -> str:
    if expr.kind in ("relative", "ago"):
        return "week" if expr.unit == "weekend" else expr.unit
    if expr.kind == "weekday" and expr.unit == "week":
        return "day"
    return _GRANULARITY[expr.kind]


def resolve(expr: DateExpression, anchor: date | None, tense: int | None,
            context_year: int | None) -> str | None:
    """The ISO 8601 value of `expr`, or None when the text and anchor do not fix it.

    anchor: the document date; tense: -1 past, +1 future/present, None unknown (taken
    as past: news reports what happened); context_year: the year a nearby explicit date
    in the article fixes, used for month/day expressions when there is no anchor.
    """
    try:
        return _resolve(expr, anchor, tense, context_year)
    except (ValueError, OverflowError):
        return None


# How far (in months) a month without a year may lie on the wrong side of the anchor
# before the verb's tense moves it to the neighbouring year: "ulipanda Desemba" in a
# January article is last December, but "iliahirisha hadi Julai" in June is this July.
_TENSE_YEAR_SHIFT_MONTHS = 3


def _year_of(expr: DateExpression, anchor: date | None, context_year: int | None,
             tense: int | None = None) -> int | None:
    if expr.offset is not None and expr.kind in ("date", "month"):
        return anchor.year + expr.offset if anchor else None
    if expr.year is not None:
        return expr.year
    if expr.kind == "month" and expr.direction and anchor:
        if expr.direction < 0:
            return anchor.year if expr.month < anchor.month else anchor.year - 1
        return anchor.year if expr.month > anchor.month else anchor.year + 1
    if anchor:
        months_ahead = expr.month - anchor.month
        if tense == -1 and months_ahead > _TENSE_YEAR_SHIFT_MONTHS:
            return anchor.year - 1
        if tense == 1 and -months_ahead > _TENSE_YEAR_SHIFT_MONTHS:
            return anchor.year + 1
        return anchor.year
    return context_year


def _day_of_month(expr: DateExpression, anchor: date | None, tense: int | None) -> str | None:
    """The day in the anchor's month, or in the month `offset` away; without an offset a
    past verb with a day still ahead means last month, a future verb with a day gone by
    next month."""
    if anchor is None:
        return None
    offset = expr.offset
    if offset is None:
        offset = 0
        if tense == -1 and expr.day > anchor.day:
            offset = -1
        elif tense == 1 and expr.day < anchor.day:
            offset = 1
    year, month = _shift_month(anchor.year, anchor.month, offset)
    return date(year, month, expr.day).isoformat()


def _year_with_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """Of `year` and its neighbours, the one where the day falls on the named weekday
    ("Jumapili Januari 3" after a November 2020 date is 2021); `year` if none does."""
    for candidate in (year, year + 1, year - 1):
        if valid(candidate, month, day) and date(candidate, month, day).weekday() == weekday:
            return candidate
    return year


def _resolve(expr, anchor, tense, context_year):
    kind = expr.kind
    if kind == "date":
        if expr.direction is not None and anchor and expr.year is None:
            # "leo Machi 2": the relative word fixes the year.
            return (anchor + timedelta(days=expr.direction)).isoformat()
        year = _year_of(expr, anchor, context_year, tense)
        if year is None:
            return None
        if expr.weekday is not None and not expr.has_explicit_year:
            year = _year_with_weekday(year, expr.month, expr.day, expr.weekday)
        return date(year, expr.month, expr.day).isoformat()
    if kind == "day_of_month":
        return _day_of_month(expr, anchor, tense)
    if kind == "month":
        year = _year_of(expr, anchor, context_year, tense)
        return f"{year:04d}-{expr.month:02d}" if year else None
    if kind == "year":
        return f"{expr.year:04d}"
    if kind == "year_span":
        return f"{expr.year:04d}/{expr.year_end:04d}"
    if kind == "decade":
        return expr.decade
    if anchor is None:
        return None
    if kind == "weekday":
        if expr.unit == "week":
            week_start = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=expr.offset)
            return (week_start + timedelta(days=expr.weekday)).isoformat()
        direction = expr.direction if expr.direction is not None else (tense or -1)
        if expr.direction and expr.direction < 0:
            # "Jumanne iliyopita": strictly before the anchor.
            return _weekday_near(anchor - timedelta(days=1), expr.weekday, -1).isoformat()
        if expr.direction and expr.direction > 0:
            return _weekday_near(anchor + timedelta(days=1), expr.weekday, 1).isoformat()
        return _weekday_near(anchor, expr.weekday, direction).isoformat()
    if kind in ("relative", "ago"):
        unit, offset = expr.unit, expr.offset
        if unit == "day":
            return (anchor + timedelta(days=offset)).isoformat()
        if unit == "week":
            return iso_week(anchor + timedelta(weeks=offset))
        if unit == "weekend":
            saturday = _weekday_near(anchor, 5, tense or -1) + timedelta(weeks=offset)
            return iso_week(saturday)
        if unit == "month":
            year, month = _shift_month(anchor.year, anchor.month, offset)
            return f"{year:04d}-{month:02d}"
        if unit == "year":
            year = anchor.year + offset
            return f"{year:04d}" if year > 0 else None
    return None
