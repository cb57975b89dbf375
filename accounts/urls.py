"""Accepting an invitation (the dashboard, "Omat sivut", is the project's: ``kaselo.views``)."""

from django.urls import URLPattern, path

from accounts import views

app_name = "accounts"

urlpatterns: list[URLPattern] = [
    path("kutsu/<str:token>/", views.AcceptInvitationView.as_view(), name="accept_invitation"),
]
