"""The portal's URLs, under i18n patterns: Finnish without a prefix, /sv/ and /en/ beside it.

Public pages are grouped by region (``/<region>/...``); the coordinator's editor lives
under ``/<region>/muokkaa/`` and people management under ``/<region>/ihmiset/``.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import pgettext_lazy

from kaselo.views import DashboardView, FaviconView
from lib.urls import route

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    # Browsers and feed readers ask for /favicon.ico without reading the page's icon link.
    path("favicon.ico", FaviconView.as_view()),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path(
        route(pgettext_lazy("URL", "tili/"), pgettext_lazy("URL", "oma/")),
        DashboardView.as_view(),
        name="dashboard",
    ),
    path(pgettext_lazy("URL", "tili/"), include("allauth.urls")),
    # Each app's urls.py once. The national pages (raportit/, valtakunnallinen/, pdf/)
    # come before the strategy's /<region>/ so that no region slug hides them.
    path("", include("accounts.urls")),
    path("", include("notices.urls")),
    path("", include("reporting.urls")),
    path("", include("strategy.urls")),
    path("", include("events.urls")),
    path("", include("actions.urls")),
    path("", include("coordination.urls")),
    path("", include("network.urls")),
    prefix_default_language=False,
)

# Uploaded and generated files are never served by path, not even in development: every
# attachment, material and PDF goes through a view that checks permission on its object.
