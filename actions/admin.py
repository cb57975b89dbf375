from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actions.models import (
    GoodPractice,
    GuidanceAction,
    GuidanceChannel,
    ProgressUpdate,
    TargetGroup,
)
from portal.closed_years import ClosedYearAdminMixin, ClosedYearInlineMixin


@admin.register(GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "region", "is_published"]
    list_filter = ["region", "is_published"]
    list_select_related = ["region"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["organisations", "actions"]
    filter_horizontal = ["focus_areas"]


class ProgressUpdateInline(ClosedYearInlineMixin, admin.TabularInline):
    model = ProgressUpdate
    extra = 0


@admin.register(GuidanceAction)
class GuidanceActionAdmin(ClosedYearAdminMixin, SimpleHistoryAdmin):  # type: ignore[type-arg]
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
