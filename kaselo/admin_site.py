"""The site administration, signed into through allauth like every other page.

Django's admin has a username-and-password form of its own that knows nothing of allauth's
rate limits or its TOTP step. Here the admin's sign-in page never shows that form: a
visitor is sent to the portal's sign-in (``/tili/login/``), a signed-in person who is not
staff is refused (403), and staff go on to where they were going. Whether staff have
passed TOTP in this session is ``accounts.middleware.RequireMFAMiddleware``'s concern,
as for every privileged person.
"""

import functools
from typing import Any

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from lib.scoping import rendered, scopes_disabled


class PortalAdminSite(admin.AdminSite):
    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        """Send the visitor through allauth; refuse the signed-in who are not staff."""
        index = reverse("admin:index", current_app=self.name)
        next_url = request.GET.get("next") or index
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = index
        if not request.user.is_authenticated:
            return redirect_to_login(next_url, resolve_url("account_login"))
        if not self.has_permission(request):
            raise PermissionDenied(_("The site administration is for administrators only."))
        return redirect(next_url)

    def logout(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        """Sign out through allauth, so its signals and messages apply as everywhere."""
        return redirect("account_logout")

    def admin_view(self, view: Any, cacheable: bool = False) -> Any:
        """Staff see every region's rows: each admin view runs with region scoping off.

        ``AdminSite.admin_view`` lets only active staff through; the template response is
        rendered inside, where the scope is off (see ``lib/scoping.py``).
        """
        checked = super().admin_view(view, cacheable)

        @functools.wraps(checked)
        def unscoped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            with scopes_disabled():
                return rendered(checked(request, *args, **kwargs))

        return unscoped
