"""allauth adapter: nobody signs up on their own; refused sign-ins are logged."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from accounts.signals import log_event


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Log a sign-in refused by the rate limit (the lock-out) before refusing it."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            log_event("sign-in locked out", credentials.get("email", ""), request)
            raise
