"""Imports and exports of a region's data, under /<region>/tiedonsiirto/."""

from django.urls import URLPattern

app_name = "transfer"

urlpatterns: list[URLPattern] = []
