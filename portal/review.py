"""The review workflow shared by what member organisations log: draft → submitted → accepted.

An organisation's editor drafts an entry and submits it; the region's coordinator accepts it
or returns it with a comment, and the editor may then change and resubmit it. Only
accepted entries are public. The transitions live in ``portal.review_services``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for changes")


class ReviewableQuerySet(models.QuerySet):
    def published(self) -> "ReviewableQuerySet":
        """What the public sees: accepted entries only."""
        return self.filter(review_status=ReviewStatus.ACCEPTED)

    def awaiting_review(self) -> "ReviewableQuerySet":
        return self.filter(review_status=ReviewStatus.SUBMITTED)


class Reviewable(models.Model):
    """Fields of an entry that goes through the coordinator's review."""

    review_status = models.CharField(
        _("review status"),
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.DRAFT,
        db_index=True,
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return self.review_status == ReviewStatus.ACCEPTED
