from django.urls import path

from network import views

app_name = "network"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="organisation_list"),
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
    path(
        "<slug:slug>/muokkaa/",
        views.OrganisationProfileUpdateView.as_view(),
        name="organisation_edit",
    ),
]
