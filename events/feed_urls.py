"""iCalendar feeds of events (region, organisation, focus area), under /<region>/kalenteri/."""

from django.urls import URLPattern, path

from events import feed_views

app_name = "feeds"

urlpatterns: list[URLPattern] = [
    path("<slug:region>/kalenteri.ics", feed_views.RegionFeedView.as_view(), name="region"),
    path(
        "<slug:region>/kalenteri/organisaatio/<slug:slug>.ics",
        feed_views.OrganisationFeedView.as_view(),
        name="organisation",
    ),
    path(
        "<slug:region>/kalenteri/painopiste/<int:number>.ics",
        feed_views.FocusAreaFeedView.as_view(),
        name="focus_area",
    ),
]
