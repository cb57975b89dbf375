"""Changes to what member organisations log: guidance actions, progress updates, good practices.

Every function takes model instances (or a valid form), runs in one transaction and
raises ``GuidanceError`` with a message for the user when the change is not allowed in
the entry's review state; the views turn it into a message. The review transitions
themselves (submit, accept, return) are ``portal.review_services``.

The review rules for changes:
- an entry waiting for review (submitted) cannot be changed until the coordinator has
  accepted or returned it;
- an accepted entry may be changed by the coordinator as it is; when its organisation
  changes it, it returns to draft, so nothing unreviewed is public;
- a progress update is reviewed on its own: an organisation's update to an accepted
  entry waits for the coordinator while the entry stays public (``save_progress_update``);
- an organisation's editor deletes only drafts; the coordinator may delete any entry.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.forms import ModelForm
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actions.models import GoodPractice, GuidanceAction, ProgressUpdate
from lib.files import delete_after_commit
from lib.history import HistoryEntry, describe_records
from lib.locking import lock_and_reread
from lib.translation import in_every_language
from network.models import Organisation, Region
from notices import services as notices
from portal import closed_years, review_services
from portal.review import ReviewStatus

logger = logging.getLogger(__name__)


class GuidanceError(Exception):
    """A change the entry's review state does not allow; the message is for the user."""


class ClosedYearError(GuidanceError):
    """A change to an entry of a closed year (``portal.closed_years``)."""


def check_open(obj: GuidanceAction | ProgressUpdate) -> None:
    """Raise ``ClosedYearError`` unless the entry's year (and the year it is given) is open;
    inside the save's transaction (see ``portal.closed_years.check_open``)."""
    try:
        closed_years.check_open(obj)
    except closed_years.YearClosed as error:
        raise ClosedYearError(str(error)) from error


def ensure_changeable(action: GuidanceAction) -> None:
    """Raise ``GuidanceError`` while the entry waits for the coordinator's review, or
    ``ClosedYearError`` while its year is closed."""
    locked = closed_years.lock_message(action)
    if locked:
        raise ClosedYearError(locked)
    if action.review_status == ReviewStatus.SUBMITTED:
        raise GuidanceError(
            _(
                "The entry is waiting for the coordinator's review and cannot be changed now. "
                "You can change it again once it has been accepted or returned."
            )
        )


def ensure_deletable(action: GuidanceAction, *, may_review: bool) -> None:
    """Raise ``GuidanceError`` unless the entry is a draft or the person is its reviewer,
    and its year is open."""
    locked = closed_years.lock_message(action)
    if locked:
        raise ClosedYearError(locked)
    if not may_review and action.review_status != ReviewStatus.DRAFT:
        raise GuidanceError(
            _("Only a draft can be deleted. Ask the coordinator to delete this entry.")
        )


def returns_to_draft(action: GuidanceAction, may_review: bool) -> bool:
    """Whether saving a change would take the accepted entry off the public pages."""
    return action.review_status == ReviewStatus.ACCEPTED and not may_review


def _lock(action: GuidanceAction) -> GuidanceAction:
    """Re-read the entry's review state under a row lock, so a review cannot slip between."""
    lock_and_reread(action, "review_status")
    return action


def save_guidance_action(form: ModelForm, user: Any, *, may_review: bool) -> GuidanceAction:
    """Save a valid ``GuidanceActionForm`` with its links; returns the saved entry.

    A new entry is a draft created by ``user``. A change to an accepted entry by its
    organisation returns it to draft (see the module's docstring).
    """
    action: GuidanceAction = form.instance
    with transaction.atomic():
        check_open(action)
        if action.pk is None:
            action.created_by = user
            action.review_status = ReviewStatus.DRAFT
        else:
            ensure_changeable(_lock(action))
            if returns_to_draft(action, may_review):
                action.review_status = ReviewStatus.DRAFT
        form.save()
    return action


