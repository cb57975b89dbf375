"""Guidance actions logged by member organisations, under /<region>/ohjaustoimenpiteet/."""

from django.urls import path

from actions import guidance_views as views

app_name = "guidance"

urlpatterns = [
    path("", views.GuidanceListView.as_view(), name="list"),
    path("oma/", views.WorkspaceView.as_view(), name="mine"),
    path("uusi/<slug:organisation>/", views.GuidanceCreateView.as_view(), name="add"),
    path("<int:pk>/", views.GuidanceDetailView.as_view(), name="detail"),
    path("<int:pk>/muokkaa/", views.GuidanceUpdateView.as_view(), name="edit"),
    path("<int:pk>/poista/", views.GuidanceDeleteView.as_view(), name="delete"),
    path("<int:pk>/laheta/", views.GuidanceSubmitView.as_view(), name="submit"),
    path(
        "<int:pk>/edistyminen/uusi/",
        views.ProgressUpdateCreateView.as_view(),
        name="add_update",
    ),
    path(
        "edistyminen/<int:pk>/muokkaa/",
        views.ProgressUpdateUpdateView.as_view(),
        name="edit_update",
    ),
    path(
        "edistyminen/<int:pk>/poista/",
        views.ProgressUpdateDeleteView.as_view(),
        name="delete_update",
    ),
    path("edistyminen/<int:pk>/liite/", views.AttachmentView.as_view(), name="attachment"),
]
