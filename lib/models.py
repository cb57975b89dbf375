"""The one table of the helpers, known to no app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmittedForm(models.Model):
    """A create form that was processed: its token is claimed in the transaction that saves.

    The unique token makes a second identical POST (a double click, a resent form) wait for
    the first and then find its row, so it redirects to what the first created instead of
    creating it again. Old rows carry no meaning and can be deleted at any time.
    """

    token = models.UUIDField(_("token"), unique=True)
    result_url = models.CharField(_("result"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("submitted form")
        verbose_name_plural = _("submitted forms")

    def __str__(self) -> str:
        return str(self.token)


class UnsentMail(models.Model):
    """A notice whose Celery task could not be queued (the broker was unreachable).

    Kept so the notice is not lost: ``lib.tasks.send_unsent_mail`` (beat) sends it once
    the broker and the mail server answer, and gives up after ``MAIL_MAX_RETRIES`` tries.
    """

    template = models.CharField(_("kind"), max_length=100)
    subject = models.CharField(_("subject"), max_length=300)
    message = models.TextField(_("message"))
    recipients = models.JSONField(_("recipients"), default=list)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("unsent e-mail")
        verbose_name_plural = _("unsent e-mails")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.subject
