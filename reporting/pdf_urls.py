"""PDF jobs: request, status the page polls, and the download, under /pdf/."""

from django.urls import URLPattern, path

from reporting import pdf_views

app_name = "pdf"

urlpatterns: list[URLPattern] = [
    path("pyynto/", pdf_views.request_pdf, name="request"),
    path("<uuid:pk>/", pdf_views.job_status, name="status"),
    path("<uuid:pk>/lataa/", pdf_views.download, name="download"),
]
