"""iCalendar (RFC 5545) feeds of events, for subscribing in Outlook, Google Calendar and the like.

Clock times are Helsinki local time, written with ``TZID=Europe/Helsinki`` and a VTIMEZONE,
so a subscriber abroad or across a change of daylight saving time sees the right instant.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.utils.translation import gettext as _

from events.models import Event

HELSINKI = ZoneInfo("Europe/Helsinki")
PRODID = "-//ELO-portaali//Tapahtumakalenteri//FI"

#: A timed event without an end time is shown as lasting this long.
DEFAULT_DURATION = dt.timedelta(hours=1)
#: Half days have no clock times in the data; calendars get these conventional ones.
HALF_DAY_HOURS = {
    Event.DayPart.MORNING: (dt.time(8), dt.time(12)),
    Event.DayPart.AFTERNOON: (dt.time(12), dt.time(16)),
}

Moment = dt.date | dt.datetime


def event_uid(event: Event, domain: str) -> str:
    """Return the event's UID: its primary key and a fixed domain, so edits keep it."""
    return f"event-{event.pk}@{domain}"


def event_span(event: Event) -> tuple[Moment, Moment]:
    """Return DTSTART and DTEND of the event.

    Timed events and half days give Helsinki datetimes from the first day's start to the
    last day's end (a timed event without an end time lasts an hour). All-day events and
    those without a time give dates, the end exclusive as RFC 5545 has it: the day after.
    """
    if event.day_part == Event.DayPart.TIMED and event.start_time is not None:
        start = dt.datetime.combine(event.starts_on, event.start_time, HELSINKI)
        if event.end_time is not None:
            return start, dt.datetime.combine(event.ends_on, event.end_time, HELSINKI)
        last_start = dt.datetime.combine(event.ends_on, event.start_time, HELSINKI)
        return start, last_start + DEFAULT_DURATION
    if event.day_part in HALF_DAY_HOURS:
        first_hour, last_hour = HALF_DAY_HOURS[Event.DayPart(event.day_part)]
        return (
            dt.datetime.combine(event.starts_on, first_hour, HELSINKI),
            dt.datetime.combine(event.ends_on, last_hour, HELSINKI),
        )
    return event.starts_on, event.ends_on + dt.timedelta(days=1)


def event_location(event: Event) -> str:
    """Return the place, or a note that the event is online when it has no place."""
    if event.place:
        return event.place
    if event.channel == Event.Channel.ONLINE:
        return _("Teams/online")
    return ""


def event_description(event: Event, url: str) -> str:
    """Return the event's description with what a calendar shows nowhere else.

    Half days say so, as their clock times are only a convention; then the organisers
    (prefetched), the online link and the event's page, as many clients ignore URL.
    """
    paragraphs = []
    if event.day_part == Event.DayPart.MORNING:
        paragraphs.append(_("Half day, in the morning (no exact time given)."))
    elif event.day_part == Event.DayPart.AFTERNOON:
        paragraphs.append(_("Half day, in the afternoon (no exact time given)."))
    if event.description:
        paragraphs.append(event.description)
    organisers = ", ".join(organisation.name for organisation in event.organisers.all())
    if organisers:
        paragraphs.append(_("Organisers: %(organisers)s") % {"organisers": organisers})
    if event.online_url:
        paragraphs.append(_("Online link: %(url)s") % {"url": event.online_url})
    paragraphs.append(_("More information: %(url)s") % {"url": url})
    return "\n\n".join(paragraphs)


def build_event(event: Event, *, uid_domain: str, url: str, stamp: dt.datetime) -> icalendar.Event:
    """Return the VEVENT of one event; ``url`` is the absolute address of its page."""
    start, end = event_span(event)
    component = icalendar.Event()
    component.add("uid", event_uid(event, uid_domain))
    component.add("dtstamp", stamp)
    component.add("sequence", 0)
    component.add("summary", event.title)
    component.add("description", event_description(event, url))
    location = event_location(event)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("categories", [str(event.get_kind_display())])
    component.add("dtstart", start)
    component.add("dtend", end)
    return component


def build_calendar(
    events: Iterable[Event],
    *,
    name: str,
    uid_domain: str,
    event_url: Callable[[Event], str],
    stamp: dt.datetime,
) -> icalendar.Calendar:
    """Return a published calendar of the events, with the VTIMEZONE its times need.

    ``event_url`` gives an event's absolute page address; ``stamp`` (UTC) is the DTSTAMP
    of every event. The VTIMEZONE covers only the years of the events, which keeps it short.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.calendar_name = name  # NAME (RFC 7986) and X-WR-CALNAME, for older clients
    calendar.add("x-wr-timezone", "Europe/Helsinki")
    rows = list(events)
    for event in rows:
        calendar.add_component(
            build_event(event, uid_domain=uid_domain, url=event_url(event), stamp=stamp)
        )
    if rows:
        first_year = min(event.starts_on for event in rows).year
        last_year = max(event.ends_on for event in rows).year
        calendar.add_missing_timezones(
            first_date=dt.date(first_year - 1, 1, 1), last_date=dt.date(last_year + 2, 1, 1)
        )
    return calendar
