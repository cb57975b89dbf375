"""People: accepting an invitation, and a region's people management.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path

from accounts import views

# Accepting an invitation (the dashboard, "Omat sivut", is the project's: ``kaselo.views``).
invitations: list[URLPattern] = [
    path("kutsu/<str:token>/", views.AcceptInvitationView.as_view(), name="accept_invitation"),
    # The person's own language, from the form on Omat sivut.
    path("kieli/", views.LanguageView.as_view(), name="language"),
]


# The coordinator's people management of a region: invitations and memberships.
people: list[URLPattern] = [
    path("", views.PeopleListView.as_view(), name="list"),
    path("kutsu/", views.InviteView.as_view(), name="invite"),
    path(
        "jasenyydet/<int:pk>/poista/",
        views.RemoveMembershipView.as_view(),
        name="remove_membership",
    ),
    path("kutsut/<int:pk>/peru/", views.RevokeInvitationView.as_view(), name="revoke_invitation"),
    path(
        "kutsut/<int:pk>/laheta-uudelleen/",
        views.ResendInvitationView.as_view(),
        name="resend_invitation",
    ),
]


urlpatterns: list[URLResolver] = [
    path("tili/", include((invitations, "accounts"))),
    path("<slug:region>/ihmiset/", include((people, "people"))),
]
