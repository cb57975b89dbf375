"""The coordinator's editor of a region's strategy and action plan."""

from django.urls import URLPattern

app_name = "editor"

urlpatterns: list[URLPattern] = []
