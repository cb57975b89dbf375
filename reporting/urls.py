"""National reporting pages: years, deadlines and the national summary, under /raportit/."""

from django.urls import URLPattern

app_name = "reporting"

urlpatterns: list[URLPattern] = []
