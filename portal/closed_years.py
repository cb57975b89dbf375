"""A year that closes: once a region's annual report for a year is accepted, the guidance
actions, events and indicator values the region logged for that year are locked.

The one rule every write path asks (forms, htmx cells, deletes, review decisions, imports,
the admin): ``check_open(entry)`` raises ``YearClosed`` with a message for the person, and
``lock_message(entry)`` says the same for a page that hides its edit links.

What "an entry of year Y" is, is the entry's own ``closing_period`` (region id, year): a
guidance action by its ``year``, an event by its start date, an indicator value by its
``year``, as the reporting counts a year's work. A progress update and an event material
name their parent as their ``closing_entry``: they are locked and reopened with it. This
module knows no model of the apps above it; it reads those two attributes only.

The coordinator reopens one entry with a written reason (``reopen``): the entry may then be
changed until the coordinator closes it again (``close_again``); both are recorded in the
entry's change history, the reason with them. Reopening never opens a move into another
closed year, and never opens anything else of the year.

Two people at once: ``close_year`` (called by the acceptance of the report, in its
transaction) takes the region's row ``FOR NO KEY UPDATE``; ``check_open`` takes it
``FOR SHARE`` inside the writer's transaction, after the entry's row lock, so a save and an
acceptance are ordered: either the save commits first, or it sees the closed year.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.db.models import Model
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lib.history import HistoryEntry
from lib.scoping import scope
from network.models import ClosedYear, EntryReopening, Region

logger = logging.getLogger(__name__)

#: The change reasons of the history records a reopening and a closing write, with the
#: reopening's id after the colon (``describe_history`` shows them with the reason).
REOPENED = "year-reopened:"
CLOSED_AGAIN = "year-closed-again:"


class YearClosed(Exception):
    """A change to an entry of a closed year; the message is for the person."""


class ReopeningError(Exception):
    """A reopening or closing the coordinator cannot make; the message is for them."""


def entry_of(obj: Model) -> Model:
    """The entry whose lock ``obj`` follows: itself, or its parent (``closing_entry``)."""
    return getattr(obj, "closing_entry", obj)


def period_of(obj: Model) -> tuple[int, int]:
    """(region id, year) of ``obj``'s entry as it is in memory."""
    region_id, year = entry_of(obj).closing_period  # type: ignore[attr-defined]
    return int(region_id), int(year)


def closure(region_id: int, year: int) -> ClosedYear | None:
    """The closing of the region's year, or None while it is open."""
    with scope(region=region_id):
        return ClosedYear.objects.filter(region_id=region_id, year=year).first()


def closed_years(region_id: int) -> dict[int, ClosedYear]:
    """The region's closed years by year: one query, for pages and imports of many rows."""
    with scope(region=region_id):
        return {row.year: row for row in ClosedYear.objects.filter(region_id=region_id)}


def open_reopening(entry: Model) -> EntryReopening | None:
    """The entry's reopening in force, or None."""
    if entry.pk is None:
        return None
    region_id, _year = period_of(entry)
    with scope(region=region_id):
        return (
            EntryReopening.objects.filter(
                content_type=ContentType.objects.get_for_model(entry),
                object_id=entry.pk,
                closed_at__isnull=True,
            )
            .select_related("reopened_by")
            .first()
        )


def reopened_ids(region_id: int, model: type[Model]) -> set[int]:
    """The ids of ``model``'s entries of the region reopened now: one query."""
    with scope(region=region_id):
        return set(
            EntryReopening.objects.filter(
                region_id=region_id,
                content_type=ContentType.objects.get_for_model(model),
                closed_at__isnull=True,
            ).values_list("object_id", flat=True)
        )


def _date(closed: ClosedYear) -> str:
    return formats.date_format(timezone.localtime(closed.closed_at).date(), "SHORT_DATE_FORMAT")


def locked_text(closed: ClosedYear) -> str:
    """Why an entry of the closed year cannot change, and how it can be reopened."""
    return _(
        "The year %(year)s is closed: its annual report was accepted on %(date)s, so this "
        "entry can no longer be changed. If it must change, ask the region's coordinator to "
        "reopen it: the coordinator reopens it on the entry's page with a written reason."
    ) % {"year": closed.year, "date": _date(closed)}


def reopening_text(closed: ClosedYear) -> str:
    """What the coordinator reads before reopening an entry: no advice to ask themselves."""
    return _(
        "The year %(year)s is closed: its annual report was accepted on %(date)s. Reopening "
        "lets this one entry be changed; the rest of the year stays locked."
    ) % {"year": closed.year, "date": _date(closed)}


