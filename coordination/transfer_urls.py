"""Imports and exports of a region's data, under /<region>/tiedonsiirto/."""

from django.urls import URLPattern, path

from coordination import transfer_views as views

app_name = "transfer"

urlpatterns: list[URLPattern] = [
    path("", views.TransferIndexView.as_view(), name="index"),
    path("<slug:dataset>/vie.<slug:format>", views.ExportView.as_view(), name="export"),
    path("<slug:dataset>/tuo/", views.ImportView.as_view(), name="import"),
]
