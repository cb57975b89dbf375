"""The coordinator's editor of a region's strategy and action plan, under /<region>/muokkaa/."""

from django.urls import URLPattern, path

from strategy.editor import views

app_name = "editor"

urlpatterns: list[URLPattern] = [
    path("", views.EditorHomeView.as_view(), name="home"),
    path("strategia/", views.StrategyUpdateView.as_view(), name="strategy_edit"),
    path("uusi-versio/", views.NewRevisionView.as_view(), name="new_revision"),
    # Focus areas and their goals
    path("painopisteet/uusi/", views.FocusAreaCreateView.as_view(), name="focus_area_add"),
    path("painopisteet/<int:pk>/", views.FocusAreaUpdateView.as_view(), name="focus_area_edit"),
    path(
        "painopisteet/<int:pk>/poista/",
        views.FocusAreaDeleteView.as_view(),
        name="focus_area_delete",
    ),
    path(
        "painopisteet/<int:focus_area>/tavoitteet/uusi/",
        views.GoalCreateView.as_view(),
        name="goal_add",
    ),
    path("tavoitteet/<int:pk>/", views.GoalUpdateView.as_view(), name="goal_edit"),
    path("tavoitteet/<int:pk>/poista/", views.GoalDeleteView.as_view(), name="goal_delete"),
    # Actions
    path(
        "painopisteet/<int:focus_area>/toimenpiteet/uusi/",
        views.ActionCreateView.as_view(),
        name="action_add",
    ),
    path("toimenpiteet/<int:pk>/", views.ActionUpdateView.as_view(), name="action_edit"),
    path("toimenpiteet/<int:pk>/poista/", views.ActionDeleteView.as_view(), name="action_delete"),
    path("toimenpiteet/<int:pk>/siirra/", views.ActionMoveView.as_view(), name="action_move"),
    path("toimenpiteet/<int:pk>/tila/", views.ActionStatusView.as_view(), name="action_status"),
    # Indicators and their yearly values
    path("mittarit/uusi/", views.IndicatorCreateView.as_view(), name="indicator_add"),
    path("mittarit/<int:pk>/", views.IndicatorUpdateView.as_view(), name="indicator_edit"),
    path(
        "mittarit/<int:pk>/poista/",
        views.IndicatorDeleteView.as_view(),
        name="indicator_delete",
    ),
    path(
        "mittarit/<int:indicator>/arvot/uusi/",
        views.IndicatorValueCreateView.as_view(),
        name="indicator_value_add",
    ),
    path("arvot/<int:pk>/", views.IndicatorValueUpdateView.as_view(), name="indicator_value_edit"),
    path(
        "arvot/<int:pk>/poista/",
        views.IndicatorValueDeleteView.as_view(),
        name="indicator_value_delete",
    ),
    # Change history
    path("historia/", views.FeedView.as_view(), name="feed"),
    path("historia/<str:kind>/<int:pk>/", views.ObjectHistoryView.as_view(), name="history"),
]