def moved_text(closed: ClosedYear) -> str:
    """Why nothing new can be logged for the closed year, or moved into it."""
    return _(
        "The year %(year)s is closed: its annual report was accepted on %(date)s, so nothing "
        "can be added to that year or moved into it."
    ) % {"year": closed.year, "date": _date(closed)}


def lock_message(obj: Model) -> str:
    """Why ``obj`` (an entry, a progress update or a material) is locked; "" when it is not.

    Read from the entry as it is in memory: for a page's links. A save asks ``check_open``.
    """
    entry = entry_of(obj)
    if entry.pk is None or not hasattr(entry, "closing_period"):
        return ""
    closed = closure(*period_of(entry))
    if closed is None or open_reopening(entry) is not None:
        return ""
    return locked_text(closed)


@dataclass(frozen=True)
class YearLock:
    """What an entry's page says of its closed year: why it is locked, or its reopening."""

    closed: ClosedYear
    message: str
    reopening: EntryReopening | None

    @property
    def is_locked(self) -> bool:
        return self.reopening is None


def year_lock(obj: Model) -> YearLock | None:
    """The closing of ``obj``'s entry's year with its reopening; None while the year is open.
    Two queries at most, for an entry's page."""
    entry = entry_of(obj)
    if entry.pk is None:
        return None
    closed = closure(*period_of(entry))
    if closed is None:
        return None
    return YearLock(closed, locked_text(closed), open_reopening(entry))


def hold_region(region_id: int) -> None:
    """Hold the region's row ``FOR SHARE`` until the transaction ends (see the docstring):
    saves in the region do not wait for each other, only for an acceptance."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {Region._meta.db_table} WHERE id = %s FOR SHARE",  # noqa: S608
                [region_id],
            )


def check_open(obj: Model) -> None:
    """Raise ``YearClosed`` unless ``obj`` may be written: its stored entry is not of a
    closed year (or is reopened), and the year it is being given is not closed.

    Call it inside the writer's transaction, before the write: it locks the stored entry's
    row and holds the region's row, so an acceptance cannot slip between the check and the
    save. ``obj`` may carry a form's unsaved values (a changed year or start date): the
    stored row is read again for the year it had.
    """
    if not transaction.get_connection().in_atomic_block:
        with transaction.atomic():
            check_open(obj)
        return
    entry = entry_of(obj)
    new_region_id, new_year = period_of(entry)
    hold_region(new_region_id)
    if entry.pk is not None:
        stored = type(entry)._base_manager.select_for_update().filter(pk=entry.pk).first()
        if stored is not None:
            region_id, year = period_of(stored)
            if region_id != new_region_id:
                hold_region(region_id)
            closed = closure(region_id, year)
            if closed is not None and open_reopening(stored) is None:
                raise YearClosed(locked_text(closed))
            if (region_id, year) == (new_region_id, new_year):
                return
    closed = closure(new_region_id, new_year)
    if closed is not None:
        raise YearClosed(moved_text(closed))


def may_bypass(user: Any) -> bool:
    """A site administrator may change a closed year's entries in the admin; no one else."""
    return bool(getattr(user, "is_superuser", False))


# --- Closing a year (the acceptance of a report) --------------------------------------------


def close_year(region_id: int, year: int, user: Any = None) -> ClosedYear:
    """Close the region's year; call it inside the acceptance's transaction. Idempotent:
    a year closed before keeps its first closing."""
    with transaction.atomic():
        Region._base_manager.select_for_update(no_key=True).filter(pk=region_id).first()
        with scope(region=region_id):
            closed, created = ClosedYear.objects.get_or_create(
                region_id=region_id,
                year=year,
                defaults={"closed_by": user if getattr(user, "pk", None) else None},
            )
    if created:
        logger.info("Year %s of region %s closed", year, region_id)
    return closed


# --- Reopening one entry ---------------------------------------------------------------------


def _record(entry: Model, user: Any, reason: str) -> None:
    """Save the entry once more, so its history shows the reopening or closing."""
    entry._change_reason = reason  # type: ignore[attr-defined]
    entry._history_user = user  # type: ignore[attr-defined]
    try:
        entry.save()
    finally:
        del entry._change_reason  # type: ignore[attr-defined]


