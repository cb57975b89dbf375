"""Telling people what happened: ``notify`` inside the writer's transaction, the mail after.

``notify`` creates one ``Notice`` a recipient in the transaction of the change it tells
of, so a rolled-back change tells no one, and queues one Celery task a notice once the
transaction commits. The task (``notices.tasks.send_notice_mail``) renders the mail in the
recipient's language and sends it through ``deliver``, which claims the row first: the
mail goes at most once, whoever (a retried task, beat's sweep of notices left pending
while the broker was away) tries to send it.
"""

from __future__ import annotations

import json
import logging
import smtplib
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import timezone, translation

from lib.mail import keep_unsent, queue_mail
from lib.translation import resolve_languages
from notices.models import Notice

logger = logging.getLogger(__name__)


def language_of(user: Any) -> str:
    """The recipient's language: their preference where the site offers it, else Finnish."""
    language = getattr(user, "language", "") or ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _translated(path: str, language: str) -> str:
    """``path`` in ``language``, read in the language its own prefix names (``/sv/...``),
    else the default one, whatever language is active."""
    with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
        return translate_url(path, language)


def link_in(link: str, language: str) -> str:
    """The notice's page in ``language`` (``/sv/...`` for Swedish): the stored path is
    the default language's, whatever language the request that made it was in."""
    return _translated(link, language) if link.startswith("/") else link


def site_link(link: str, language: str) -> str:
    """The link of a mail: ``SITE_URL`` and the notice's page in the recipient's language."""
    path = link_in(link, language)
    return settings.SITE_URL + path if path.startswith("/") else path


def _path(link: str) -> str:
    """A portal path from a path or an absolute URL, in the default language (the
    request's own host is not kept: the mail names ``SITE_URL``, the one address of the
    site)."""
    parts = urlsplit(link)
    if not parts.path:
        return ""
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return _translated(parts.path + query + fragment, settings.LANGUAGE_CODE)


# --- Whom to tell ---------------------------------------------------------------------------


def _people() -> QuerySet[Any]:
    """Active people with an address: users are not region-scoped, roles are reached by
    joins, so these queries need no region scope."""
    return get_user_model().objects.filter(is_active=True).exclude(email="")


def coordinators_of(region_id: int | None) -> QuerySet[Any]:
    if region_id is None:  # a filter on None would match everyone without the role
        return _people().none()
    return _people().filter(coordinatorships__region_id=region_id).distinct()


def editors_of(organisation_ids: Iterable[int]) -> QuerySet[Any]:
    return (
        _people()
        .filter(memberships__organisation_id__in=list(organisation_ids), memberships__role="editor")
        .distinct()
    )


def national_team() -> QuerySet[Any]:
    return _people().filter(is_national_team=True)


def people_with_ids(user_ids: Iterable[int]) -> QuerySet[Any]:
    return _people().filter(pk__in=list(user_ids))


# --- Creating notices -----------------------------------------------------------------------


def _render(kind: str, part: str, context: dict[str, Any], language: str) -> str:
    with translation.override(language):
        return render_to_string(
            f"notices/email/{kind}_{part}.txt", resolve_languages(context, language)
        )


def subject_of(kind: str, context: dict[str, Any], language: str) -> str:
    """The notice's subject in ``language``, on one line."""
    return " ".join(_render(kind, "subject", context, language).split())[:300]


