"""The portal's URLs, under i18n patterns: Finnish without a prefix, /sv/ and /en/ beside it.

Public pages are grouped by region (``/<region>/...``); the coordinator's editor lives
under ``/<region>/muokkaa/`` and people management under ``/<region>/ihmiset/``.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from kaselo.views import DashboardView

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("tili/oma/", DashboardView.as_view(), name="dashboard"),
    path("tili/", include("allauth.urls")),
    path("tili/", include("accounts.urls")),
    path("raportit/", include("reporting.urls")),
    path("valtakunnallinen/", include("reporting.national_urls")),
    path("pdf/", include("reporting.pdf_urls")),
    path("<slug:region>/raportit/", include("reporting.region_urls")),
    path("", include("strategy.urls")),
    path("", include("events.feed_urls")),
    path("<slug:region>/muokkaa/", include("strategy.editor_urls")),
    path("<slug:region>/ihmiset/", include("accounts.people_urls")),
    path("<slug:region>/ohjaustoimenpiteet/", include("actions.guidance_urls")),
    path("<slug:region>/arviointi/", include("coordination.review_urls")),
    path("<slug:region>/tiedonsiirto/", include("coordination.transfer_urls")),
    path("<slug:region>/organisaatiot/", include("network.urls")),
    path("<slug:region>/tapahtumat/", include("events.urls")),
    path("<slug:region>/", include("actions.urls")),
    prefix_default_language=False,
)

# Uploaded and generated files are never served by path, not even in development: every
# attachment, material and PDF goes through a view that checks permission on its object.
