"""Dates as the store keeps them: an ISO date of any precision as its first and last day.

A module of its own so that the query layer and the story matcher read the same rule as
ingest without importing ingest (which imports them)."""

from __future__ import annotations

import datetime as dt

import regex

_DATE = regex.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_range(value: str | None) -> tuple[str, str] | None:
    """The first and last day an ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) means."""
    if not value or not _DATE.match(value):
        return None
    try:
        if len(value) == 4:
            return f"{value}-01-01", f"{value}-12-31"
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            first = dt.date(y, m, 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) \
                - dt.timedelta(days=1)
            return first.isoformat(), last.isoformat()
        dt.date.fromisoformat(value)
        return value, value
    except ValueError:
        return None


def shift_day(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()
