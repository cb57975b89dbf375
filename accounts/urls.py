"""A signed-in person's own pages: the dashboard and accepting an invitation."""

from django.urls import URLPattern, path

from accounts import views

app_name = "accounts"

urlpatterns: list[URLPattern] = [
    path("oma/", views.DashboardView.as_view(), name="dashboard"),
    path("kutsu/<str:token>/", views.AcceptInvitationView.as_view(), name="accept_invitation"),
]