def delete_guidance_action(action: GuidanceAction, *, may_review: bool) -> None:
    """Delete an entry with its progress updates, and their files once the deletion commits."""
    with transaction.atomic():
        check_open(action)
        ensure_deletable(_lock(action), may_review=may_review)
        files = [update.attachment for update in action.progress_updates.exclude(attachment="")]
        action.delete()
        delete_after_commit(*files)


def update_goes_to_review(action: GuidanceAction, may_review: bool) -> bool:
    """Whether saving a progress update of ``action`` sends the update to the coordinator:
    an organisation's update to an accepted entry is reviewed on its own, the entry
    staying public meanwhile."""
    return action.review_status == ReviewStatus.ACCEPTED and not may_review


def save_progress_update(form: ModelForm, user: Any, *, may_review: bool) -> ProgressUpdate:
    """Save a valid ``ProgressUpdateForm``; returns the update.

    The entry keeps its review state. The update: the coordinator's is accepted as it is;
    an organisation's to an accepted entry is submitted for review (``update_goes_to_review``),
    to an entry not yet public a draft accepted with the entry. A replaced or cleared
    attachment's old file is deleted once the change commits.
    """
    update: ProgressUpdate = form.instance
    action = update.action
    old_file: FieldFile | None = None
    if update.pk is not None and "attachment" in form.changed_data:
        old_file = ProgressUpdate.objects.get(pk=update.pk).attachment
    with transaction.atomic():
        check_open(update)
        ensure_changeable(_lock(action))
        if update.pk is None:
            update.created_by = user
        if may_review:
            update.review_status = ReviewStatus.ACCEPTED
            update.reviewed_at = timezone.now()
            update.reviewed_by = user
        else:
            update.review_status = ReviewStatus.DRAFT
        form.save()
        if update_goes_to_review(action, may_review):
            review_services.submit(update, user)
        if old_file and old_file.name != update.attachment.name:
            delete_after_commit(old_file)
    return update


def delete_progress_update(update: ProgressUpdate, *, may_review: bool) -> None:
    """Delete a progress update, and its file once the deletion commits; the entry keeps
    its review state (nothing unreviewed becomes public by a deletion)."""
    action = update.action
    with transaction.atomic():
        check_open(update)
        ensure_changeable(_lock(action))
        update.delete()
        delete_after_commit(update.attachment)


def _tell_coordinators_of_proposal(practice: GoodPractice, user: Any, event: str) -> None:
    """Tell the region's coordinators that a proposal waits for their decision."""
    notices.notify(
        "practice_proposed",
        notices.coordinators_of(practice.region_id),
        {"title": in_every_language(practice, "title"), "organisation": str(practice.proposed_by)},
        event_key=f"actions.goodpractice:{practice.pk}:{event}",
        link=reverse("review:queue", kwargs={"region": practice.region.slug}),
        actor=user,
    )


def propose_good_practice(
    form: ModelForm, organisation: Organisation, user: Any = None
) -> GoodPractice:
    """Save a valid proposal: unpublished, without a number, proposed by ``organisation``.

    The region's coordinators are told once it commits.
    """
    practice: GoodPractice = form.instance
    with transaction.atomic():
        practice.is_published = False
        practice.number = None
        practice.proposed_by = organisation
        form.save()
        practice.organisations.add(organisation)
        _tell_coordinators_of_proposal(practice, user, "proposed")
    logger.info("Good practice %s proposed by organisation %s", practice.pk, organisation.pk)
    return practice


def _lock_waiting_proposal(practice: GoodPractice, shown: str | None = None) -> None:
    """Lock the practice's row; GuidanceError unless it still waits for a decision and is
    as the coordinator was shown it (``shown``: its ``review_version`` on the queue page)."""
    changed = review_services.changed_since_shown(practice, shown)
    current = lock_and_reread(practice, "is_published", "decision")
    if current.is_published:
        raise GuidanceError(_("This good practice has already been published."))
    if current.decision:
        raise GuidanceError(_("A decision has already been made on this proposal."))
    if changed:
        raise GuidanceError(
            _(
                "The proposal changed after you opened it, so your decision was not saved. "
                "Read it again below and decide then."
            )
        )


