from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from events.models import Event, EventMaterial, EventSeries
from portal.closed_years import ClosedYearAdminMixin, ClosedYearInlineMixin


class EventMaterialInline(ClosedYearInlineMixin, admin.TabularInline):
    model = EventMaterial
    extra = 0


@admin.register(EventSeries)
class EventSeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "region"]
    list_filter = ["region"]
    search_fields = ["title"]


@admin.register(Event)
class EventAdmin(ClosedYearAdminMixin, SimpleHistoryAdmin):  # type: ignore[type-arg]
    list_display = ["title", "starts_on", "day_part", "kind", "channel", "region", "review_status"]
    list_filter = ["region", "review_status", "kind", "channel", "day_part", "starts_on"]
    inlines = [EventMaterialInline]
    list_select_related = ["region"]
    search_fields = ["title", "description", "place"]
    date_hierarchy = "starts_on"
    autocomplete_fields = ["organisers", "partner_regions", "projects", "series"]
    filter_horizontal = ["focus_areas"]
