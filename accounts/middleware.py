"""What every signed-in request passes: the TOTP requirement, session time-outs, no caching.

Each middleware here answers one question for the whole portal, so no view has to
remember it: must this person prove a second factor first; has their session been idle
or alive too long; may a browser or proxy keep a copy of this answer.
"""

import time
from collections.abc import Callable

from allauth.account.authentication import get_authentication_records
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from portal.rules import roles_of

#: Session keys of the time-outs: when the person signed in, when last seen, which limit.
SIGNED_IN_AT = "portal_signed_in_at"
LAST_SEEN_AT = "portal_last_seen_at"
IDLE_TIMEOUT = "portal_idle_timeout"
#: The last-seen time is written at most this often (seconds): a session write a minute.
LAST_SEEN_RESOLUTION = 60


def is_privileged(user: object) -> bool:
    """Coordinators, the national team and site staff: they must use TOTP, and time out sooner.

    A coordinator's role is read from ``roles_of``, cached on the user for the request.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return True
    if getattr(user, "is_national_team", False):
        return True
    return bool(roles_of(user).coordinated_region_ids)


def session_passed_mfa(request: HttpRequest) -> bool:
    """Whether this session's sign-in included a second factor (allauth records each step)."""
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)  # type: ignore[arg-type]
    )


class RequireMFAMiddleware:
    """Send a privileged person to TOTP before anything else, when the setting asks for it.

    Three states: no TOTP yet (sent to set it up, or first to verify the e-mail address
    allauth requires before set-up); TOTP set up but this session signed in without it, as
    a session opened before set-up would be (sent to enter a code); TOTP passed in this
    session (let through). Only the pages needed to comply stay open: the MFA pages,
    e-mail verification, re-entering the password and signing out.
    """

    open_url_names = frozenset(
        {
            "account_logout",
            "account_reauthenticate",
            "account_email",
            "account_confirm_email",
            "account_email_verification_sent",
        }
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.MFA_REQUIRED_FOR_PRIVILEGED and not self._is_open(request):
            refusal = self._refusal(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    def _is_open(self, request: HttpRequest) -> bool:
        if not request.user.is_authenticated:
            return True
        try:
            url_name = resolve(request.path_info).url_name or ""
        except Resolver404:
            return True
        return url_name in self.open_url_names or url_name.startswith("mfa_")

    def _refusal(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if not is_privileged(user) or session_passed_mfa(request):
            return None
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return redirect_to_login(request.get_full_path(), resolve_url("mfa_reauthenticate"))
        if EmailAddress.objects.filter(user=user, verified=False).exists():
            messages.warning(
                request,
                _(
                    "Verify your e-mail address first: two-factor authentication can be set "
                    "up once the address is verified. Send the verification message below."
                ),
            )
            return redirect("account_email")
        return redirect("mfa_activate_totp")


class SessionTimeoutMiddleware:
    """Sign out a session idle too long, or alive longer than its absolute lifetime.

    The idle limit is chosen at sign-in (``SESSION_IDLE_TIMEOUT_PRIVILEGED`` for
    coordinators, the national team and staff, ``SESSION_IDLE_TIMEOUT`` for others) and
    kept in the session, so a request costs no query for it. The last-seen time is written
    at most once a minute: a session write per request would cost every page a database
    write (sessions are ``cached_db``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            expired = self._expired(request, time.time())
            if expired is not None:
                return expired
        return self.get_response(request)

    def _expired(self, request: HttpRequest, now: float) -> HttpResponse | None:
        session = request.session
        if SIGNED_IN_AT not in session:
            start_session_clock(request, request.user, now)
            return None
        idle_limit = session.get(IDLE_TIMEOUT, settings.SESSION_IDLE_TIMEOUT)
        idle = now - session.get(LAST_SEEN_AT, now)
        alive = now - session[SIGNED_IN_AT]
        if idle > idle_limit or alive > settings.SESSION_ABSOLUTE_LIFETIME:
            logout(request)
            messages.info(
                request, _("Your session ended because it was unused for a while. Sign in again.")
            )
            response = redirect_to_login(request.get_full_path(), resolve_url("account_login"))
            if request.headers.get("HX-Request"):
                # htmx would swap the sign-in page into a fragment: send the whole page there.
                response["HX-Redirect"] = response["Location"]
            return response
        if now - session.get(LAST_SEEN_AT, 0) >= LAST_SEEN_RESOLUTION:
            session[LAST_SEEN_AT] = now
        return None


def start_session_clock(request: HttpRequest, user: object, now: float | None = None) -> None:
    """Stamp a session at sign-in: its start, its last use and its idle limit."""
    now = time.time() if now is None else now
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN_AT] = now
    request.session[IDLE_TIMEOUT] = (
        settings.SESSION_IDLE_TIMEOUT_PRIVILEGED
        if is_privileged(user)
        else settings.SESSION_IDLE_TIMEOUT
    )


class PrivateResponseMiddleware:
    """Keep every answer to a signed-in person out of shared and browser caches.

    A signed-in page holds what only that person may read (drafts, the review queue,
    exports, attachments, PDFs); ``private, no-store`` keeps a proxy from serving it to
    the next person and the browser from keeping it on a shared computer.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.headers.pop("Cache-Control", None)
            patch_cache_control(response, private=True, no_store=True)
        return response
