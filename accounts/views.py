"""Accepting an invitation, and people management.

Views are thin: they check access through ``lib.access``, call a service of
``accounts.services`` and answer; a service's ``InvitationError`` becomes a message.
"""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts import services
from accounts.forms import AcceptInvitationForm, InvitationForm, LanguageForm
from accounts.models import Invitation, User
from lib.access import PermissionMixin
from lib.concurrency import OnceOnlyCreateMixin
from lib.scoping import render_in_scope, scope
from network.models import Membership, Organisation, Region


class RegionPeopleMixin(PermissionMixin):
    """People management of the URL's region: only its coordinator (or a site admin).

    A visitor is sent to sign in before the region is even looked up.
    """

    permission_required = "network.manage_people"
    region: Region

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.region = get_object_or_404(Region, slug=kwargs["region"])
        # Every query of the view and its template sees this region's rows only.
        return render_in_scope(
            self.region.pk,
            lambda: super(RegionPeopleMixin, self).dispatch(request, *args, **kwargs),
        )

    def get_permission_object(self) -> Region:
        return self.region

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(region=self.region, nav_section="", nav_current="page")
        return context


class PeopleListView(RegionPeopleMixin, TemplateView):
    """The region's organisations with their members, and the invitations waiting."""

    template_name = "accounts/people/list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Three queries: organisations, their memberships with users, pending invitations.
        organisations: QuerySet[Organisation] = (
            Organisation.objects.for_region(self.region)
            .filter(memberships__isnull=False)
            .distinct()
            .prefetch_related(
                Prefetch(
                    "memberships",
                    queryset=Membership.objects.select_related("user").order_by("user__email"),
                )
            )
        )
        context.update(
            organisations=organisations,
            invitations=Invitation.objects.pending()
            .filter(organisation__region=self.region)
            .select_related("organisation", "invited_by")
            .order_by("email"),
        )
        return context


class InviteView(OnceOnlyCreateMixin, RegionPeopleMixin, FormView):
    """The coordinator invites an e-mail address to one of the region's organisations."""

    template_name = "accounts/people/invite.html"
    form_class = InvitationForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "region": self.region}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "valid_days": settings.INVITATION_VALID_DAYS}

    def form_valid(self, form: InvitationForm) -> HttpResponse:
        try:
            invitation = services.invite_person(
                region=self.region,
                organisation=form.cleaned_data["organisation"],
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=self.request.user,  # type: ignore[arg-type]
                base_url=self.request.build_absolute_uri("/"),
            )
        except services.InvitationError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        # After the commit of the once-only save around this, and after the mail that the
        # invitation queued on that commit: only then is it known how the mail went.
        transaction.on_commit(lambda: tell_how_the_mail_went(self.request, invitation))
        return redirect("people:list", region=self.region.slug)


def tell_how_the_mail_went(request: HttpRequest, invitation: Invitation) -> None:
    """Say whether the invitation's mail went out, is on its way, or failed.

    The mail is queued after the commit; in-process (development) it has been tried by
    now, through a worker it usually has not. Either way the invitation is saved.
    """
    invitation.refresh_from_db(fields=["sent_at", "send_failed_at"])
    values = {"email": invitation.email}
    if invitation.send_failed:
        messages.warning(
            request,
            _(
                "The invitation to %(email)s is saved, but its e-mail could not be sent. "
                "Send it again from the list below."
            )
            % values,
        )
    elif invitation.sent_at:
        messages.success(request, _("An invitation was sent to %(email)s.") % values)
    else:
        messages.success(
            request,
            _("The invitation to %(email)s is saved and its e-mail is on its way.") % values,
        )


class ResendInvitationView(RegionPeopleMixin, View):
    """A button on the people page: a pending invitation gets a fresh link, mailed again."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        invitation = get_object_or_404(
            Invitation.objects.select_related("organisation"),
            pk=self.kwargs["pk"],
            organisation__region=self.region,
            accepted_at__isnull=True,
        )
        try:
            invitation = services.resend_invitation(
                invitation, base_url=request.build_absolute_uri("/")
            )
        except services.InvitationError as error:
            messages.error(request, str(error))
        else:
            tell_how_the_mail_went(request, invitation)
        return redirect("people:list", region=self.region.slug)


class RemoveMembershipView(RegionPeopleMixin, TemplateView):
    """Confirm on GET, remove on POST: a person from one of the region's organisations."""

    template_name = "accounts/people/confirm_remove.html"

    def get_membership(self) -> Membership:
        return get_object_or_404(
            Membership.objects.select_related("user", "organisation"),
            pk=self.kwargs["pk"],
            organisation__region=self.region,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "membership": self.get_membership()}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        membership = self.get_membership()
        services.remove_membership(membership)
        messages.success(
            request,
            _("%(person)s was removed from %(organisation)s.")
            % {"person": membership.user.email, "organisation": membership.organisation},
        )
        return redirect("people:list", region=self.region.slug)


