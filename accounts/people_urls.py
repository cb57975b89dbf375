"""The coordinator's people management of a region: invitations and memberships."""

from django.urls import URLPattern

app_name = "people"

urlpatterns: list[URLPattern] = []
