"""Mail sent by Celery tasks: which errors are worth another try, how long to wait, and
queuing that never turns a saved change into an error page.

The tasks themselves live with their app (``accounts/tasks.py``, ``portal/tasks.py``);
what they share is here, below every app.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)

#: A mail server that refuses, drops or times out: worth another try later. ``OSError``
#: covers a refused connection, a timeout and a failed name lookup.
MAIL_ERRORS: tuple[type[Exception], ...] = (smtplib.SMTPException, OSError)


def max_retries() -> int:
    return int(getattr(settings, "MAIL_MAX_RETRIES", 6))


def retry_delay(retries: int) -> int:
    """Seconds before the next try: doubling from ``MAIL_RETRY_DELAY``, at most an hour."""
    first = int(getattr(settings, "MAIL_RETRY_DELAY", 30))
    return int(min(first * 2**retries, 3600))


def gives_up(request: Any) -> bool:
    """Whether a failed send is final: retries used up, or run in-process.

    In development (``CELERY_TASK_ALWAYS_EAGER``) a retry would run at once inside the
    request and then raise: the failure is recorded instead, and the person may resend.
    """
    return bool(request.is_eager) or request.retries >= max_retries()


def queue_mail(task: Any, *args: Any, on_failure: Callable[[], None] | None = None) -> bool:
    """Queue ``task`` with ``args``; return whether it was queued (or, in-process, ran).

    Called after the change has committed: a broker that cannot be reached (or any other
    error) is logged and reported to ``on_failure``, never raised into the request.
    """
    try:
        task.delay(*args)
    except Exception:
        logger.exception("Could not queue the mail task %s", task.name)
        if on_failure is not None:
            try:
                on_failure()
            except Exception:
                logger.exception("Could not record the failure of %s", task.name)
        return False
    return True


def keep_unsent(template: str, subject: str, message: str, recipients: list[str]) -> None:
    """Keep a notice whose task could not be queued, for ``lib.tasks.send_unsent_mail``."""
    from lib.models import UnsentMail

    UnsentMail.objects.create(
        template=template, subject=subject, message=message, recipients=recipients
    )
    logger.warning("Kept %s for %d recipients to send later", template, len(recipients))