class RevokeInvitationView(RegionPeopleMixin, TemplateView):
    """Confirm on GET, withdraw on POST: a pending invitation to the region."""

    template_name = "accounts/people/confirm_revoke.html"

    def get_invitation(self) -> Invitation:
        return get_object_or_404(
            Invitation.objects.select_related("organisation"),
            pk=self.kwargs["pk"],
            organisation__region=self.region,
            accepted_at__isnull=True,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "invitation": self.get_invitation()}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        invitation = self.get_invitation()
        services.revoke_invitation(invitation)
        messages.success(
            request,
            _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email},
        )
        return redirect("people:list", region=self.region.slug)


class AcceptInvitationView(View):
    """Accept an invitation: a new person creates the account, a signed-in one clicks once.

    An unknown (or withdrawn) token answers 404; an expired or used one 410. Both show
    a page that says what to do.
    """

    invitation: Invitation

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # An invitation is named by its secret token alone, so it is looked up in every
        # region; the rest of the request stays in the invitation's region.
        with scope(region=None):
            invitation = (
                Invitation.objects.select_related("organisation__region")
                .filter(token=kwargs["token"])
                .first()
            )
        if invitation is None:
            return self.refuse(_("The invitation was not found. It may have been withdrawn."), 404)
        self.invitation = invitation
        if self.invitation.is_accepted:
            return self.refuse(str(services.InvitationAlreadyUsed()), 410)
        if self.invitation.is_expired:
            return self.refuse(str(services.InvitationExpired()), 410)
        return render_in_scope(
            invitation.organisation.region_id,
            lambda: super(AcceptInvitationView, self).dispatch(request, *args, **kwargs),
        )

    def refuse(self, message: str, status: int) -> HttpResponse:
        return render(
            self.request,
            "accounts/invitation_invalid.html",
            {"message": message},
            status=status,
        )

    def situation(self) -> str:
        """How this request can accept: ``new``, ``member``, ``sign_in`` or ``wrong_account``."""
        user = self.request.user
        email = self.invitation.email
        if user.is_authenticated:
            return "member" if user.email.lower() == email.lower() else "wrong_account"
        if User.objects.filter(email__iexact=email).exists():
            return "sign_in"
        return "new"

    def answer(self, form: AcceptInvitationForm | None, situation: str) -> HttpResponse:
        login_url = reverse("account_login") + "?next=" + self.request.path
        return render(
            self.request,
            "accounts/accept_invitation.html",
            {
                "invitation": self.invitation,
                "region": self.invitation.organisation.region,
                "form": form,
                "situation": situation,
                "login_url": login_url,
            },
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        situation = self.situation()
        form = AcceptInvitationForm(invitation=self.invitation) if situation == "new" else None
        return self.answer(form, situation)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        situation = self.situation()
        form = None
        data: dict[str, str] = {}
        if situation == "new":
            form = AcceptInvitationForm(request.POST, invitation=self.invitation)
            if not form.is_valid():
                return self.answer(form, situation)
            data = {
                "first_name": form.cleaned_data["first_name"],
                "last_name": form.cleaned_data["last_name"],
                "password": form.cleaned_data["password1"],
            }
        elif situation != "member":
            return self.answer(None, situation)
        try:
            services.accept_invitation(self.invitation, request=request, **data)
        except services.InvitationError as error:
            messages.error(request, str(error))
            return self.answer(form, self.situation())
        messages.success(
            request,
            _("Welcome! You are now a member of %(organisation)s.")
            % {"organisation": self.invitation.organisation},
        )
        return redirect("dashboard")


class LanguageView(LoginRequiredMixin, View):
    """Save the person's language (the form is on Omat sivut) and show the site in it.

    Saving the same choice twice changes nothing; a choice the site does not offer is
    refused with a message and nothing is saved.
    """

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = User.objects.get(pk=request.user.pk or 0)  # signed in
        form = LanguageForm(request.POST, instance=user)
        if not form.is_valid():
            messages.error(request, _("Choose one of the languages offered."))
            return redirect("dashboard")
        form.save()
        language = form.cleaned_data["language"]
        with translation.override(language):
            messages.success(request, _("Your language has been saved."))
            response = redirect(reverse("dashboard"))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
        return response
