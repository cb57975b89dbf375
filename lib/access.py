"""How views apply the permission layer (portal.rules): 404 for outsiders, 403 for the weak.

A visitor is sent to sign in; a signed-in person with no role in the object's region or
organisation gets 404, so private objects of others stay invisible; a person who belongs
there but whose role is too weak gets 403.
"""

from typing import Any

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponseBase
from django.utils.translation import gettext as _


def check_permission(request: HttpRequest, permission: str, obj: Model | None) -> None:
    """Raise Http404 or PermissionDenied unless the signed-in user holds ``permission``."""
    user = request.user
    if user.has_perm(permission, obj):
        return
    if not user.has_perm("portal.is_insider", obj):
        raise Http404(_("Page not found."))
    raise PermissionDenied(_("Your role does not allow this."))


class PermissionMixin(AccessMixin):
    """Class-based views declare ``permission_required`` and the object it applies to."""

    permission_required: str = ""

    def get_permission_object(self) -> Model | None:
        raise NotImplementedError

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        check_permission(request, self.permission_required, self.get_permission_object())
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
