"""The month calendar as a visitor's browser gets it, read back from the page's HTML.

The calendar is part of a cached fragment, so tests read the page, not the view's context.
"""

import datetime as dt
import html
import re
from dataclasses import dataclass

CELL = re.compile(r"<td class=\"(?P<classes>calendar__day[^\"]*)\"[^>]*>(?P<body>.*?)</td>", re.S)
DATE = re.compile(r"visually-hidden\">\w+ (\d{1,2})\.(\d{1,2})\.(\d{4})")
TITLE = re.compile(r"<li><a href=\"[^\"]*\">([^<]*)</a></li>")


@dataclass(frozen=True)
class Day:
    date: dt.date | None  # None for the days of the neighbouring months
    is_today: bool
    titles: list[str]

    @property
    def in_month(self):
        return self.date is not None


def calendar_weeks(response):
    """The calendar's weeks, each a list of seven days."""
    page = response.content.decode()
    body = page.split('<table class="calendar">', 1)[1].split("<tbody>", 1)[1]
    body = body.split("</tbody>", 1)[0]
    weeks = []
    for row in body.split("</tr>")[:-1]:
        days = []
        for cell in CELL.finditer(row):
            found = DATE.search(cell["body"])
            date = dt.date(int(found[3]), int(found[2]), int(found[1])) if found else None
            titles = [html.unescape(title) for title in TITLE.findall(cell["body"])]
            days.append(Day(date, "calendar__day--today" in cell["classes"], titles))
        weeks.append(days)
    return weeks


def calendar_days(response):
    return [day for week in calendar_weeks(response) for day in week]


def events_on(response, date):
    """Titles of the events the calendar shows on the given day."""
    for day in calendar_days(response):
        if day.date == date:
            return day.titles
    raise AssertionError(f"{date} is not in the calendar")


def days_showing(response, title):
    """The dates on which the calendar table shows the event."""
    return [day.date for day in calendar_days(response) if title in day.titles]
