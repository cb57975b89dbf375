"""The plan: the public strategy pages, and the coordinator's editor.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path

from strategy import comparison_views, project_views, views
from strategy.editor import indicator_grid, restore_views, revision_views
from strategy.editor import project_views as register_views
from strategy.editor import views as editor_views

public: list[URLPattern] = [
    path("", views.RegionHomeView.as_view(), name="home"),
    # Of no region; before <slug:region>/ so that no region slug hides it.
    path(
        "valtakunnallinen/strategia/",
        views.NationalStrategyView.as_view(),
        name="national_strategy",
    ),
    path("<slug:region>/", views.RegionHomeView.as_view(), name="region_home"),
    path(
        "<slug:region>/painopisteet/<int:number>/",
        views.FocusAreaDetailView.as_view(),
        name="focus_area_detail",
    ),
    path(
        "<slug:region>/toimenpiteet/<int:pk>/",
        views.ActionDetailView.as_view(),
        name="action_detail",
    ),
    path(
        "<slug:region>/versiot/<int:version>/",
        views.StrategyVersionDetailView.as_view(),
        name="version_detail",
    ),
    path(
        "<slug:region>/versiot/vertaa/",
        comparison_views.VersionComparisonView.as_view(),
        name="compare_versions",
    ),
    path("<slug:region>/hankkeet/", project_views.ProjectListView.as_view(), name="project_list"),
    path(
        "<slug:region>/hankkeet/<int:pk>/",
        project_views.ProjectDetailView.as_view(),
        name="project_detail",
    ),
]


# The coordinator's editor of a region's strategy and action plan, under /<region>/muokkaa/.
editor: list[URLPattern] = [
    path("", editor_views.EditorHomeView.as_view(), name="home"),
    path("strategia/", editor_views.StrategyUpdateView.as_view(), name="strategy_edit"),
    path("uusi-versio/", editor_views.NewRevisionView.as_view(), name="new_revision"),
    path("luonnos/julkaise/", revision_views.PublishDraftView.as_view(), name="draft_publish"),
    path("luonnos/hylkaa/", revision_views.DiscardDraftView.as_view(), name="draft_discard"),
    # Focus areas and their goals
    path("painopisteet/uusi/", editor_views.FocusAreaCreateView.as_view(), name="focus_area_add"),
    path(
        "painopisteet/<int:pk>/", editor_views.FocusAreaUpdateView.as_view(), name="focus_area_edit"
    ),
    path(
        "painopisteet/<int:pk>/poista/",
        editor_views.FocusAreaDeleteView.as_view(),
        name="focus_area_delete",
    ),
    path(
        "painopisteet/<int:focus_area>/tavoitteet/uusi/",
        editor_views.GoalCreateView.as_view(),
        name="goal_add",
    ),
    path("tavoitteet/<int:pk>/", editor_views.GoalUpdateView.as_view(), name="goal_edit"),
    path("tavoitteet/<int:pk>/poista/", editor_views.GoalDeleteView.as_view(), name="goal_delete"),
    # Actions
    path(
        "painopisteet/<int:focus_area>/toimenpiteet/uusi/",
        editor_views.ActionCreateView.as_view(),
        name="action_add",
    ),
    path("toimenpiteet/<int:pk>/", editor_views.ActionUpdateView.as_view(), name="action_edit"),
    path(
        "toimenpiteet/<int:pk>/poista/",
        editor_views.ActionDeleteView.as_view(),
        name="action_delete",
    ),
    path(
        "toimenpiteet/<int:pk>/siirra/", editor_views.ActionMoveView.as_view(), name="action_move"
    ),
    path(
        "toimenpiteet/<int:pk>/tila/", editor_views.ActionStatusView.as_view(), name="action_status"
    ),
    # Indicators and their yearly values
    path("mittarit/uusi/", editor_views.IndicatorCreateView.as_view(), name="indicator_add"),
    path("mittarit/<int:pk>/", editor_views.IndicatorUpdateView.as_view(), name="indicator_edit"),
    path(
        "mittarit/<int:pk>/poista/",
        editor_views.IndicatorDeleteView.as_view(),
        name="indicator_delete",
    ),
    path(
        "mittarit/<int:indicator>/arvot/uusi/",
        editor_views.IndicatorValueCreateView.as_view(),
        name="indicator_value_add",
    ),
    path(
        "arvot/<int:pk>/",
        editor_views.IndicatorValueUpdateView.as_view(),
        name="indicator_value_edit",
    ),
    path(
        "arvot/<int:pk>/poista/",
        editor_views.IndicatorValueDeleteView.as_view(),
        name="indicator_value_delete",
    ),
    # The indicators' values as a grid
    path("mittarit/taulukko/", indicator_grid.IndicatorGridView.as_view(), name="indicator_grid"),
    path(
        "mittarit/taulukko/lomake/",
        indicator_grid.IndicatorGridFormView.as_view(),
        name="indicator_grid_form",
    ),
    path(
        "mittarit/<int:indicator>/vuodet/<int:year>/",
        indicator_grid.IndicatorCellView.as_view(),
        name="indicator_cell",
    ),
    # The region's profile and its projects register (not tied to a version of the plan)
    path("profiili/", register_views.RegionProfileUpdateView.as_view(), name="profile_edit"),
    path("hankkeet/uusi/", register_views.ProjectCreateView.as_view(), name="project_add"),
    path("hankkeet/<int:pk>/", register_views.ProjectUpdateView.as_view(), name="project_edit"),
    path(
        "hankkeet/<int:pk>/poista/",
        register_views.ProjectDeleteView.as_view(),
        name="project_delete",
    ),
    path(
        "hankkeet/<int:project>/rahoitus/uusi/",
        register_views.FundingLineCreateView.as_view(),
        name="funding_line_add",
    ),
    path(
        "rahoitus/<int:pk>/",
        register_views.FundingLineUpdateView.as_view(),
        name="funding_line_edit",
    ),
    path(
        "rahoitus/<int:pk>/poista/",
        register_views.FundingLineDeleteView.as_view(),
        name="funding_line_delete",
    ),
    # Change history
    path("historia/", editor_views.FeedView.as_view(), name="feed"),
    # The plan's actions no organisation has reported on this year
    path("raportoimatta/", editor_views.UnreportedActionsView.as_view(), name="unreported_actions"),
    path("historia/<str:kind>/<int:pk>/", editor_views.ObjectHistoryView.as_view(), name="history"),
    path(
        "historia/<str:kind>/<int:pk>/palauta/",
        restore_views.RestoreView.as_view(),
        name="restore",
    ),
    path(
        "historia/<str:kind>/<int:pk>/palauta-tila/",
        restore_views.RestoreStateView.as_view(),
        name="restore_state",
    ),
]


urlpatterns: list[URLResolver] = [
    path("", include((public, "strategy"))),
    path("<slug:region>/muokkaa/", include((editor, "editor"))),
]
