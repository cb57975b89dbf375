"""The person's notices: one list, included once by ``kaselo/urls.py``."""

from django.urls import URLPattern, URLResolver, include, path

from notices import views

own: list[URLPattern] = [
    path("luettu/", views.MarkAllReadView.as_view(), name="mark_all_read"),
]

urlpatterns: list[URLResolver] = [
    path("tili/ilmoitukset/", include((own, "notices"))),
]
