"""National reporting pages: years, deadlines and the national summary, under /raportit/."""

from django.urls import path

from reporting import views

app_name = "reporting"

urlpatterns = [
    path("", views.ReportingIndexView.as_view(), name="index"),
    path("vuodet/<int:year>/", views.ReportingYearEditView.as_view(), name="year_edit"),
    path("<int:year>/yhteenveto/", views.NationalSummaryView.as_view(), name="summary"),
]
