"""Background work of accounts: e-mailing an invitation's link, with retries."""

from __future__ import annotations

import logging

from celery import shared_task

from accounts import services
from accounts.models import Invitation
from lib.mail import MAIL_ERRORS, gives_up, max_retries, retry_delay
from lib.scoping import scope

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True)
def send_invitation(self, invitation_id: int, base_url: str) -> str:  # type: ignore[no-untyped-def]
    """Mail the invitation's current link; on an SMTP error, try again later with backoff.

    The first failure is recorded at once (``send_failed_at``), so the coordinator sees
    that the mail has not gone out and may resend; a later success clears it. Reads the
    token when sending, so a retry after a resend carries the fresh link.
    """
    # An invitation is named by its id alone; its region is whichever it belongs to.
    with scope(region=None):
        invitation = (
            Invitation.objects.select_related("organisation__region", "invited_by")
            .filter(pk=invitation_id, accepted_at__isnull=True)
            .first()
        )
        if invitation is None:
            logger.info("Invitation %s was withdrawn or accepted before its mail", invitation_id)
            return "missing"
        try:
            services.send_invitation_email(invitation, base_url)
        except MAIL_ERRORS as error:
            services.mark_send_failed(invitation_id)
            if gives_up(self.request):
                logger.exception("Could not send invitation %s; gave up", invitation_id)
                return "failed"
            logger.warning(
                "Could not send invitation %s (try %s); retrying",
                invitation_id,
                self.request.retries + 1,
                exc_info=True,
            )
            raise self.retry(
                exc=error, countdown=retry_delay(self.request.retries), max_retries=max_retries()
            ) from error
        services.mark_sent(invitation_id)
    logger.info("Invitation %s mailed", invitation_id)
    return "sent"
