"""The plan: the public strategy pages, and the coordinator's editor.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import pgettext_lazy

from lib.urls import route
from strategy import comparison_views, project_views, views
from strategy.editor import indicator_grid, restore_views, revision_views
from strategy.editor import project_views as register_views
from strategy.editor import views as editor_views

public: list[URLPattern] = [
    path("", views.RegionHomeView.as_view(), name="home"),
    # Of no region; before <slug:region>/ so that no region slug hides it.
    path(
        route(pgettext_lazy("URL", "valtakunnallinen/"), pgettext_lazy("URL", "strategia/")),
        views.NationalStrategyView.as_view(),
        name="national_strategy",
    ),
    path("<slug:region>/", views.RegionHomeView.as_view(), name="region_home"),
    path(
        route("<slug:region>/", pgettext_lazy("URL", "painopisteet/"), "<int:number>/"),
        views.FocusAreaDetailView.as_view(),
        name="focus_area_detail",
    ),
    path(
        route("<slug:region>/", pgettext_lazy("URL", "toimenpiteet/"), "<int:pk>/"),
        views.ActionDetailView.as_view(),
        name="action_detail",
    ),
    path(
        route("<slug:region>/", pgettext_lazy("URL", "versiot/"), "<int:version>/"),
        views.StrategyVersionDetailView.as_view(),
        name="version_detail",
    ),
    path(
        route("<slug:region>/", pgettext_lazy("URL", "versiot/"), pgettext_lazy("URL", "vertaa/")),
        comparison_views.VersionComparisonView.as_view(),
        name="compare_versions",
    ),
    path(
        route("<slug:region>/", pgettext_lazy("URL", "hankkeet/")),
        project_views.ProjectListView.as_view(),
        name="project_list",
    ),
    path(
        route("<slug:region>/", pgettext_lazy("URL", "hankkeet/"), "<int:pk>/"),
        project_views.ProjectDetailView.as_view(),
        name="project_detail",
    ),
]


# The coordinator's editor of a region's strategy and action plan, under /<region>/muokkaa/.
editor: list[URLPattern] = [
    path("", editor_views.EditorHomeView.as_view(), name="home"),
    path(
        pgettext_lazy("URL", "strategia/"),
        editor_views.StrategyUpdateView.as_view(),
        name="strategy_edit",
    ),
    path(
        pgettext_lazy("URL", "uusi-versio/"),
        editor_views.NewRevisionView.as_view(),
        name="new_revision",
    ),
    path(
        route(pgettext_lazy("URL", "luonnos/"), pgettext_lazy("URL", "julkaise/")),
        revision_views.PublishDraftView.as_view(),
        name="draft_publish",
    ),
    path(
        route(pgettext_lazy("URL", "luonnos/"), pgettext_lazy("URL", "hylkaa/")),
        revision_views.DiscardDraftView.as_view(),
        name="draft_discard",
    ),
    # Focus areas and their goals
    path(
        route(pgettext_lazy("URL", "painopisteet/"), pgettext_lazy("URL", "uusi/")),
        editor_views.FocusAreaCreateView.as_view(),
        name="focus_area_add",
    ),
    path(
        route(pgettext_lazy("URL", "painopisteet/"), "<int:pk>/"),
        editor_views.FocusAreaUpdateView.as_view(),
        name="focus_area_edit",
    ),
    path(
        route(pgettext_lazy("URL", "painopisteet/"), "<int:pk>/", pgettext_lazy("URL", "poista/")),
        editor_views.FocusAreaDeleteView.as_view(),
        name="focus_area_delete",
    ),
    path(
        route(
            pgettext_lazy("URL", "painopisteet/"),
            "<int:focus_area>/",
            pgettext_lazy("URL", "tavoitteet/"),
            pgettext_lazy("URL", "uusi/"),
        ),
        editor_views.GoalCreateView.as_view(),
        name="goal_add",
    ),
    path(
        route(pgettext_lazy("URL", "tavoitteet/"), "<int:pk>/"),
        editor_views.GoalUpdateView.as_view(),
        name="goal_edit",
    ),
    path(
        route(pgettext_lazy("URL", "tavoitteet/"), "<int:pk>/", pgettext_lazy("URL", "poista/")),
        editor_views.GoalDeleteView.as_view(),
        name="goal_delete",
    ),
    # Actions
    path(
        route(
            pgettext_lazy("URL", "painopisteet/"),
            "<int:focus_area>/",
            pgettext_lazy("URL", "toimenpiteet/"),
            pgettext_lazy("URL", "uusi/"),
        ),
        editor_views.ActionCreateView.as_view(),
        name="action_add",
    ),
    path(
        route(pgettext_lazy("URL", "toimenpiteet/"), "<int:pk>/"),
        editor_views.ActionUpdateView.as_view(),
        name="action_edit",
    ),
    path(
        route(pgettext_lazy("URL", "toimenpiteet/"), "<int:pk>/", pgettext_lazy("URL", "poista/")),
        editor_views.ActionDeleteView.as_view(),
        name="action_delete",
    ),
    path(
        route(pgettext_lazy("URL", "toimenpiteet/"), "<int:pk>/", pgettext_lazy("URL", "siirra/")),
        editor_views.ActionMoveView.as_view(),
        name="action_move",
    ),
    path(
        route(pgettext_lazy("URL", "toimenpiteet/"), "<int:pk>/", pgettext_lazy("URL", "tila/")),
        editor_views.ActionStatusView.as_view(),
        name="action_status",
    ),
    # Indicators and their yearly values
    path(
        route(pgettext_lazy("URL", "mittarit/"), pgettext_lazy("URL", "uusi/")),
        editor_views.IndicatorCreateView.as_view(),
        name="indicator_add",
    ),
    path(
        route(pgettext_lazy("URL", "mittarit/"), "<int:pk>/"),
        editor_views.IndicatorUpdateView.as_view(),
        name="indicator_edit",
    ),
    path(
        route(pgettext_lazy("URL", "mittarit/"), "<int:pk>/", pgettext_lazy("URL", "poista/")),
        editor_views.IndicatorDeleteView.as_view(),
        name="indicator_delete",
    ),
    path(
        route(
            pgettext_lazy("URL", "mittarit/"),
            "<int:indicator>/",
            pgettext_lazy("URL", "arvot/"),
            pgettext_lazy("URL", "uusi/"),
        ),
        editor_views.IndicatorValueCreateView.as_view(),
        name="indicator_value_add",
    ),
    path(
        route(pgettext_lazy("URL", "arvot/"), "<int:pk>/"),
        editor_views.IndicatorValueUpdateView.as_view(),
        name="indicator_value_edit",
    ),
    path(
        route(pgettext_lazy("URL", "arvot/"), "<int:pk>/", pgettext_lazy("URL", "poista/")),
        editor_views.IndicatorValueDeleteView.as_view(),
        name="indicator_value_delete",
    ),
    # The indicators' values as a grid
    path(
        route(pgettext_lazy("URL", "mittarit/"), pgettext_lazy("URL", "taulukko/")),
        indicator_grid.IndicatorGridView.as_view(),
        name="indicator_grid",
    ),
    path(
        route(
            pgettext_lazy("URL", "mittarit/"),
            pgettext_lazy("URL", "taulukko/"),
            pgettext_lazy("URL", "lomake/"),
        ),
        indicator_grid.IndicatorGridFormView.as_view(),
        name="indicator_grid_form",
    ),
    path(
        route(
            pgettext_lazy("URL", "mittarit/"),
            "<int:indicator>/",
            pgettext_lazy("URL", "vuodet/"),
            "<int:year>/",
        ),
        indicator_grid.IndicatorCellView.as_view(),
        name="indicator_cell",
    ),
    # The region's profile and its projects register (not tied to a version of the plan)
    path(
        pgettext_lazy("URL", "profiili/"),
        register_views.RegionProfileUpdateView.as_view(),
        name="profile_edit",
    ),
    path(
        route(pgettext_lazy("URL", "hankkeet/"), pgettext_lazy("URL", "uusi/")),
        register_views.ProjectCreateView.as_view(),
        name="project_add",
    ),
    path(
        route(pgettext_lazy("URL", "hankkeet/"), "<int:pk>/"),
        register_views.ProjectUpdateView.as_view(),
        name="project_edit",
    ),
    path(
        route(pgettext_lazy("URL", "hankkeet/"), "<int:pk>/", pgettext_lazy("URL", "poista/")),
        register_views.ProjectDeleteView.as_view(),
        name="project_delete",
    ),
    path(
        route(
            pgettext_lazy("URL", "hankkeet/"),
            "<int:project>/",
            pgettext_lazy("URL", "rahoitus/"),
            pgettext_lazy("URL", "uusi/"),
        ),
        register_views.FundingLineCreateView.as_view(),
        name="funding_line_add",
    ),
    path(
        route(pgettext_lazy("URL", "rahoitus/"), "<int:pk>/"),
        register_views.FundingLineUpdateView.as_view(),
        name="funding_line_edit",
    ),
    path(
        route(pgettext_lazy("URL", "rahoitus/"), "<int:pk>/", pgettext_lazy("URL", "poista/")),
        register_views.FundingLineDeleteView.as_view(),
        name="funding_line_delete",
    ),
    # Change history
    path(pgettext_lazy("URL", "historia/"), editor_views.FeedView.as_view(), name="feed"),
    # The plan's actions no organisation has reported on this year
    path(
        pgettext_lazy("URL", "raportoimatta/"),
        editor_views.UnreportedActionsView.as_view(),
        name="unreported_actions",
    ),
    path(
        route(pgettext_lazy("URL", "historia/"), "<str:kind>/<int:pk>/"),
        editor_views.ObjectHistoryView.as_view(),
        name="history",
    ),
    path(
        route(
            pgettext_lazy("URL", "historia/"),
            "<str:kind>/<int:pk>/",
            pgettext_lazy("URL restore", "palauta/"),
        ),
        restore_views.RestoreView.as_view(),
        name="restore",
    ),
    path(
        route(
            pgettext_lazy("URL", "historia/"),
            "<str:kind>/<int:pk>/",
            pgettext_lazy("URL restore", "palauta-tila/"),
        ),
        restore_views.RestoreStateView.as_view(),
        name="restore_state",
    ),
]


urlpatterns: list[URLResolver] = [
    path("", include((public, "strategy"))),
    path(route("<slug:region>/", pgettext_lazy("URL", "muokkaa/")), include((editor, "editor"))),
]
