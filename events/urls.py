"""Events: the public pages, logging them, and the iCalendar feeds.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import pgettext_lazy

from events import feed_views, manage_views, views
from lib.urls import route

events: list[URLPattern] = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("<int:year>/<int:month>/", views.EventMonthView.as_view(), name="event_month"),
    path("<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path(
        route(pgettext_lazy("URL", "sarjat/"), "<int:pk>/"),
        views.EventSeriesDetailView.as_view(),
        name="series_detail",
    ),
    # Member organisations log their events (events.manage_views).
    path(pgettext_lazy("URL", "lisaa/"), manage_views.EventCreateView.as_view(), name="add"),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "muokkaa/")),
        manage_views.EventUpdateView.as_view(),
        name="edit",
    ),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "poista/")),
        manage_views.EventDeleteView.as_view(),
        name="delete",
    ),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "kopioi/")),
        manage_views.EventCopyView.as_view(),
        name="copy",
    ),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "laheta/")),
        manage_views.EventSubmitView.as_view(),
        name="submit",
    ),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "historia/")),
        manage_views.EventHistoryView.as_view(),
        name="history",
    ),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "materiaalit/"), pgettext_lazy("URL", "lisaa/")),
        manage_views.EventMaterialCreateView.as_view(),
        name="material_add",
    ),
    path(
        route(pgettext_lazy("URL", "materiaalit/"), "<int:pk>/", pgettext_lazy("URL", "poista/")),
        manage_views.EventMaterialDeleteView.as_view(),
        name="material_delete",
    ),
    path(
        route(pgettext_lazy("URL", "materiaalit/"), "<int:pk>/"),
        views.material_download,
        name="material_download",
    ),
]


# iCalendar feeds of events (region, organisation, focus area), under /<region>/kalenteri/.
feeds: list[URLPattern] = [
    path(
        route("<slug:region>/", pgettext_lazy("URL", "kalenteri"), ".ics"),
        feed_views.RegionFeedView.as_view(),
        name="region",
    ),
    path(
        route(
            "<slug:region>/",
            pgettext_lazy("URL", "kalenteri/"),
            pgettext_lazy("URL", "organisaatio/"),
            "<slug:slug>.ics",
        ),
        feed_views.OrganisationFeedView.as_view(),
        name="organisation",
    ),
    path(
        route(
            "<slug:region>/",
            pgettext_lazy("URL", "kalenteri/"),
            pgettext_lazy("URL", "painopiste/"),
            "<int:number>.ics",
        ),
        feed_views.FocusAreaFeedView.as_view(),
        name="focus_area",
    ),
]


urlpatterns: list[URLResolver] = [
    path(route("<slug:region>/", pgettext_lazy("URL", "tapahtumat/")), include((events, "events"))),
    path("", include((feeds, "feeds"))),
]
