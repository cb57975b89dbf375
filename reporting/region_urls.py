"""A region's annual reports, under /<region>/raportit/."""

from django.urls import URLPattern

app_name = "reports"

urlpatterns: list[URLPattern] = []
