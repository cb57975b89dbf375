from django.contrib import admin

from actions.models import Action, GoodPractice, Project


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "focus_area", "status", "lead_organisation", "position"]
    list_filter = ["status", "focus_area__strategy__region", "focus_area"]
    list_select_related = ["focus_area__strategy__region", "lead_organisation"]
    search_fields = ["title", "description", "monitoring_note"]
    autocomplete_fields = ["lead_organisation", "responsible_organisations", "goals"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "funding_source", "start_date", "end_date"]
    list_filter = ["region", "funding_source"]
    list_select_related = ["region"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["organisations", "actions"]


@admin.register(GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "region", "is_published"]
    list_filter = ["region", "is_published"]
    list_select_related = ["region"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["organisations", "actions"]
    filter_horizontal = ["focus_areas"]
