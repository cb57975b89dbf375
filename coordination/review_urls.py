"""The coordinator's review queue, under /<region>/arviointi/."""

from django.urls import path

from coordination import review_views as views

app_name = "review"

urlpatterns = [
    path("", views.ReviewQueueView.as_view(), name="queue"),
    path(
        "ehdotukset/<int:pk>/palauta/",
        views.ProposalReturnView.as_view(),
        name="proposal_return",
    ),
    path(
        "ehdotukset/<int:pk>/hylkaa/",
        views.ProposalDeclineView.as_view(),
        name="proposal_decline",
    ),
    # After the proposals' paths: "ehdotukset" would otherwise be read as a kind of entry.
    path("<str:kind>/<int:pk>/hyvaksy/", views.AcceptView.as_view(), name="accept"),
    path("<str:kind>/<int:pk>/palauta/", views.ReturnView.as_view(), name="return"),
]
