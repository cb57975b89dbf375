"""Require TOTP two-factor sign-in of coordinators and the national team, when set so."""

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from accounts.rules import roles_of


class RequireMFAMiddleware:
    """Send a privileged person without TOTP to its set-up page before anything else.

    Only the MFA pages, signing out and re-entering the password stay open, so the person
    can comply: allauth asks for the password again before activating TOTP.
    """

    open_url_names = frozenset({"account_logout", "account_reauthenticate"})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.MFA_REQUIRED_FOR_PRIVILEGED and self._must_set_up(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up(self, request: HttpRequest) -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        if not (user.is_national_team or roles_of(user).coordinated_region_ids):
            return False
        try:
            url_name = resolve(request.path_info).url_name or ""
        except Resolver404:
            return False
        if url_name in self.open_url_names or url_name.startswith("mfa_"):
            return False
        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
