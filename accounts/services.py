"""Changes to who belongs where: invitations, accepting them, and removing memberships.

Every service runs in one transaction and raises an ``InvitationError`` (or a subclass)
whose message the view shows; nothing is half-saved.
"""

import datetime as dt
import logging

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import login
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import Invitation, User, new_token
from lib.mail import queue_mail
from network.models import Membership, Organisation, Region
from notices import services as notices

logger = logging.getLogger(__name__)

#: The backend a person accepting an invitation is signed in with.
LOGIN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


class InvitationError(Exception):
    """A change to people the portal refuses; ``str(error)`` is the message for the user."""


class OrganisationOutsideRegion(InvitationError):
    def __init__(self) -> None:
        super().__init__(_("Choose one of the region's own organisations."))


class AlreadyMember(InvitationError):
    def __init__(self) -> None:
        super().__init__(_("This person is already a member of the organisation."))


class InvitationPending(InvitationError):
    def __init__(self) -> None:
        super().__init__(
            _("An invitation to this organisation is already waiting for this address.")
        )


class InvitationExpired(InvitationError):
    def __init__(self) -> None:
        super().__init__(_("The invitation has expired. Ask the coordinator for a new one."))


class InvitationAlreadyUsed(InvitationError):
    def __init__(self) -> None:
        super().__init__(_("The invitation has already been used."))


class AccountExists(InvitationError):
    def __init__(self) -> None:
        super().__init__(
            _("An account with this e-mail address already exists. Sign in to accept.")
        )


class WrongAccount(InvitationError):
    def __init__(self) -> None:
        super().__init__(_("The invitation was sent to another e-mail address."))


def check_invitable(organisation: Organisation, region: Region, email: str) -> None:
    """Raise the ``InvitationError`` that forbids inviting ``email`` to ``organisation``.

    The invitation form calls this too, so its errors and the service's are the same.
    """
    if organisation.region_id != region.pk:
        raise OrganisationOutsideRegion
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise AlreadyMember
    if Invitation.objects.pending().filter(organisation=organisation, email__iexact=email).exists():
        raise InvitationPending


@transaction.atomic
def invite_person(
    *,
    region: Region,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by: User,
    base_url: str,
) -> Invitation:
    """Create an invitation and e-mail its link once the transaction has committed.

    ``base_url`` is the portal's address as the coordinator reached it
    (``request.build_absolute_uri("/")``): the link in the e-mail starts with it.
    Returns the new invitation.
    """
    check_invitable(organisation, region, email)
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        organisation=organisation,
        role=role,
        invited_by=invited_by,
        expires_at=timezone.now() + dt.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation_id = invitation.pk
    transaction.on_commit(lambda: queue_invitation_email(invitation_id, base_url))
    logger.info(
        "Invitation %s to %s created by user %s", invitation.pk, organisation.pk, invited_by.pk
    )
    return invitation


@transaction.atomic
def resend_invitation(invitation: Invitation, *, base_url: str) -> Invitation:
    """Give a pending invitation a fresh link, valid for ``INVITATION_VALID_DAYS`` again,
    and mail it once the transaction has committed.

    For a mail that never arrived (a failed send) or a link that expired: the old link
    stops working, so only the newest mail's link is valid. Returns the invitation.
    """
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.is_accepted:
        raise InvitationAlreadyUsed
    locked.token = new_token()
    locked.expires_at = timezone.now() + dt.timedelta(days=settings.INVITATION_VALID_DAYS)
    locked.sent_at = None
    locked.send_failed_at = None
    locked.save(update_fields=["token", "expires_at", "sent_at", "send_failed_at"])
    invitation_id = locked.pk
    transaction.on_commit(lambda: queue_invitation_email(invitation_id, base_url))
    logger.info("Invitation %s renewed and sent again", invitation_id)
    return locked


