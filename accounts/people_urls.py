"""The coordinator's people management of a region: invitations and memberships."""

from django.urls import URLPattern, path

from accounts import views

app_name = "people"

urlpatterns: list[URLPattern] = [
    path("", views.PeopleListView.as_view(), name="list"),
    path("kutsu/", views.InviteView.as_view(), name="invite"),
    path(
        "jasenyydet/<int:pk>/poista/",
        views.RemoveMembershipView.as_view(),
        name="remove_membership",
    ),
    path("kutsut/<int:pk>/peru/", views.RevokeInvitationView.as_view(), name="revoke_invitation"),
]
