from django.contrib import admin

from actions.models import (
    Action,
    GoodPractice,
    GuidanceAction,
    GuidanceChannel,
    ProgressUpdate,
    Project,
    TargetGroup,
)


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


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    extra = 0


@admin.register(GuidanceAction)
class GuidanceActionAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "year", "status", "review_status"]
    list_filter = ["review_status", "status", "year", "organisation__region"]
    list_select_related = ["organisation"]
    search_fields = ["title", "description", "organisation__name"]
    autocomplete_fields = ["organisation", "partners", "goals"]
    filter_horizontal = ["focus_areas", "target_groups", "channels"]
    inlines = [ProgressUpdateInline]


@admin.register(TargetGroup, GuidanceChannel)
class LookupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ("name",)}
