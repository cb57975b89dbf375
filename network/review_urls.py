"""The coordinator's review queue, under /<region>/arviointi/."""

from django.urls import URLPattern

app_name = "review"

urlpatterns: list[URLPattern] = []
