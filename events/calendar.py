"""A month of events laid out as weeks, Monday first, for the month view's calendar table."""

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from events.models import Event

#: The months the calendar shows: enough for the network's history and plans, and it keeps
#: the previous and next links within what ``datetime.date`` can hold.
FIRST_YEAR = 1900
LAST_YEAR = 2100


@dataclass(frozen=True)
class CalendarDay:
    date: dt.date
    in_month: bool
    is_today: bool
    events: tuple[Event, ...]


@dataclass(frozen=True)
class CalendarWeek:
    number: int
    days: tuple[CalendarDay, ...]


@dataclass(frozen=True)
class MonthCalendar:
    """A month's weeks and the months before and after it (None beyond the shown years)."""

    first_day: dt.date
    last_day: dt.date
    weeks: tuple[CalendarWeek, ...]
    previous_month: dt.date | None
    next_month: dt.date | None


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """Return the month's first and last day; ValueError for a month the calendar lacks."""
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        raise ValueError(f"No calendar for {year}-{month}.")
    first = dt.date(year, month, 1)
    return first, first.replace(day=calendar.monthrange(year, month)[1])


def build_month(year: int, month: int, events: Iterable[Event], today: dt.date) -> MonthCalendar:
    """Lay the events out on the days of the month they cover.

    A multi-day event appears on every one of its days within the month. Days of the
    neighbouring months that fill the first and last week carry no events.
    """
    first, last = month_bounds(year, month)
    by_day: defaultdict[dt.date, list[Event]] = defaultdict(list)
    for event in events:
        day = max(event.starts_on, first)
        while day <= min(event.ends_on, last):
            by_day[day].append(event)
            day += dt.timedelta(days=1)

    weeks = tuple(
        CalendarWeek(
            number=dates[0].isocalendar().week,
            days=tuple(
                CalendarDay(
                    date=date,
                    in_month=date.month == month,
                    is_today=date == today,
                    events=tuple(by_day.get(date, ())),
                )
                for date in dates
            ),
        )
        for dates in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    )
    previous_month = (first - dt.timedelta(days=1)).replace(day=1)
    next_month = last + dt.timedelta(days=1)
    return MonthCalendar(
        first_day=first,
        last_day=last,
        weeks=weeks,
        previous_month=previous_month if previous_month.year >= FIRST_YEAR else None,
        next_month=next_month if next_month.year <= LAST_YEAR else None,
    )
