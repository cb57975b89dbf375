"""Receivers of sign-in events: the security log, the session clock, a fresh TOTP set-up.

Each authentication event is logged as one line on the ``accounts.security`` logger, with
the account and the client's address (as allauth reads it, trusting only
``ALLAUTH_TRUSTED_PROXY_COUNT`` proxies), so failed and refused sign-ins can be followed
without tracebacks.
"""

import logging
from typing import Any

from allauth.account.adapter import get_adapter
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest

from accounts.middleware import start_session_clock

security_log = logging.getLogger("accounts.security")


def client_address(request: HttpRequest | None) -> str:
    """The client's address, or "-" when the request has none (a management command)."""
    if request is None:
        return "-"
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "-"


def log_event(event: str, account: str, request: HttpRequest | None) -> None:
    security_log.info("%s account=%s ip=%s", event, account or "-", client_address(request))


@receiver(auth_signals.user_logged_in, dispatch_uid="portal-signed-in")
def signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        start_session_clock(request, user)
    log_event("sign-in succeeded", user.email, request)


@receiver(auth_signals.user_login_failed, dispatch_uid="portal-sign-in-failed")
def sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    account = credentials.get("email") or credentials.get("username") or ""
    log_event("sign-in failed", account, request)


@receiver(auth_signals.user_logged_out, dispatch_uid="portal-signed-out")
def signed_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    log_event("signed out", getattr(user, "email", ""), request)


@receiver(mfa_signals.authentication_failed, dispatch_uid="portal-mfa-failed")
def second_factor_failed(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    log_event("two-factor code refused", user.email, request)


@receiver(mfa_signals.authenticator_added, dispatch_uid="portal-mfa-added")
def second_factor_added(
    sender: Any, request: HttpRequest, user: Any, authenticator: Any, **kwargs: Any
) -> None:
    """Count a TOTP set-up as this session's second factor: the person just entered a code.

    Without this, a coordinator who set up TOTP would be asked for a code again at once.
    The record is the one allauth writes when a code is entered at sign-in.
    """
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    log_event("two-factor authenticator added", user.email, request)


@receiver(mfa_signals.authenticator_removed, dispatch_uid="portal-mfa-removed")
def second_factor_removed(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    log_event("two-factor authenticator removed", user.email, request)
