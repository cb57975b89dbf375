"""A region's annual reports, under /<region>/raportit/."""

from django.urls import path

from reporting import views

app_name = "reports"

urlpatterns = [
    path("", views.ReportListView.as_view(), name="list"),
    path("<int:year>/", views.ReportDetailView.as_view(), name="detail"),
    path("<int:year>/aloita/", views.StartReportView.as_view(), name="start"),
    path("<int:year>/muokkaa/", views.ReportEditView.as_view(), name="edit"),
    path("<int:year>/laheta/", views.SubmitReportView.as_view(), name="submit"),
    path("<int:year>/hyvaksy/", views.AcceptReportView.as_view(), name="accept"),
    path("<int:year>/palauta/", views.ReturnReportView.as_view(), name="return"),
]
