"""Annual reports: the national pages, PDF jobs, and a region's reports.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import pgettext_lazy

from lib.urls import route
from reporting import national_views, pdf_views, version_views, views

# National reporting pages: years, deadlines and the national summary, under /raportit/.
national_reporting: list[URLPattern] = [
    path("", national_views.ReportingIndexView.as_view(), name="index"),
    path(
        route(pgettext_lazy("URL", "vuodet/"), "<int:year>/"),
        national_views.ReportingYearEditView.as_view(),
        name="year_edit",
    ),
    path(
        route("<int:year>/", pgettext_lazy("URL", "yhteenveto/")),
        national_views.NationalSummaryView.as_view(),
        name="summary",
    ),
    path(
        route(pgettext_lazy("URL", "vuodet/"), "<int:year>/", pgettext_lazy("URL", "teemat/")),
        national_views.FrameworkView.as_view(),
        name="framework",
    ),
    path(
        route(
            pgettext_lazy("URL", "vuodet/"),
            "<int:year>/",
            pgettext_lazy("URL", "teemat/"),
            "<int:pk>/",
        ),
        national_views.ThemeEditView.as_view(),
        name="theme_edit",
    ),
    path(
        route(
            pgettext_lazy("URL", "vuodet/"),
            "<int:year>/",
            pgettext_lazy("URL", "alateemat/"),
            "<int:pk>/",
        ),
        national_views.SubThemeEditView.as_view(),
        name="sub_theme_edit",
    ),
    path(
        route(
            pgettext_lazy("URL", "vuodet/"),
            "<int:year>/",
            pgettext_lazy("URL", "teemat/"),
            pgettext_lazy("URL", "uusi/"),
        ),
        national_views.ThemeAddView.as_view(),
        name="theme_add",
    ),
    path(
        route(
            pgettext_lazy("URL", "vuodet/"),
            "<int:year>/",
            pgettext_lazy("URL", "teemat/"),
            "<int:pk>/",
            pgettext_lazy("URL", "siirra/"),
        ),
        national_views.ThemeMoveView.as_view(),
        name="theme_move",
    ),
    path(
        route(
            pgettext_lazy("URL", "vuodet/"),
            "<int:year>/",
            pgettext_lazy("URL", "teemat/"),
            "<int:pk>/",
            pgettext_lazy("URL", "poista/"),
        ),
        national_views.ThemeDeleteView.as_view(),
        name="theme_delete",
    ),
    path(
        route(
            pgettext_lazy("URL", "vuodet/"),
            "<int:year>/",
            pgettext_lazy("URL", "teemat/"),
            "<int:pk>/",
            pgettext_lazy("URL", "alateemat/"),
            pgettext_lazy("URL", "uusi/"),
        ),
        national_views.SubThemeAddView.as_view(),
        name="sub_theme_add",
    ),
    path(
        route(
            pgettext_lazy("URL", "vuodet/"),
            "<int:year>/",
            pgettext_lazy("URL", "alateemat/"),
            "<int:pk>/",
            pgettext_lazy("URL", "siirra/"),
        ),
        national_views.SubThemeMoveView.as_view(),
        name="sub_theme_move",
    ),
    path(
        route(
            pgettext_lazy("URL", "vuodet/"),
            "<int:year>/",
            pgettext_lazy("URL", "alateemat/"),
            "<int:pk>/",
            pgettext_lazy("URL", "poista/"),
        ),
        national_views.SubThemeDeleteView.as_view(),
        name="sub_theme_delete",
    ),
]


# The national landing page of the ELO networks, under /valtakunnallinen/.
national: list[URLPattern] = [
    path("", national_views.NationalHomeView.as_view(), name="home"),
]


# PDF jobs: request, status the page polls, and the download, under /pdf/.
pdf_jobs: list[URLPattern] = [
    path(pgettext_lazy("URL", "pyynto/"), pdf_views.request_pdf, name="request"),
    path("<uuid:pk>/", pdf_views.job_status, name="status"),
    path(route("<uuid:pk>/", pgettext_lazy("URL", "lataa/")), pdf_views.download, name="download"),
]


# A region's annual reports, under /<region>/raportit/.
region_reports: list[URLPattern] = [
    path("", views.ReportListView.as_view(), name="list"),
    path("<int:year>/", views.ReportDetailView.as_view(), name="detail"),
    path(
        route("<int:year>/", pgettext_lazy("URL", "aloita/")),
        views.StartReportView.as_view(),
        name="start",
    ),
    path(
        route("<int:year>/", pgettext_lazy("URL", "muokkaa/")),
        views.ReportEditView.as_view(),
        name="edit",
    ),
    path(
        route("<int:year>/", pgettext_lazy("URL", "laheta/")),
        views.SubmitReportView.as_view(),
        name="submit",
    ),
    path(
        route("<int:year>/", pgettext_lazy("URL", "hyvaksy/")),
        views.AcceptReportView.as_view(),
        name="accept",
    ),
    path(
        route("<int:year>/", pgettext_lazy("URL", "palauta/")),
        views.ReturnReportView.as_view(),
        name="return",
    ),
    path(
        route("<int:year>/", pgettext_lazy("URL", "versiot/"), pgettext_lazy("URL", "vertaa/")),
        version_views.CompareVersionsView.as_view(),
        name="compare",
    ),
    path(
        route(
            "<int:year>/",
            pgettext_lazy("URL", "versiot/"),
            "<int:number>/",
            pgettext_lazy("URL", "pdf/"),
        ),
        version_views.VersionPdfView.as_view(),
        name="version_pdf",
    ),
    path(
        route("<int:year>/", pgettext_lazy("URL", "kirjausten-maarapaiva/")),
        views.EntryDeadlineEditView.as_view(),
        name="entry_deadline",
    ),
]


urlpatterns: list[URLResolver] = [
    path(pgettext_lazy("URL", "raportit/"), include((national_reporting, "reporting"))),
    path(pgettext_lazy("URL", "valtakunnallinen/"), include((national, "national"))),
    path(pgettext_lazy("URL", "pdf/"), include((pdf_jobs, "pdf"))),
    path(
        route("<slug:region>/", pgettext_lazy("URL", "raportit/")),
        include((region_reports, "reports")),
    ),
]
