from django.urls import path

from actions import views

app_name = "actions"

urlpatterns = [
    path("hyvat-kaytannot/", views.GoodPracticeListView.as_view(), name="good_practice_list"),
]
