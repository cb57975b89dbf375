from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("<int:year>/<int:month>/", views.EventMonthView.as_view(), name="event_month"),
    path("<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
]
