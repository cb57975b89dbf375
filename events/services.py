"""What changes events: logging, editing, copying and deleting them, and their materials.

Views check who may act (``portal.rules``); the services check what the event's review
state allows, save in one transaction and raise ``EventError`` with a message for the user.
Submitting, accepting and returning are the shared ``portal.review_services``.
"""

import calendar
import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Event, EventMaterial, EventQuerySet, EventSeries
from lib.files import delete_after_commit
from lib.history import HistoryEntry, describe_records
from network.models import Organisation, OrganisationQuerySet, Region
from portal import closed_years
from portal.review import ReviewStatus
from portal.rules import roles_of
from strategy.models import FocusArea

logger = logging.getLogger(__name__)


class EventError(Exception):
    """A change the event's review state does not allow; the message is for the user."""


# --- Who sees and logs what (read-only helpers over the permission layer) ---------------------


def is_reviewer(user: Any, region: Region) -> bool:
    """True for the region's coordinator (and site administrators): they review and publish."""
    return bool(user.has_perm("network.review_entries", region))


def reads_every_entry(user: Any, region: Region) -> bool:
    """True for those who read the region's unpublished entries too.

    ``actions.view_entry`` asked of the region itself holds for the coordinator, the
    national team and administrators, never merely for an organisation's people.
    """
    return bool(user.has_perm("actions.view_entry", region))


def loggable_organisations(user: Any, region: Region) -> OrganisationQuerySet | None:
    """The region's organisations the user may log events for, or None if none may be.

    All of them for the coordinator, the ones they edit for an organisation editor. A
    visitor costs no query; the queryset itself is lazy.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    organisations = Organisation.objects.for_region(region).order_by("name")
    if user.has_perm("actions.log_entry", region):
        return organisations.filter(active=True)
    editor_ids = roles_of(user).editor_organisation_ids
    if not editor_ids:
        return None
    return organisations.filter(pk__in=editor_ids)


def visible_events(user: Any, region: Region, events: EventQuerySet) -> EventQuerySet:
    """``events`` as the user may list them: published ones, or all for the reviewers."""
    return events if reads_every_entry(user, region) else events.published()


def unpublished_events(user: Any, region: Region) -> EventQuerySet | None:
    """The region's events not yet public that the user may read: drafts, submitted, returned.

    All of them for the coordinator and the national team, their organisations' for
    members; None for visitors and outsiders, who have nothing to see here.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    events = Event.objects.for_region(region)
    if reads_every_entry(user, region):
        return events.unpublished_for(None)
    member_ids = roles_of(user).member_organisation_ids
    if not member_ids or region.pk not in roles_of(user).member_region_ids:
        return None
    return events.unpublished_for(member_ids)


# --- Logging and editing ------------------------------------------------------------------


@dataclass(frozen=True)
class EventLinks:
    """The many-to-many choices of the event form."""

    organisers: Sequence[Organisation]
    partner_regions: Sequence[Region]
    focus_areas: Sequence[FocusArea]


def _save(event: Event, links: EventLinks, new_series_title: str) -> Event:
    if new_series_title:
        event.series, created = EventSeries.objects.get_or_create(
            region=event.region, title=new_series_title
        )
        if created:
            logger.info("Created meeting series %s in %s", event.series.pk, event.region.slug)
    event.save()
    event.organisers.set(links.organisers)
    event.partner_regions.set(links.partner_regions)
    event.focus_areas.set(links.focus_areas)
    return event


def _publish(event: Event, user: Any) -> None:
    event.review_status = ReviewStatus.ACCEPTED
    event.review_comment = ""
    event.reviewed_at = timezone.now()
    event.reviewed_by = user


def log_event(
    event: Event,
    links: EventLinks,
    *,
    user: Any,
    new_series_title: str = "",
    publish: bool = False,
) -> Event:
    """Save a new event (unsaved ``event`` from the form) as a draft of its organisers.

    The coordinator may ``publish`` it at once: it is then accepted, with them as the
    reviewer. Copies of events are logged through here too, always as new rows.
    """
    if event.pk is not None:
        raise ValueError("log_event saves new events only.")
    if publish and not is_reviewer(user, event.region):
        raise EventError(_("Only the coordinator can publish an event directly."))
    with transaction.atomic():
        check_open(event)
        event.created_by = user if getattr(user, "is_authenticated", False) else None
        event.review_status = ReviewStatus.DRAFT
        if publish:
            _publish(event, user)
        return _save(event, links, new_series_title)


class ClosedYearError(EventError):
    """A change to an event of a closed year (``portal.closed_years``)."""


