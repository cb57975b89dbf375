"""The national landing page of the ELO networks, under /valtakunnallinen/."""

from django.urls import URLPattern, path

from reporting import national_views

app_name = "national"

urlpatterns: list[URLPattern] = [
    path("", national_views.NationalHomeView.as_view(), name="home"),
]
