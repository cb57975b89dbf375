from django.urls import path

from strategy import views

app_name = "strategy"

urlpatterns = [
    path("", views.RegionHomeView.as_view(), name="home"),
    path("<slug:region>/", views.RegionHomeView.as_view(), name="region_home"),
    path(
        "<slug:region>/painopisteet/<int:number>/",
        views.FocusAreaDetailView.as_view(),
        name="focus_area_detail",
    ),
    path(
        "<slug:region>/versiot/<int:version>/",
        views.StrategyVersionDetailView.as_view(),
        name="version_detail",
    ),
]
