"""The review workflow's transitions, shared by guidance actions and events.

Each transition locks the entry's row, checks its current state, saves it atomically and
tells the people concerned through ``notices.notify`` (the mail goes after the transaction
commits, once a person and event), so a rolled-back change never mails anyone
and two people acting at once cannot both move the same entry.
"""

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.concurrency import row_version
from lib.locking import lock_and_reread
from notices import services as notices
from portal import closed_years
from portal.review import Reviewable, ReviewStatus
from portal.rules import organiser_ids_of, region_id_of

logger = logging.getLogger(__name__)


class ReviewError(Exception):
    """A transition the entry's state does not allow; the message is for the user."""


def _lock(entry: Reviewable) -> None:
    """Lock the entry's row and read its current review state into ``entry``.

    The state the caller loaded may be stale (another coordinator may have acted since);
    checking the locked row's state keeps each transition valid. An entry of a closed
    year (``portal.closed_years``) moves no more, unless the coordinator reopened it.
    """
    lock_and_reread(entry, "review_status")
    if hasattr(entry, "closing_period") or hasattr(entry, "closing_entry"):
        try:
            closed_years.check_open(entry)
        except closed_years.YearClosed as error:
            raise ReviewError(str(error)) from error


def shown_fields(entry: Any) -> list[str]:
    """What a reviewer's decision depends on: the state, the submission, and the content's
    last change where the entry records one; a model without a review state (a good-practice
    proposal) names its own in ``REVIEW_SHOWN_FIELDS``."""
    own = getattr(entry, "REVIEW_SHOWN_FIELDS", None)
    if own is not None:
        return list(own)
    names = ["review_status", "submitted_at"]
    if any(field.name == "updated_at" for field in entry._meta.concrete_fields):
        names.append("updated_at")
    return names


def shown_version(entry: Any) -> str:
    """The version of the entry the reviewer is shown, sent back with accept or return."""
    return row_version(entry, shown_fields(entry))


def changed_since_shown(entry: Any, shown: str | None) -> bool:
    """Whether the entry changed after the reviewer was shown it (resubmitted with new
    content, decided by another coordinator); call it with the row locked. A decision
    posted without a version (an old page) is not checked."""
    if shown is None:
        return False
    current = type(entry)._default_manager.get(pk=entry.pk)
    return row_version(current, shown_fields(entry)) != shown


def _check_shown(entry: Reviewable, shown: str | None) -> None:
    """Refuse a decision on an entry that changed after the reviewer opened it."""
    if changed_since_shown(entry, shown):
        raise ReviewError(
            _(
                "This entry changed after you opened it, so your decision was not saved. "
                "Open it again and check what it says now."
            )
        )


def _link(entry: Any, entry_url: str) -> str:
    """The entry's page: the URL the view gave, else the entry's own."""
    return entry_url or getattr(entry, "get_absolute_url", lambda: "")()


def _event_key(entry: Any, what: str, when: Any) -> str:
    """One event of the entry's review: a resubmission or a second decision is a new one."""
    return f"{entry._meta.label_lower}:{entry.pk}:{what}:{when.isoformat()}"


def submit(entry: Reviewable, user: Any, entry_url: str = "") -> None:
    """An organisation's editor sends a draft or a returned entry to the coordinator."""
    with transaction.atomic():
        _lock(entry)
        if entry.review_status not in (ReviewStatus.DRAFT, ReviewStatus.RETURNED):
            raise ReviewError(_("Only a draft or a returned entry can be submitted."))
        entry.review_status = ReviewStatus.SUBMITTED
        entry.submitted_at = timezone.now()
        entry.save(update_fields=["review_status", "submitted_at"])
        # Every entry belongs to a region (an event directly, an action by its organisation).
        notices.notify(
            "entry_submitted",
            notices.coordinators_of(region_id_of(entry)),
            {"title": str(entry), "name": str(user)},
            event_key=_event_key(entry, "submitted", entry.submitted_at),
            link=_link(entry, entry_url),
            actor=user,
        )


def accept(entry: Reviewable, reviewer: Any, shown: str | None = None) -> None:
    """The coordinator accepts a submitted entry: from now on it is public.

    ``shown`` is the entry's version on the reviewer's page (``shown_version``).
    """
    with transaction.atomic():
        _lock(entry)
        _check_shown(entry, shown)
        if entry.review_status != ReviewStatus.SUBMITTED:
            raise ReviewError(_("Only a submitted entry can be accepted."))
        entry.review_status = ReviewStatus.ACCEPTED
        entry.review_comment = ""
        entry.reviewed_at = timezone.now()
        entry.reviewed_by = reviewer
        entry.save(update_fields=["review_status", "review_comment", "reviewed_at", "reviewed_by"])
        # What is reviewed with the entry (a guidance action's draft progress updates).
        on_accepted = getattr(entry, "on_accepted", None)
        if on_accepted is not None:
            on_accepted(reviewer, entry.reviewed_at)
        tell_editors(
            "entry_accepted",
            organiser_ids_of(entry),
            {"title": str(entry), "name": str(reviewer)},
            event_key=_event_key(entry, "accepted", entry.reviewed_at),
            link=_link(entry, ""),
            actor=reviewer,
        )


def return_for_changes(
    entry: Reviewable, reviewer: Any, comment: str, entry_url: str = "", shown: str | None = None
) -> None:
    """The coordinator returns a submitted entry with a comment saying what to change."""
    if not comment.strip():
        raise ReviewError(_("Say in the comment what should be changed."))
    with transaction.atomic():
        _lock(entry)
        _check_shown(entry, shown)
        if entry.review_status != ReviewStatus.SUBMITTED:
            raise ReviewError(_("Only a submitted entry can be returned."))
        entry.review_status = ReviewStatus.RETURNED
        entry.review_comment = comment.strip()
        entry.reviewed_at = timezone.now()
        entry.reviewed_by = reviewer
        entry.save(update_fields=["review_status", "review_comment", "reviewed_at", "reviewed_by"])
        tell_editors(
            "entry_returned",
            organiser_ids_of(entry),
            {"title": str(entry), "name": str(reviewer), "comment": entry.review_comment},
            event_key=_event_key(entry, "returned", entry.reviewed_at),
            link=_link(entry, entry_url),
            actor=reviewer,
        )


def tell_editors(
    kind: str,
    organisation_ids: set[int],
    context: dict[str, Any],
    event_key: str,
    link: str = "",
    actor: Any = None,
) -> None:
    """Tell the organisations' editors (``notices.notify``, inside the caller's transaction:
    the mail goes once it commits). Good-practice decisions use it too."""
    notices.notify(
        kind, notices.editors_of(organisation_ids), context, event_key, link=link, actor=actor
    )
