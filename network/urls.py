from django.urls import path
from django.utils.translation import pgettext_lazy

from lib.urls import route
from network import views

app_name = "network"

urlpatterns = [
    path(
        route("<slug:region>/", pgettext_lazy("URL", "organisaatiot/")),
        views.OrganisationListView.as_view(),
        name="organisation_list",
    ),
    path(
        route("<slug:region>/", pgettext_lazy("URL", "organisaatiot/"), "<slug:slug>/"),
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(
        route(
            "<slug:region>/",
            pgettext_lazy("URL", "organisaatiot/"),
            "<slug:slug>/",
            pgettext_lazy("URL", "muokkaa/"),
        ),
        views.OrganisationProfileUpdateView.as_view(),
        name="organisation_edit",
    ),
]
