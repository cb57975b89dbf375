"""iCalendar feeds of events (region, organisation, focus area), under /<region>/kalenteri/."""

from django.urls import URLPattern

app_name = "feeds"

urlpatterns: list[URLPattern] = []
