from django.contrib import admin

from events.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_on", "day_part", "kind", "channel", "region"]
    list_filter = ["region", "kind", "channel", "day_part", "starts_on"]
    list_select_related = ["region"]
    search_fields = ["title", "description", "place"]
    date_hierarchy = "starts_on"
    autocomplete_fields = ["organisers", "partner_regions", "projects"]
    filter_horizontal = ["focus_areas"]
