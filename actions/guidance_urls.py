"""Guidance actions logged by member organisations, under /<region>/ohjaustoimenpiteet/."""

from django.urls import URLPattern

app_name = "guidance"

urlpatterns: list[URLPattern] = []
