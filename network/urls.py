from django.urls import path

from network import views

app_name = "network"

urlpatterns = [
    path(
        "<slug:region>/organisaatiot/",
        views.OrganisationListView.as_view(),
        name="organisation_list",
    ),
    path(
        "<slug:region>/organisaatiot/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(
        "<slug:region>/organisaatiot/<slug:slug>/muokkaa/",
        views.OrganisationProfileUpdateView.as_view(),
        name="organisation_edit",
    ),
]
