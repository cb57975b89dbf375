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
