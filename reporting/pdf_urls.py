"""PDF jobs: request, status the page polls, and the download, under /pdf/."""

from django.urls import URLPattern

app_name = "pdf"

urlpatterns: list[URLPattern] = []
