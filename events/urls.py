"""Events: the public pages, logging them, and the iCalendar feeds.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path

from events import feed_views, manage_views, views

events: list[URLPattern] = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("<int:year>/<int:month>/", views.EventMonthView.as_view(), name="event_month"),
    path("<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path("sarjat/<int:pk>/", views.EventSeriesDetailView.as_view(), name="series_detail"),
    # Member organisations log their events (events.manage_views).
    path("lisaa/", manage_views.EventCreateView.as_view(), name="add"),
    path("<int:pk>/muokkaa/", manage_views.EventUpdateView.as_view(), name="edit"),
    path("<int:pk>/poista/", manage_views.EventDeleteView.as_view(), name="delete"),
    path("<int:pk>/kopioi/", manage_views.EventCopyView.as_view(), name="copy"),
    path("<int:pk>/laheta/", manage_views.EventSubmitView.as_view(), name="submit"),
    path("<int:pk>/historia/", manage_views.EventHistoryView.as_view(), name="history"),
    path(
        "<int:pk>/materiaalit/lisaa/",
        manage_views.EventMaterialCreateView.as_view(),
        name="material_add",
    ),
    path(
        "materiaalit/<int:pk>/poista/",
        manage_views.EventMaterialDeleteView.as_view(),
        name="material_delete",
    ),
    path("materiaalit/<int:pk>/", views.material_download, name="material_download"),
]


# iCalendar feeds of events (region, organisation, focus area), under /<region>/kalenteri/.
feeds: list[URLPattern] = [
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


urlpatterns: list[URLResolver] = [
    path("<slug:region>/tapahtumat/", include((events, "events"))),
    path("", include((feeds, "feeds"))),
]