def return_good_practice(
    practice: GoodPractice, reviewer: Any, comment: str, url: str = "", shown: str | None = None
) -> GoodPractice:
    """Return a waiting proposal with a comment: the proposer changes it and sends it again.

    The proposing organisation's editors are told by e-mail after the commit.
    """
    if not comment.strip():
        raise GuidanceError(_("Say in the comment what should be changed."))
    return _decide(practice, GoodPractice.Decision.RETURNED, comment, reviewer, url, shown)


def decline_good_practice(
    practice: GoodPractice,
    reviewer: Any,
    comment: str = "",
    url: str = "",
    shown: str | None = None,
) -> GoodPractice:
    """Decline a waiting proposal (the comment may say why); it is kept, never published."""
    return _decide(practice, GoodPractice.Decision.DECLINED, comment, reviewer, url, shown)


def _decide(
    practice: GoodPractice,
    decision: str,
    comment: str,
    reviewer: Any,
    url: str,
    shown: str | None = None,
) -> GoodPractice:
    with transaction.atomic():
        _lock_waiting_proposal(practice, shown)
        practice.decision = decision
        practice.review_comment = comment.strip()
        practice.save(update_fields=["decision", "review_comment"])
        if practice.proposed_by_id is not None:
            # The row is locked and must wait for a decision, so each decision is one event.
            decided_at = timezone.now().isoformat()
            review_services.tell_editors(
                f"practice_{decision}",
                {practice.proposed_by_id},
                {
                    "title": practice.title,
                    "name": str(reviewer),
                    "comment": practice.review_comment,
                },
                event_key=f"actions.goodpractice:{practice.pk}:{decision}:{decided_at}",
                link=url,
                actor=reviewer,
            )
    logger.info("Good practice proposal %s %s", practice.pk, decision)
    return practice


def resubmit_good_practice(
    form: ModelForm, organisation: Organisation, user: Any = None
) -> GoodPractice:
    """Save a returned proposal's changes and send it to the coordinator again."""
    practice: GoodPractice = form.instance
    with transaction.atomic():
        current = lock_and_reread(practice, "is_published", "decision")
        if current.is_published or current.decision != GoodPractice.Decision.RETURNED:
            raise GuidanceError(_("Only a returned proposal can be changed and sent again."))
        practice.decision = ""
        practice.proposed_by = organisation
        form.save()
        practice.organisations.add(organisation)
        # Only a returned proposal (checked on the locked row) is sent again: one event.
        _tell_coordinators_of_proposal(practice, user, f"resubmitted:{timezone.now().isoformat()}")
    logger.info("Good practice proposal %s sent again", practice.pk)
    return practice


def publish_good_practice(
    practice: GoodPractice, shown: str | None = None, reviewer: Any = None
) -> GoodPractice:
    """Publish a proposal with the region's next number; returns the published practice.

    The region's row is locked while the number is chosen, so two coordinators
    publishing at once cannot pick the same number.
    """
    with transaction.atomic():
        Region.objects.select_for_update().only("pk").get(pk=practice.region_id)
        _lock_waiting_proposal(practice, shown)
        highest = GoodPractice.objects.filter(region_id=practice.region_id).aggregate(
            highest=Max("number")
        )["highest"]
        practice.number = (highest or 0) + 1
        practice.is_published = True
        practice.review_comment = ""
        practice.save(update_fields=["number", "is_published", "review_comment"])
        if practice.proposed_by_id is not None:
            review_services.tell_editors(
                "practice_published",
                {practice.proposed_by_id},
                {"title": practice.title, "name": str(reviewer or "")},
                event_key=f"actions.goodpractice:{practice.pk}:published",
                link=practice.get_absolute_url(),
                actor=reviewer,
            )
    logger.info("Good practice %s published as number %s", practice.pk, practice.number)
    return practice


def entry_history(action: GuidanceAction) -> list[HistoryEntry]:
    """The entry's saves, newest first, each with what it changed: a fixed number of queries."""
    records = list(
        GuidanceAction.history.filter(id=action.pk)  # type: ignore[attr-defined]
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    return closed_years.describe_history(
        action, describe_records(GuidanceAction, records, label=lambda record: record.title)
    )
