"""The coordinator's review queue, under /<region>/arviointi/."""

from django.urls import path

from network import review_views as views

app_name = "review"

urlpatterns = [
    path("", views.ReviewQueueView.as_view(), name="queue"),
    path("<str:kind>/<int:pk>/hyvaksy/", views.AcceptView.as_view(), name="accept"),
    path("<str:kind>/<int:pk>/palauta/", views.ReturnView.as_view(), name="return"),
]