def check_open(obj: Event | EventMaterial) -> None:
    """Raise ``ClosedYearError`` unless the event's year (and the year it is given) is open;
    inside the save's transaction (see ``portal.closed_years.check_open``)."""
    try:
        closed_years.check_open(obj)
    except closed_years.YearClosed as error:
        raise ClosedYearError(str(error)) from error


def ensure_editable(event: Event) -> None:
    """Raise EventError while the event waits for review: the reviewer reads what was sent;
    ``ClosedYearError`` while its year is closed."""
    locked = closed_years.lock_message(event)
    if locked:
        raise ClosedYearError(locked)
    if event.review_status == ReviewStatus.SUBMITTED:
        raise EventError(
            _(
                "The event is waiting for the coordinator's review. It can be changed once "
                "it has been accepted or returned."
            )
        )


def update_event(
    event: Event,
    links: EventLinks,
    *,
    user: Any,
    new_series_title: str = "",
    publish: bool = False,
) -> Event:
    """Save the edited ``event``.

    An organisation editor's change to a published event makes it a draft again, hidden
    until the coordinator accepts it anew; the coordinator's change keeps it published,
    and they may publish a draft at once.
    """
    ensure_editable(event)
    reviewer = is_reviewer(user, event.region)
    if publish and not reviewer:
        raise EventError(_("Only the coordinator can publish an event directly."))
    with transaction.atomic():
        check_open(event)
        if publish:
            _publish(event, user)
        elif not reviewer and event.review_status == ReviewStatus.ACCEPTED:
            event.review_status = ReviewStatus.DRAFT
        return _save(event, links, new_series_title)


def may_delete(event: Event, user: Any) -> bool:
    """Editors delete what has never been public; the coordinator deletes anything."""
    return is_reviewer(user, event.region) or event.review_status in (
        ReviewStatus.DRAFT,
        ReviewStatus.RETURNED,
    )


def delete_event(event: Event, *, user: Any) -> None:
    """Delete the event with its materials' rows; their files go once the deletion commits."""
    if not may_delete(event, user):
        raise EventError(
            _("Only a draft can be deleted. Ask the coordinator to remove a published event.")
        )
    with transaction.atomic():
        check_open(event)
        files = [m.file for m in event.materials.exclude(file="")]
        event.delete()
        delete_after_commit(*files)


def next_dates(event: Event) -> tuple[dt.date, dt.date]:
    """The dates of the event's next time: a week later, or a month later for a series.

    A series meets monthly in the seeds ("Ajankohtaista ohjaamoista", the last Thursday
    or so); the day is kept, or the month's last day when the next month is shorter. A
    multi-day event keeps its length.
    """
    if event.series_id is None:
        starts_on = event.starts_on + dt.timedelta(weeks=1)
    else:
        year, month_index = divmod(event.starts_on.year * 12 + event.starts_on.month, 12)
        month = month_index + 1  # The month after: ``starts_on.month`` counted from zero, + 1.
        day = min(event.starts_on.day, calendar.monthrange(year, month)[1])
        starts_on = dt.date(year, month, day)
    return starts_on, starts_on + (event.ends_on - event.starts_on)


# --- Materials ------------------------------------------------------------------------------


def add_material(
    event: Event,
    *,
    title: str,
    file: UploadedFile | None = None,
    url: str = "",
    translations: dict[str, str] | None = None,
) -> EventMaterial:
    """Attach a file or a link (the form has checked it is exactly one) to the event;
    ``translations``: the title's Swedish and English (``title_sv``, ``title_en``)."""
    if bool(file) == bool(url):
        raise EventError(_("Give either a file or a link."))
    with transaction.atomic():
        check_open(event)
        material = EventMaterial(event=event, title=title, url=url, **(translations or {}))
        if file:
            material.file = file  # type: ignore[assignment]
        material.save()
    return material


def remove_material(material: EventMaterial) -> None:
    """Delete the material; its file is deleted once the deletion commits."""
    with transaction.atomic():
        check_open(material)
        material.delete()
        delete_after_commit(material.file)


def required_organisations(
    user: Any, region: Region, organisers: Iterable[Organisation]
) -> list[Organisation] | None:
    """The organisations an editor must keep one of among an event's organisers.

    The ones of ``organisers`` they edit, so a change never takes the event out of their
    hands; None for the coordinator, who may set any organisers.
    """
    if is_reviewer(user, region):
        return None
    editor_ids = roles_of(user).editor_organisation_ids
    return [organisation for organisation in organisers if organisation.pk in editor_ids]


def event_history(event: Event) -> list[HistoryEntry]:
    """The event's saves, newest first, each with what it changed: a fixed number of queries."""
    records = list(
        Event.history.filter(id=event.pk)  # type: ignore[attr-defined]
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    return closed_years.describe_history(
        event, describe_records(Event, records, label=lambda record: record.title)
    )
