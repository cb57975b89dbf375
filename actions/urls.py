"""What member organisations log: good practices, and guidance actions with the workspace.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path

from actions import guidance_views, views

good_practices: list[URLPattern] = [
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


# Guidance actions logged by member organisations, under /<region>/ohjaustoimenpiteet/.
guidance: list[URLPattern] = [
    path("", guidance_views.GuidanceListView.as_view(), name="list"),
    path("oma/", guidance_views.WorkspaceView.as_view(), name="mine"),
    path("uusi/<slug:organisation>/", guidance_views.GuidanceCreateView.as_view(), name="add"),
    path("<int:pk>/", guidance_views.GuidanceDetailView.as_view(), name="detail"),
    path("<int:pk>/muokkaa/", guidance_views.GuidanceUpdateView.as_view(), name="edit"),
    path("<int:pk>/poista/", guidance_views.GuidanceDeleteView.as_view(), name="delete"),
    path("<int:pk>/laheta/", guidance_views.GuidanceSubmitView.as_view(), name="submit"),
    path("<int:pk>/historia/", guidance_views.GuidanceHistoryView.as_view(), name="history"),
    path(
        "<int:pk>/edistyminen/uusi/",
        guidance_views.ProgressUpdateCreateView.as_view(),
        name="add_update",
    ),
    path(
        "edistyminen/<int:pk>/muokkaa/",
        guidance_views.ProgressUpdateUpdateView.as_view(),
        name="edit_update",
    ),
    path(
        "edistyminen/<int:pk>/poista/",
        guidance_views.ProgressUpdateDeleteView.as_view(),
        name="delete_update",
    ),
    path("edistyminen/<int:pk>/liite/", guidance_views.AttachmentView.as_view(), name="attachment"),
]


urlpatterns: list[URLResolver] = [
    path("<slug:region>/", include((good_practices, "actions"))),
    path("<slug:region>/ohjaustoimenpiteet/", include((guidance, "guidance"))),
]
