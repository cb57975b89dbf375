"""People who sign in: identified by e-mail, since they join by an e-mailed invitation."""

import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.scoping import RegionScopedManager
from network.models import Membership


def new_token() -> str:
    """A URL-safe secret for an invitation link."""
    return secrets.token_urlsafe(32)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields: Any) -> "User":
        if not email:
            raise ValueError("A user needs an e-mail address.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class User(AbstractUser):
    """A person with an account. The e-mail address is the login; there is no username."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    is_national_team = models.BooleanField(
        _("national team"),
        default=False,
        help_text=_("Reads every region's reports and downloads them."),
    )
    # The language of the person's e-mails and notices (``notices.services.language_of``).
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="fi",
        help_text=_("The language of the e-mails the portal sends you."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self) -> "InvitationQuerySet":
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An e-mailed invitation to join an organisation of a region with a role.

    There is no open sign-up: accepting an invitation is the only way to get an account.
    The token is single-use and expires after ``INVITATION_VALID_DAYS``.
    """

    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Membership.Role.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    # The mail goes out from a Celery task after the commit: these say whether it has, so
    # the coordinator sees a failed send and can send the invitation again.
    sent_at = models.DateTimeField(_("e-mail sent"), null=True, blank=True)
    send_failed_at = models.DateTimeField(_("e-mail failed"), null=True, blank=True)

    objects = RegionScopedManager.from_queryset(InvitationQuerySet)("organisation__region")

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="invitation_expires_after_creation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.organisation}"

    @property
    def owning_region_id(self) -> int:
        return self.organisation.region_id

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def send_failed(self) -> bool:
        """The last try to mail the link failed and no later one has succeeded."""
        return self.sent_at is None and self.send_failed_at is not None