def reopen(entry: Model, user: Any, reason: str) -> EntryReopening:
    """Reopen one entry of a closed year for changes, with the coordinator's reason.

    The entry's row is locked and read again; reopening an entry that is open already (a
    second click, two coordinators at once) answers with the reopening in force.
    """
    reason = reason.strip()
    if not reason:
        raise ReopeningError(_("Write why the entry is reopened."))
    with transaction.atomic():
        stored = type(entry)._base_manager.select_for_update().get(pk=entry.pk)
        region_id, year = period_of(stored)
        if closure(region_id, year) is None:
            raise ReopeningError(_("The entry's year is not closed: it can be changed as it is."))
        current = open_reopening(stored)
        if current is not None:
            return current
        try:
            with transaction.atomic():
                reopening = EntryReopening.objects.create(
                    region_id=region_id,
                    content_type=ContentType.objects.get_for_model(stored),
                    object_id=stored.pk,
                    year=year,
                    reason=reason,
                    reopened_by=user,
                )
        except IntegrityError:
            found = open_reopening(stored)
            if found is None:
                raise
            return found
        _record(stored, user, f"{REOPENED}{reopening.pk}")
    logger.info(
        "%s reopened %s %s of the closed year %s", user, type(entry).__name__, entry.pk, year
    )
    return reopening


def close_again(entry: Model, user: Any) -> None:
    """Close a reopened entry again: it is locked as the rest of its year. A second click
    finds nothing open and changes nothing."""
    with transaction.atomic():
        stored = type(entry)._base_manager.select_for_update().get(pk=entry.pk)
        reopening = open_reopening(stored)
        if reopening is None:
            return
        reopening.closed_at = timezone.now()
        reopening.closed_by = user
        reopening.save(update_fields=["closed_at", "closed_by"])
        _record(stored, user, f"{CLOSED_AGAIN}{reopening.pk}")
    logger.info("%s closed %s %s again", user, type(entry).__name__, entry.pk)


def describe_history(entry: Model, entries: Iterable[HistoryEntry]) -> list[HistoryEntry]:
    """The entry's history with its reopenings and closings said in words, the written
    reason beside them: one query whatever the length of the history."""
    entries = list(entries)
    marked = [e for e in entries if e.reason.startswith((REOPENED, CLOSED_AGAIN))]
    if not marked:
        return entries
    region_id, _year = period_of(entry)
    with scope(region=region_id):
        reopenings = {
            r.pk: r
            for r in EntryReopening.objects.filter(
                content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk
            )
        }
    for item in marked:
        reopened = item.reason.startswith(REOPENED)
        key = item.reason.removeprefix(REOPENED if reopened else CLOSED_AGAIN)
        reopening = reopenings.get(int(key)) if key.isdigit() else None
        item.changes = []
        if reopened:
            item.action = _("Reopened in a closed year")
            item.note = reopening.reason if reopening is not None else ""
        else:
            item.action = _("Closed again")
    return entries


# --- The admin ---------------------------------------------------------------------------


class ClosedYearAdminMixin:
    """For the ModelAdmin (or inline) of an entry or its children: a closed year's entry is
    read-only in the admin, and a new or moved row of a closed year is refused, for everyone
    but site administrators (``may_bypass``)."""

    def _locked(self, request: Any, obj: Any) -> bool:
        return obj is not None and not may_bypass(request.user) and bool(lock_message(obj))

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return not self._locked(request, obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return not self._locked(request, obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]

    def get_form(self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)  # type: ignore[misc]
        if may_bypass(request.user):
            return form

        class ClosedYearForm(form):  # type: ignore[misc,valid-type]
            def _post_clean(self) -> None:
                super()._post_clean()
                try:
                    check_open(self.instance)
                except YearClosed as error:
                    self.add_error(None, str(error))
                except (ObjectDoesNotExist, AttributeError, TypeError, ValueError):
                    # An incomplete row (no organisation, no year): its own errors say why.
                    return

        ClosedYearForm.__module__ = form.__module__  # the admin's form, not the portal's
        return ClosedYearForm

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        if not may_bypass(request.user):
            try:
                check_open(obj)
            except YearClosed as error:
                raise PermissionDenied(str(error)) from error
        super().save_model(request, obj, form, change)  # type: ignore[misc]

    def delete_model(self, request: Any, obj: Any) -> None:
        if not may_bypass(request.user):
            try:
                check_open(obj)
            except YearClosed as error:
                raise PermissionDenied(str(error)) from error
        super().delete_model(request, obj)  # type: ignore[misc]


class ClosedYearInlineMixin:
    """For the inline of an entry's children (progress updates, materials): read-only while
    the parent entry is locked, for everyone but site administrators."""

    def _locked(self, request: Any, obj: Any) -> bool:
        return obj is not None and not may_bypass(request.user) and bool(lock_message(obj))

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return not self._locked(request, obj) and super().has_add_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return not self._locked(request, obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return not self._locked(request, obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]
