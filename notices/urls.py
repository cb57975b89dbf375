"""The person's notices: one list, included once by ``kaselo/urls.py``."""

from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import pgettext_lazy

from lib.urls import route
from notices import views

own: list[URLPattern] = [
    path(pgettext_lazy("URL", "luettu/"), views.MarkAllReadView.as_view(), name="mark_all_read"),
]

urlpatterns: list[URLResolver] = [
    path(
        route(pgettext_lazy("URL", "tili/"), pgettext_lazy("URL", "ilmoitukset/")),
        include((own, "notices")),
    ),
]
