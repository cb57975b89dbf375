"""What member organisations log: good practices, and guidance actions with the workspace.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import pgettext_lazy

from actions import guidance_views, views
from lib.urls import route

good_practices: list[URLPattern] = [
    path(
        pgettext_lazy("URL", "hyvat-kaytannot/"),
        views.GoodPracticeListView.as_view(),
        name="good_practice_list",
    ),
    path(
        route(pgettext_lazy("URL", "hyvat-kaytannot/"), pgettext_lazy("URL", "ehdota/")),
        views.GoodPracticeProposeView.as_view(),
        name="good_practice_propose",
    ),
    path(
        route(
            pgettext_lazy("URL", "hyvat-kaytannot/"), "<int:pk>/", pgettext_lazy("URL", "muokkaa/")
        ),
        views.GoodPracticeProposalEditView.as_view(),
        name="good_practice_edit",
    ),
    path(
        route(
            pgettext_lazy("URL", "hyvat-kaytannot/"), "<int:pk>/", pgettext_lazy("URL", "julkaise/")
        ),
        views.GoodPracticePublishView.as_view(),
        name="good_practice_publish",
    ),
]


# Guidance actions logged by member organisations, under /<region>/ohjaustoimenpiteet/.
guidance: list[URLPattern] = [
    path("", guidance_views.GuidanceListView.as_view(), name="list"),
    path(pgettext_lazy("URL", "oma/"), guidance_views.WorkspaceView.as_view(), name="mine"),
    path(
        route(pgettext_lazy("URL", "uusi/"), "<slug:organisation>/"),
        guidance_views.GuidanceCreateView.as_view(),
        name="add",
    ),
    path("<int:pk>/", guidance_views.GuidanceDetailView.as_view(), name="detail"),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "muokkaa/")),
        guidance_views.GuidanceUpdateView.as_view(),
        name="edit",
    ),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "poista/")),
        guidance_views.GuidanceDeleteView.as_view(),
        name="delete",
    ),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "laheta/")),
        guidance_views.GuidanceSubmitView.as_view(),
        name="submit",
    ),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "historia/")),
        guidance_views.GuidanceHistoryView.as_view(),
        name="history",
    ),
    path(
        route("<int:pk>/", pgettext_lazy("URL", "edistyminen/"), pgettext_lazy("URL", "uusi/")),
        guidance_views.ProgressUpdateCreateView.as_view(),
        name="add_update",
    ),
    path(
        route(pgettext_lazy("URL", "edistyminen/"), "<int:pk>/", pgettext_lazy("URL", "muokkaa/")),
        guidance_views.ProgressUpdateUpdateView.as_view(),
        name="edit_update",
    ),
    path(
        route(pgettext_lazy("URL", "edistyminen/"), "<int:pk>/", pgettext_lazy("URL", "poista/")),
        guidance_views.ProgressUpdateDeleteView.as_view(),
        name="delete_update",
    ),
    path(
        route(pgettext_lazy("URL", "edistyminen/"), "<int:pk>/", pgettext_lazy("URL", "liite/")),
        guidance_views.AttachmentView.as_view(),
        name="attachment",
    ),
]


urlpatterns: list[URLResolver] = [
    path("<slug:region>/", include((good_practices, "actions"))),
    path(
        route("<slug:region>/", pgettext_lazy("URL", "ohjaustoimenpiteet/")),
        include((guidance, "guidance")),
    ),
]
