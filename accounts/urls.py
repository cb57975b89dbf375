"""People: accepting an invitation, and a region's people management.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import pgettext_lazy

from accounts import views
from lib.urls import route

# Accepting an invitation (the dashboard, "Omat sivut", is the project's: ``kaselo.views``).
invitations: list[URLPattern] = [
    path(
        route(pgettext_lazy("URL", "kutsu/"), "<str:token>/"),
        views.AcceptInvitationView.as_view(),
        name="accept_invitation",
    ),
    # The person's own language, from the form on Omat sivut.
    path(pgettext_lazy("URL", "kieli/"), views.LanguageView.as_view(), name="language"),
]


# The coordinator's people management of a region: invitations and memberships.
people: list[URLPattern] = [
    path("", views.PeopleListView.as_view(), name="list"),
    path(pgettext_lazy("URL", "kutsu/"), views.InviteView.as_view(), name="invite"),
    path(
        route(pgettext_lazy("URL", "jasenyydet/"), "<int:pk>/", pgettext_lazy("URL", "poista/")),
        views.RemoveMembershipView.as_view(),
        name="remove_membership",
    ),
    path(
        route(pgettext_lazy("URL", "kutsut/"), "<int:pk>/", pgettext_lazy("URL", "peru/")),
        views.RevokeInvitationView.as_view(),
        name="revoke_invitation",
    ),
    path(
        route(
            pgettext_lazy("URL", "kutsut/"), "<int:pk>/", pgettext_lazy("URL", "laheta-uudelleen/")
        ),
        views.ResendInvitationView.as_view(),
        name="resend_invitation",
    ),
]


urlpatterns: list[URLResolver] = [
    path(pgettext_lazy("URL", "tili/"), include((invitations, "accounts"))),
    path(route("<slug:region>/", pgettext_lazy("URL", "ihmiset/")), include((people, "people"))),
]
