from django.urls import path

from actions import views

app_name = "actions"

urlpatterns = [
    path("hyvat-kaytannot/", views.GoodPracticeListView.as_view(), name="good_practice_list"),
    path(
        "hyvat-kaytannot/ehdota/",
        views.GoodPracticeProposeView.as_view(),
        name="good_practice_propose",
    ),
    path(
        "hyvat-kaytannot/<int:pk>/muokkaa/",
        views.GoodPracticeProposalEditView.as_view(),
        name="good_practice_edit",
    ),
    path(
        "hyvat-kaytannot/<int:pk>/julkaise/",
        views.GoodPracticePublishView.as_view(),
        name="good_practice_publish",
    ),
]
