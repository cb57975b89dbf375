"""Forms of people management: inviting a person and accepting an invitation."""

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.functional import lazy
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from accounts.models import Invitation, User
from accounts.services import InvitationError, check_invitable
from lib.bounds import BoundedFormMixin
from lib.concurrency import OnceOnlyFormMixin
from network.models import Membership, Organisation, Region


class InvitationForm(BoundedFormMixin, OnceOnlyFormMixin, forms.Form):
    """The coordinator's invitation: an address, one of the region's organisations, a role."""

    email = forms.EmailField(
        label=_("E-mail address"),
        error_messages={"invalid": _("Enter a valid e-mail address, e.g. nimi@esimerkki.fi.")},
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        error_messages={
            "invalid_choice": _("Choose one of the region's own organisations."),
        },
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.EDITOR,
        widget=forms.RadioSelect,
        help_text=_(
            "An editor updates the organisation's profile, actions and events; "
            "a viewer only reads the network's private pages."
        ),
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.region = region
        # Only the region's organisations are offered; any other id is an invalid choice.
        self.fields["organisation"].queryset = Organisation.objects.for_region(region).active()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        organisation = cleaned.get("organisation")
        email = cleaned.get("email")
        if organisation and email:
            try:
                check_invitable(organisation, self.region, email)
            except InvitationError as error:
                self.add_error("email", str(error))
        return cleaned


class AcceptInvitationForm(BoundedFormMixin, forms.Form):
    """A new person's name and password; the e-mail address comes from the invitation."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput({"autocomplete": "new-password"}),
        # Lazy, so the help is in the language of the request, not of the import.
        help_text=lazy(password_validation.password_validators_help_text_html, str, SafeString)(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput({"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, invitation: Invitation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            # Validated against the person to be, so a password like their name is refused.
            person = User(
                email=self.invitation.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LanguageForm(BoundedFormMixin, forms.ModelForm):
    """The person's language: of the e-mails and notices the portal sends them."""

    class Meta:
        model = User
        fields = ["language"]