def notify(
    kind: str,
    recipients: Iterable[Any],
    context: dict[str, Any],
    event_key: str,
    link: str = "",
    actor: Any = None,
) -> list[Notice]:
    """Tell ``recipients`` (users) of an event; returns the notices created now.

    Call it inside the writer's transaction. The person who acted (``actor``) is not
    told of their own act. A recipient already told of ``event_key`` is skipped: the
    unique (recipient, event_key) answers in a savepoint, so two requests telling of one
    event at once create one notice (the second waits for the first to commit). Each new
    notice's mail is queued after the commit; with the broker away it stays pending and
    ``notices.tasks.send_pending_notices`` sends it later.
    """
    # Plain JSON values only: the task renders the mail from the row, not from objects.
    plain = json.loads(json.dumps(context, cls=DjangoJSONEncoder))
    path = _path(link)
    actor_id = getattr(actor, "pk", None)
    created = []
    for person in {person.pk: person for person in recipients}.values():
        if person.pk == actor_id or not person.email or not person.is_active:
            continue
        try:
            with transaction.atomic():
                notice = Notice.objects.create(
                    recipient=person,
                    kind=kind,
                    event_key=event_key,
                    subject=subject_of(kind, plain, language_of(person)),
                    context=plain,
                    link=path,
                )
        except IntegrityError:
            logger.info("%s was already told of %s", person.pk, event_key)
            continue
        created.append(notice)
    if created:
        ids = [notice.pk for notice in created]
        transaction.on_commit(lambda: queue_notices(ids))
    return created


def queue_notices(notice_ids: list[int]) -> None:
    """Queue one mail task a notice; a broker that cannot be reached leaves them pending."""
    from notices.tasks import send_notice_mail

    for notice_id in notice_ids:
        if not queue_mail(send_notice_mail, notice_id):
            logger.warning("Notice %s left pending for beat to send", notice_id)


# --- Sending --------------------------------------------------------------------------------


def claim(notice_id: int) -> bool:
    """Move the notice from pending to sending; only the one who moved it sends it."""
    return bool(
        Notice.objects.filter(pk=notice_id, status=Notice.Status.PENDING).update(
            status=Notice.Status.SENDING, attempts=F("attempts") + 1
        )
    )


def render_mail(notice: Notice) -> tuple[str, str]:
    """The subject and body in the recipient's language, as they are now."""
    language = language_of(notice.recipient)
    context = {**notice.context, "url": site_link(notice.link, language) if notice.link else ""}
    context["recipient_name"] = notice.recipient.get_full_name()
    return subject_of(notice.kind, context, language), _render(
        notice.kind, "message", context, language
    )


class Deferred(Exception):
    """The mail server failed for now; the notice is pending again."""


def deliver(notice_id: int, *, last_try: bool) -> str:
    """Send the notice's mail once; return what became of it.

    "taken": someone else sent or is sending it (or it is gone). "sent". "refused": the
    server refused the address for good (a bounce): logged and marked, never tried again.
    Any other mail error puts the notice back to pending and raises ``Deferred``, unless it
    is the ``last_try``: then the rendered mail is handed to the kept mail
    (``lib.tasks.send_unsent_mail``), which tries it a few more times and gives up.
    """
    if not claim(notice_id):
        return "taken"
    notice = Notice.objects.select_related("recipient").get(pk=notice_id)
    subject, message = render_mail(notice)
    try:
        send_mail(subject, message, None, [notice.recipient.email])
    except smtplib.SMTPRecipientsRefused:
        logger.error(
            "The mail server refused the address of notice %s (%s); not trying again",
            notice_id,
            notice.kind,
        )
        Notice.objects.filter(pk=notice_id).update(status=Notice.Status.FAILED)
        return "refused"
    except (smtplib.SMTPException, OSError) as error:
        if last_try:
            keep_unsent(notice.kind, subject, message, [notice.recipient.email])
            Notice.objects.filter(pk=notice_id).update(status=Notice.Status.KEPT)
            return "kept"
        Notice.objects.filter(pk=notice_id).update(status=Notice.Status.PENDING)
        raise Deferred(str(error)) from error
    Notice.objects.filter(pk=notice_id).update(status=Notice.Status.SENT, sent_at=timezone.now())
    logger.info("Sent notice %s (%s)", notice_id, notice.kind)
    return "sent"


def localized(rows: Iterable[Notice]) -> list[Notice]:
    """The notices, each with ``url``: its page in the language of the page listing it."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    listed = list(rows)
    for notice in listed:
        notice.url = link_in(notice.link, language) if notice.link else ""  # type: ignore[attr-defined]
    return listed


def mark_all_read(user_id: int) -> int:
    """Mark the person's unread notices read; returns how many. Safe to repeat."""
    return Notice.objects.filter(recipient_id=user_id, read_at__isnull=True).update(
        read_at=timezone.now()
    )
