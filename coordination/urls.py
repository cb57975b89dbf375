"""The coordinator's back office: the review queue, and imports and exports.

One list per audience, each with its namespace; ``kaselo/urls.py`` includes this module once.
"""

from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import pgettext_lazy

from coordination import plan_transfer_views, reopen_views, review_views, transfer_views
from lib.urls import route

# The coordinator's review queue, under /<region>/arviointi/.
review: list[URLPattern] = [
    path("", review_views.ReviewQueueView.as_view(), name="queue"),
    path(
        route(pgettext_lazy("URL", "ehdotukset/"), "<int:pk>/", pgettext_lazy("URL", "palauta/")),
        review_views.ProposalReturnView.as_view(),
        name="proposal_return",
    ),
    path(
        route(pgettext_lazy("URL", "ehdotukset/"), "<int:pk>/", pgettext_lazy("URL", "hylkaa/")),
        review_views.ProposalDeclineView.as_view(),
        name="proposal_decline",
    ),
    path(
        route(pgettext_lazy("URL", "avaa/"), "<str:kind>/<int:pk>/"),
        reopen_views.ReopenView.as_view(),
        name="reopen_entry",
    ),
    # After the proposals' paths: "ehdotukset" would otherwise be read as a kind of entry.
    path(
        route("<str:kind>/<int:pk>/", pgettext_lazy("URL", "hyvaksy/")),
        review_views.AcceptView.as_view(),
        name="accept",
    ),
    path(
        route("<str:kind>/<int:pk>/", pgettext_lazy("URL", "palauta/")),
        review_views.ReturnView.as_view(),
        name="return",
    ),
]


# Imports and exports of a region's data, under /<region>/tiedonsiirto/.
transfer: list[URLPattern] = [
    path("", transfer_views.TransferIndexView.as_view(), name="index"),
    # The plan as one workbook: before "<dataset>/", which would take "suunnitelma".
    path(
        route(pgettext_lazy("URL", "suunnitelma/"), pgettext_lazy("URL", "vie"), ".xlsx"),
        plan_transfer_views.PlanExportView.as_view(),
        name="plan_export",
    ),
    path(
        route(pgettext_lazy("URL", "suunnitelma/"), pgettext_lazy("URL", "pohja"), ".xlsx"),
        plan_transfer_views.PlanTemplateView.as_view(),
        name="plan_template",
    ),
    path(
        route(pgettext_lazy("URL", "suunnitelma/"), pgettext_lazy("URL", "tuo/")),
        plan_transfer_views.PlanImportView.as_view(),
        name="plan_import",
    ),
    path(
        route("<slug:dataset>/", pgettext_lazy("URL", "vie"), ".<slug:format>"),
        transfer_views.ExportView.as_view(),
        name="export",
    ),
    path(
        route("<slug:dataset>/", pgettext_lazy("URL", "tuo/")),
        transfer_views.ImportView.as_view(),
        name="import",
    ),
]


urlpatterns: list[URLResolver] = [
    path(route("<slug:region>/", pgettext_lazy("URL", "arviointi/")), include((review, "review"))),
    path(
        route("<slug:region>/", pgettext_lazy("URL", "tiedonsiirto/")),
        include((transfer, "transfer")),
    ),
]
