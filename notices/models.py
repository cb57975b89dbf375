"""A notice: something that happened, for one person, listed on Omat sivut and mailed once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeQuerySet(models.QuerySet["Notice"]):
    def latest_for(self, user_id: int, count: int = 10) -> NoticeQuerySet:
        """The person's latest notices, unread first: one query, whatever they have.

        Only the listed columns are read: the mail's context stays in the database.
        """
        return (
            self.filter(recipient_id=user_id)
            .only("kind", "subject", "link", "created_at", "read_at")
            .order_by(models.F("read_at").desc(nulls_first=True), "-created_at", "-pk")[:count]
        )


class Notice(models.Model):
    """One event told to one person: the row is the record that it was, and whether its
    e-mail went.

    ``event_key`` names the event (``report:12:v2:submitted``); the unique (recipient,
    event_key) makes a second notice of the same event to the same person impossible, even
    when two requests race or a task is retried. The mail is sent only by whoever moves
    the row from pending to sending (a conditional update), so it goes at most once.
    """

    class Kind(models.TextChoices):
        REPORT_SUBMITTED = "report_submitted", _("Annual report submitted")
        REPORT_RETURNED = "report_returned", _("Annual report returned")
        REPORT_ACCEPTED = "report_accepted", _("Annual report accepted")
        ENTRY_SUBMITTED = "entry_submitted", _("Entry submitted")
        ENTRY_RETURNED = "entry_returned", _("Entry returned")
        ENTRY_ACCEPTED = "entry_accepted", _("Entry accepted")
        PRACTICE_PROPOSED = "practice_proposed", _("Good practice proposed")
        PRACTICE_PUBLISHED = "practice_published", _("Good practice published")
        PRACTICE_RETURNED = "practice_returned", _("Good practice returned")
        PRACTICE_DECLINED = "practice_declined", _("Good practice declined")
        INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
        PDF_READY = "pdf_ready", _("PDF ready")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        #: The mail server kept failing: handed to the kept mail (``lib.UnsentMail``).
        KEPT = "kept", _("kept to be sent later")
        #: The mail server refused the address for good: logged, never tried again.
        FAILED = "failed", _("refused")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    event_key = models.CharField(_("event"), max_length=200)
    #: The subject in the recipient's language, as listed on Omat sivut.
    subject = models.CharField(_("subject"), max_length=300)
    #: Plain values (names, titles, a comment) the mail is rendered from, in JSON.
    context = models.JSONField(_("context"), default=dict, blank=True)
    #: The page the notice is about: a path of the portal (the mail adds ``SITE_URL``).
    link = models.CharField(_("link"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("e-mail sent"), null=True, blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event_key"], name="notice_once_per_person_and_event"
            ),
        ]
        indexes = [
            # Omat sivut's list, and beat's look for notices left pending.
            models.Index(fields=["recipient", "-created_at"], name="notice_recipient_latest"),
            models.Index(fields=["status", "created_at"], name="notice_status_created"),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
