"""Annual reports: the national pages, PDF jobs, and a region's reports.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path

from reporting import national_views, pdf_views, version_views, views

# National reporting pages: years, deadlines and the national summary, under /raportit/.
national_reporting: list[URLPattern] = [
    path("", national_views.ReportingIndexView.as_view(), name="index"),
    path("vuodet/<int:year>/", national_views.ReportingYearEditView.as_view(), name="year_edit"),
    path("<int:year>/yhteenveto/", national_views.NationalSummaryView.as_view(), name="summary"),
    path("vuodet/<int:year>/teemat/", national_views.FrameworkView.as_view(), name="framework"),
    path(
        "vuodet/<int:year>/teemat/<int:pk>/",
        national_views.ThemeEditView.as_view(),
        name="theme_edit",
    ),
    path(
        "vuodet/<int:year>/alateemat/<int:pk>/",
        national_views.SubThemeEditView.as_view(),
        name="sub_theme_edit",
    ),
    path("vuodet/<int:year>/teemat/uusi/", national_views.ThemeAddView.as_view(), name="theme_add"),
    path(
        "vuodet/<int:year>/teemat/<int:pk>/siirra/",
        national_views.ThemeMoveView.as_view(),
        name="theme_move",
    ),
    path(
        "vuodet/<int:year>/teemat/<int:pk>/poista/",
        national_views.ThemeDeleteView.as_view(),
        name="theme_delete",
    ),
    path(
        "vuodet/<int:year>/teemat/<int:pk>/alateemat/uusi/",
        national_views.SubThemeAddView.as_view(),
        name="sub_theme_add",
    ),
    path(
        "vuodet/<int:year>/alateemat/<int:pk>/siirra/",
        national_views.SubThemeMoveView.as_view(),
        name="sub_theme_move",
    ),
    path(
        "vuodet/<int:year>/alateemat/<int:pk>/poista/",
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
    path("pyynto/", pdf_views.request_pdf, name="request"),
    path("<uuid:pk>/", pdf_views.job_status, name="status"),
    path("<uuid:pk>/lataa/", pdf_views.download, name="download"),
]


# A region's annual reports, under /<region>/raportit/.
region_reports: list[URLPattern] = [
    path("", views.ReportListView.as_view(), name="list"),
    path("<int:year>/", views.ReportDetailView.as_view(), name="detail"),
    path("<int:year>/aloita/", views.StartReportView.as_view(), name="start"),
    path("<int:year>/muokkaa/", views.ReportEditView.as_view(), name="edit"),
    path("<int:year>/laheta/", views.SubmitReportView.as_view(), name="submit"),
    path("<int:year>/hyvaksy/", views.AcceptReportView.as_view(), name="accept"),
    path("<int:year>/palauta/", views.ReturnReportView.as_view(), name="return"),
    path("<int:year>/versiot/vertaa/", version_views.CompareVersionsView.as_view(), name="compare"),
    path(
        "<int:year>/versiot/<int:number>/pdf/",
        version_views.VersionPdfView.as_view(),
        name="version_pdf",
    ),
    path(
        "<int:year>/kirjausten-maarapaiva/",
        views.EntryDeadlineEditView.as_view(),
        name="entry_deadline",
    ),
]


urlpatterns: list[URLResolver] = [
    path("raportit/", include((national_reporting, "reporting"))),
    path("valtakunnallinen/", include((national, "national"))),
    path("pdf/", include((pdf_jobs, "pdf"))),
    path("<slug:region>/raportit/", include((region_reports, "reports"))),
]