def queue_invitation_email(invitation_id: int, base_url: str) -> None:
    """Hand the invitation's mail to Celery (``accounts.tasks.send_invitation``).

    A broker that cannot be reached records the send as failed, so the coordinator sees
    it on the people page and can send it again; the invitation itself stays saved.
    """
    from accounts.tasks import send_invitation

    queue_mail(
        send_invitation,
        invitation_id,
        base_url,
        on_failure=lambda: mark_send_failed(invitation_id),
    )


def mark_sent(invitation_id: int) -> None:
    Invitation.objects.filter(pk=invitation_id).update(sent_at=timezone.now(), send_failed_at=None)


def mark_send_failed(invitation_id: int) -> None:
    Invitation.objects.filter(pk=invitation_id, sent_at__isnull=True).update(
        send_failed_at=timezone.now()
    )


def send_invitation_email(invitation: Invitation, base_url: str) -> None:
    """Send the invitation's link, in the portal's default language (Finnish)."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("accounts:accept_invitation", kwargs={"token": invitation.token})
        context = {
            "invitation": invitation,
            "organisation": invitation.organisation,
            "region": invitation.organisation.region,
            "role": invitation.get_role_display(),
            "inviter": invitation.invited_by,
            "accept_url": base_url.rstrip("/") + path,
            "valid_days": settings.INVITATION_VALID_DAYS,
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context)
        message = render_to_string("accounts/email/invitation_message.txt", context)
    send_mail(" ".join(subject.split()), message, None, [invitation.email])


def _lock_open_invitation(invitation: Invitation) -> Invitation:
    """Lock the invitation's row and raise unless it can still be accepted."""
    locked = (
        Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    )
    if locked.is_accepted:
        raise InvitationAlreadyUsed
    if locked.is_expired:
        raise InvitationExpired
    return locked


@transaction.atomic
def accept_invitation(
    invitation: Invitation,
    *,
    request: HttpRequest,
    first_name: str = "",
    last_name: str = "",
    password: str = "",
) -> User:
    """Accept the invitation: the person's account, membership, and signing them in.

    A signed-in person whose address the invitation names only gains the membership.
    Anyone else gets a new account with the invitation's address (the link proved it),
    and is signed in. Returns the user who is now a member.
    """
    invitation = _lock_open_invitation(invitation)
    current = request.user
    if current.is_authenticated:
        if current.email.lower() != invitation.email.lower():
            raise WrongAccount
        user = User.objects.get(pk=current.pk)
    else:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise AccountExists
        user = User.objects.create_user(
            invitation.email, password, first_name=first_name, last_name=last_name
        )
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    if Membership.objects.filter(user=user, organisation=invitation.organisation).exists():
        raise AlreadyMember
    Membership.objects.create(user=user, organisation=invitation.organisation, role=invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    _tell_of_acceptance(invitation, user)
    if not current.is_authenticated:
        login(request, user, backend=LOGIN_BACKEND)
    logger.info("Invitation %s accepted by user %s", invitation.pk, user.pk)
    return user


def _tell_of_acceptance(invitation: Invitation, user: User) -> None:
    """Tell whoever invited the person (else the region's coordinators) that they joined."""
    organisation = invitation.organisation
    inviter = invitation.invited_by
    recipients = (
        [inviter]
        if inviter is not None and inviter.is_active
        else notices.coordinators_of(organisation.region_id)
    )
    notices.notify(
        "invitation_accepted",
        recipients,
        {"person": str(user), "organisation": organisation.name},
        event_key=f"invitation:{invitation.pk}:accepted",
        link=reverse("people:list", kwargs={"region": organisation.region.slug}),
        actor=user,
    )


@transaction.atomic
def revoke_invitation(invitation: Invitation) -> None:
    """Withdraw a pending invitation: its link stops working (the row is deleted)."""
    if invitation.is_accepted:
        raise InvitationAlreadyUsed
    invitation.delete()


@transaction.atomic
def remove_membership(membership: Membership) -> None:
    """Remove a person from an organisation; their account stays."""
    membership.delete()
