"""Mail servers that fail, for the tests of mail sent through Celery (``EMAIL_BACKEND``)."""

import smtplib
from collections.abc import Sequence
from typing import Any, ClassVar

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class BrokenMailServer(BaseEmailBackend):
    """A mail server that drops every connection."""

    def send_messages(self, email_messages: Sequence[Any]) -> int:
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class FlakyMailServer(LocmemBackend):
    """Fails the first ``failures`` sends, then delivers to ``mail.outbox``."""

    failures: ClassVar[int] = 0
    attempts: ClassVar[int] = 0

    def send_messages(self, email_messages: Sequence[Any]) -> int:
        FlakyMailServer.attempts += 1
        if FlakyMailServer.failures > 0:
            FlakyMailServer.failures -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(email_messages)


class RefusingMailServer(BaseEmailBackend):
    """A mail server that refuses every recipient for good (a bounce: no such mailbox)."""

    attempts: ClassVar[int] = 0

    def send_messages(self, email_messages: Sequence[Any]) -> int:
        RefusingMailServer.attempts += 1
        refused = {
            address: (550, b"5.1.1 No such mailbox")
            for message in email_messages
            for address in message.recipients()
        }
        raise smtplib.SMTPRecipientsRefused(refused)
